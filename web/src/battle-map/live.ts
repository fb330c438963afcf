import { onCleanup } from 'solid-js';
import { subscribeToChanges } from '../live/live-events';

/**
 * Refetches when the campaign changes: on the board's change stream, once a
 * burst of changes of this campaign has been quiet for `quietMs` (a wall
 * chart redraws once, not once per move). A `reset` (too far behind)
 * refetches too. The answer tells whether the stream is up.
 */
export function useLiveRefresh(campaignId: () => number, refetch: () => void, quietMs = 1500): () => boolean {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refetch, quietMs);
  };
  const { status } = subscribeToChanges({
    onChange: (change) => {
      if (change.campaignId === campaignId()) later();
    },
    onReset: later,
  });
  onCleanup(() => clearTimeout(timer));
  return () => status() === 'live';
}
