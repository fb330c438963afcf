import { units } from '../../db/schema';
import type { Db, Tx } from '../../db/client';

export interface UnitNode {
  readonly id: string;
  readonly parentId: string | null;
}

/** The unit and every unit below it, in tree order: the engine's, which the People page uses too. */
export { subtreeOf } from '../../engine/units';

/**
 * The unit tree, read at most once a second. It changes rarely (an
 * administrator moves a unit), and another process's change reaches this
 * one within that second. With `writesEnded` (the write queue's count of
 * the writes other than moves ended in this process), it is read again
 * after any such write here, so a unit just made is a filter and a scope
 * at once, not a second later. With `maxAgeMs` 0 (a report counted in a
 * transaction), read afresh when asked.
 */
export function unitTreeReader(db: Db | Tx, maxAgeMs = 1000, writesEnded: () => number = () => 0) {
  let cached: { at: number; writes: number; units: UnitNode[] } | null = null;
  return async (): Promise<readonly UnitNode[]> => {
    const now = Date.now();
    const writes = writesEnded();
    if (cached === null || now - cached.at > maxAgeMs || cached.writes !== writes) {
      cached = { at: now, writes, units: await db.select({ id: units.id, parentId: units.parentId }).from(units) };
    }
    return cached.units;
  };
}

/**
 * The unit tree for one request: read when first asked for, as it stands
 * (a unit just made counts at once), and not again within the request.
 */
export function unitTreeOnce(db: Db | Tx): () => Promise<readonly UnitNode[]> {
  let tree: Promise<readonly UnitNode[]> | undefined;
  return () => (tree ??= unitTreeReader(db, 0)());
}
