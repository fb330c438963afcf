import { createSignal } from 'solid-js';
import type { Card } from '../api/client';
import type { Change } from '../live/live-events';
import { overtakes } from '../live/overtakes';

/** An open move dialog, as far as what changed its card goes. */
interface DraftOf {
  readonly card: Pick<Card, 'kind' | 'id' | 'version'>;
}

/** Whether someone else's change is to the card of an open move dialog, and makes the move prepared on it stale. */
export const overtakesDraft = (draft: DraftOf, change: Change): boolean => change.subject === draft.card.kind && change.subjectId === draft.card.id && overtakes(change, draft.card.version);

/**
 * An open move dialog whose card someone else changed meanwhile, and the state the card is in now: the dialog says so
 * before its submit is refused.
 */
export function createDraftOvertaken<D extends DraftOf>(draft: () => D | null) {
  const [overtaken, setOvertaken] = createSignal<{ readonly draft: D; readonly state: string | null } | null>(null);
  return {
    /** What the dialog of this draft says of its card changed meanwhile; null when nothing did (or for an earlier dialog). */
    of: (current: D) => (overtaken()?.draft === current ? overtaken() : null),
    /** Called with each change to an item of the campaign. */
    noticeChange(change: Change) {
      const open = draft();
      if (open !== null && overtakesDraft(open, change)) setOvertaken({ draft: open, state: change.toState });
    },
  };
}
