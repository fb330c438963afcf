import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { openClueStates, openProblemStates } from '../../engine';
import type { ItemKindName } from '../contracts/board';

/**
 * Progress on an item, as the boards and lists filter and show it. A work
 * note's time lives in the item's context (the engine keeps it there; no
 * column copies it, so a note rewrites no index entry); entering the state
 * is a column.
 */

/** When the item's last work note was written, or null. */
export const lastNoteAtOf = (context: SQLWrapper): SQL<string | null> => sql<string | null>`json_extract(${context}, '$.lastNoteAt')`;

const openStates: Record<ItemKindName, readonly string[]> = { clue: openClueStates, problem: openProblemStates };

/**
 * The items with no progress for `days` before `now`: still open (a closed
 * item is not waiting for anyone), and the later of their last work note and
 * their move into the state is before then.
 */
export function quietFor(kind: ItemKindName, days: number, now: Date, item: { readonly state: SQLWrapper; readonly enteredAt: SQLWrapper; readonly context: SQLWrapper }): SQL {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return sql`${item.state} in ${openStates[kind]} and max(${item.enteredAt}, coalesce(${lastNoteAtOf(item.context)}, '')) < ${cutoff}`;
}
