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
