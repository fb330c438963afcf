import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { openClueStates, openProblemStates } from '../../engine';
import type { ItemKindName } from '../contracts/board';

const openStates: Record<ItemKindName, readonly string[]> = { clue: openClueStates, problem: openProblemStates };

/**
 * The items with no progress for `days` before `now`, as the boards and the
 * lists filter them: still open (a closed item is not waiting for anyone),
 * their last work note and their move into the state before then, and no
 * file attached since (a statement, a bank's reply: work done as much as a
 * note). The two times are columns (`last_note_at` copies the context's
 * lastNoteAt), so the filter parses no context: 100,000 clues in one scan;
 * the files are asked of the attachments' index, for the items left.
 */
export function quietFor(
  kind: ItemKindName,
  days: number,
  now: Date,
  item: { readonly id: SQLWrapper; readonly state: SQLWrapper; readonly enteredAt: SQLWrapper; readonly lastNoteAt: SQLWrapper },
): SQL {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return sql`${item.state} in ${openStates[kind]} and ${item.enteredAt} < ${cutoff} and coalesce(${item.lastNoteAt}, '') < ${cutoff}
    and not exists (select 1 from attachments indexed by attachments_subject where subject = ${kind} and subject_id = ${item.id} and attached_at >= ${cutoff})`;
}
