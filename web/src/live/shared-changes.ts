import { createRoot, onCleanup, type Accessor } from 'solid-js';
import { subscribeToChanges, type Change, type LiveStatus } from './live-events';

interface Listener {
  readonly onChange: (change: Change) => void;
  readonly onReset: () => void;
}

const listeners = new Set<Listener>();
let stream: { readonly status: Accessor<LiveStatus>; readonly close: () => void } | null = null;

/**
 * Hears the server's change stream for the lifetime of the calling
 * component, over one stream shared by every part of the page that follows
 * it this way (a page's own reads and the top bar's inbox count): a browser
 * holds few connections to a server at once, and each open stream keeps one,
 * so two per page left a third tab's reads waiting. The stream opens with
 * the first listener and closes with the last. Answers whether it is up.
 */
export function followChanges(listener: Listener): Accessor<LiveStatus> {
  listeners.add(listener);
  // Its own root: the stream outlives the component that opened it, while others still listen.
  const shared = (stream ??= createRoot((close) => ({
    close,
    status: subscribeToChanges({
      onChange: (change) => {
        for (const each of [...listeners]) each.onChange(change);
      },
      onReset: () => {
        for (const each of [...listeners]) each.onReset();
      },
    }).status,
  })));
  onCleanup(() => {
    listeners.delete(listener);
    if (listeners.size === 0 && stream === shared) {
      stream = null;
      shared.close();
    }
  });
  return shared.status;
}
