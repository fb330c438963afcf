import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { openClueStates, openProblemStates } from '../../engine';
import type { ItemKindName } from '../contracts/board';

const openStates: Record<ItemKindName, readonly string[]> = { clue: openClueStates, problem: openProblemStates };

/**
 * The items with no progress for `days` before `now`, as the boards and the
 * lists filter them: still open (a closed item is not waiting for anyone),
 * and the later of their last work note and their move into the state is
 * before then. Both times are columns (`last_note_at` copies the context's
 * lastNoteAt), so the filter parses no context: 100,000 clues in one scan.
 */
export function quietFor(kind: ItemKindName, days: number, now: Date, item: { readonly state: SQLWrapper; readonly enteredAt: SQLWrapper; readonly lastNoteAt: SQLWrapper }): SQL {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return sql`${item.state} in ${openStates[kind]} and ${item.enteredAt} < ${cutoff} and coalesce(${item.lastNoteAt}, '') < ${cutoff}`;
}
