import type { z } from 'zod';
import type { changeEvent } from '../../../api/routes/events';
import { createSignal, onCleanup } from 'solid-js';
import { api } from '../api/client';
import { reportUnauthenticated } from '../api/typed-call';
import { readReachAgain } from '../session/reach-check';

/** One change the server tells this user about (the data of a `change` event of GET /api/events), as the API's contract defines it. */
export type Change = z.infer<typeof changeEvent>;

export type LiveStatus = 'connecting' | 'live' | 'offline';

/** Whether the server no longer knows this browser's session (a network failure is not an ended session). */
async function sessionEnded(): Promise<boolean> {
  try {
    return (await api.session()) === null;
  } catch {
    return false;
  }
}

function isChange(value: unknown): value is Change {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.seq === 'number' && typeof v.campaignId === 'number' && typeof v.subject === 'string' && typeof v.subjectId === 'number';
}

/**
 * Subscribes to the server's change stream for the lifetime of the calling
 * component. EventSource reconnects by itself and resends Last-Event-ID, so
 * missed changes arrive after a drop; when the browser gives up (a closed
 * stream), a new one is opened after a pause. `reset` means too much was
 * missed to replay: the caller reloads what it shows. With `from`, the
 * stream opens once the caller's data is read, from the audit sequence
 * number that data reflects, so a change made in between is not missed.
 * After a break (the network lost, or the stream ended: the server ends the
 * stream of one whose units or role changed), once it is back (the network
 * with the stream still open, or the stream opened again) the status is live
 * again, the user is read again and `onReset` is called: they may now see
 * other items, and a change that arrived meanwhile may have asked for reads
 * that failed.
 */
export function subscribeToChanges(handlers: { onChange: (change: Change) => void; onReset: () => void; from?: Promise<number | null> }) {
  const [status, setStatus] = createSignal<LiveStatus>('connecting');
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lastSeq: number | null = null;
  let disposed = false;
  let started = false;
  // The network or the stream dropped since the page was last sure it showed everything.
  let interrupted = false;

  const backAfterBreak = () => {
    setStatus('live');
    if (!interrupted) return;
    interrupted = false;
    void readReachAgain().then(() => {
      if (!disposed) handlers.onReset();
    });
  };

  const open = () => {
    if (disposed) return;
    started = true;
    // A fresh EventSource cannot set Last-Event-ID itself: `since` carries where we were.
    source = new EventSource(lastSeq === null ? '/api/events' : `/api/events?since=${lastSeq}`);
    source.addEventListener('open', backAfterBreak);
    source.addEventListener('change', (event) => {
      let data: unknown;
      try {
        data = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      if (!isChange(data)) return;
      lastSeq = data.seq;
      handlers.onChange(data);
    });
    source.addEventListener('reset', (event) => {
      const seq = Number((event as MessageEvent<string>).lastEventId);
      if (Number.isInteger(seq)) lastSeq = seq;
      handlers.onReset();
    });
    source.addEventListener('error', () => {
      interrupted = true;
      setStatus('offline');
      if (source?.readyState === EventSource.CLOSED) {
        source.close();
        clearTimeout(retry);
        // A stream the server refused (the browser does not say why): if the session has ended, the page goes to the
        // sign-in as any refused read does, rather than showing what it last had, stale, with no one told (a wall left
        // on for weeks). Otherwise (the server restarting, the network) it is opened again after a pause.
        void sessionEnded().then((ended) => {
          if (ended) reportUnauthenticated();
          else if (!disposed) retry = setTimeout(open, 3000);
        });
      }
    });
  };

  const online = () => {
    if (!started) return;
    // The stream may have stayed open through the break, and carried changes whose reads failed meanwhile.
    if (source?.readyState === EventSource.OPEN) {
      backAfterBreak();
      return;
    }
    source?.close();
    clearTimeout(retry);
    open();
  };
  const offline = () => {
    interrupted = true;
    setStatus('offline');
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  if (handlers.from === undefined) {
    open();
  } else {
    void handlers.from.then((seq) => {
      if (seq !== null) lastSeq = seq;
      open();
    });
  }

  onCleanup(() => {
    disposed = true;
    clearTimeout(retry);
    source?.close();
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  });

  return { status };
}
