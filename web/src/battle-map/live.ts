import { onCleanup } from 'solid-js';
import { subscribeToChanges } from '../live/live-events';
import { refreshSchedule } from '../live/refresh-schedule';

/**
 * Refetches when the campaign changes: on the board's change stream, once a
 * burst of changes of this campaign has been quiet for `quietMs` (a wall
 * chart redraws once, not once per move), and at the latest `maxWaitMs`
 * after the first change not yet shown (a busy campaign may never be quiet).
 * A `reset` (too far behind) refetches too. The answer tells whether the
 * stream is up.
 */
export function useLiveRefresh(campaignId: () => number, refetch: () => void, quietMs = 1500, maxWaitMs = 10_000): () => boolean {
  const schedule = refreshSchedule(refetch, { quietMs, maxWaitMs });
  const { status } = subscribeToChanges({
    onChange: (change) => {
      if (change.campaignId === campaignId()) schedule.changed();
    },
    onReset: () => schedule.changed(),
  });
  onCleanup(() => schedule.stop());
  return () => status() === 'live';
}
