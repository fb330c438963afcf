import { createSignal, onCleanup, onMount } from 'solid-js';

/**
 * Refetches when the campaign changes: listens to the server's event
 * stream (`GET /api/events`) and, after a burst of `change` events of this
 * campaign has been quiet for `quietMs`, calls `refetch` once. A `reset`
 * (too far behind) refetches too. EventSource reconnects by itself; the
 * answer tells whether the stream is up.
 */
export function useLiveRefresh(campaignId: () => number, refetch: () => void, quietMs = 1500): () => boolean {
  const [connected, setConnected] = createSignal(false);
  onMount(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let connectedBefore = false;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(refetch, quietMs);
    };
    const open = () => {
      source = new EventSource('/api/events');
      source.addEventListener('open', () => {
        setConnected(true);
        // What changed while a stream was down is not replayed to a new one: catch up once.
        if (connectedBefore) later();
        connectedBefore = true;
      });
      source.addEventListener('error', () => {
        setConnected(false);
        // EventSource retries by itself unless the server refused the stream; then try again later.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(open, 5000);
      });
      source.addEventListener('change', (event) => {
        try {
          const change: unknown = JSON.parse((event as MessageEvent<string>).data);
          if (typeof change === 'object' && change !== null && 'campaignId' in change && change.campaignId !== campaignId()) return;
        } catch {
          // An unreadable event still means something changed.
        }
        later();
      });
      source.addEventListener('reset', later);
    };
    open();
    onCleanup(() => {
      clearTimeout(timer);
      clearTimeout(retry);
      source?.close();
    });
  });
  return connected;
}
