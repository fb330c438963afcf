import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { clueRungs, clues, problemRungs, problems } from '../../db/schema';
import type { ItemKindName } from '../contracts/board';

/**
 * The table of a kind. The two tables have the same columns and differ only
 * in the state enum, so queries are written once against the clue table's
 * type; the state strings they compare with come from the kind's own list.
 */
export function tableOf(kind: ItemKindName): typeof clues {
  return (kind === 'clue' ? clues : problems) as unknown as typeof clues;
}

/** The rungs raised for a kind's items (see `clueRungs`); the two tables have the same columns. */
export function rungsOf(kind: ItemKindName): typeof clueRungs {
  return (kind === 'clue' ? clueRungs : problemRungs) as unknown as typeof clueRungs;
}

/** The titles of these clues and problems, in one read a kind, keyed `kind:id`; an unknown item is left out. */
export async function titlesOf(db: Db | Tx, items: readonly { readonly subject: string; readonly subjectId: number }[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const kind of ['clue', 'problem'] as const) {
    const ids = [...new Set(items.filter((item) => item.subject === kind).map((item) => item.subjectId))];
    if (ids.length === 0) continue;
    const t = tableOf(kind);
    for (const item of await db.select({ id: t.id, title: t.title }).from(t).where(inArray(t.id, ids))) titles.set(`${kind}:${item.id}`, item.title);
  }
  return titles;
}
