import { onCleanup } from 'solid-js';
import { followChanges } from './shared-changes';
import { refreshSchedule } from './refresh-schedule';

/**
 * Refetches when the campaign changes: on the board's change stream, once a
 * burst of changes of this campaign has been quiet for `quietMs` (a wall
 * chart redraws once, not once per move), and at the latest `maxWaitMs`
 * after the first change not yet shown (a busy campaign may never be quiet).
 * A `reset` (too far behind) refetches too. The answer tells whether the
 * stream is up.
 */
export function useLiveRefresh(campaignId: () => number, refetch: (campaignChanged: boolean) => void, quietMs = 1500, maxWaitMs = 10_000): () => boolean {
  // A change of the campaign itself (its phase advanced, its settings) is carried to the refetch, which then reads the
  // campaign too: a wall showed the phase it started in until it was reloaded.
  let campaignChanged = false;
  const schedule = refreshSchedule(
    () => {
      const changed = campaignChanged;
      campaignChanged = false;
      refetch(changed);
    },
    { quietMs, maxWaitMs },
  );
  const status = followChanges({
    onChange: (change) => {
      if (change.campaignId !== campaignId()) return;
      if (change.subject === 'campaign') campaignChanged = true;
      schedule.changed();
    },
    onReset: () => {
      campaignChanged = true;
      schedule.changed();
    },
  });
  onCleanup(() => schedule.stop());
  return () => status() === 'live';
}
