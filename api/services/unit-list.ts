import { asc } from 'drizzle-orm';
import { treeOrder } from '../../engine/unit-tree';
import type { Db, Tx } from '../../db/client';
import { units } from '../../db/schema';
import type { Unit } from '../contracts/campaign';

/**
 * Every unit in tree order (each below its parent, siblings by the bureau's
 * sortOrder), as the pickers, the campaign's page and its settings read them:
 * the pickers indent by depth and keep this order, so a unit stored later
 * under an earlier one must come right after its parent's subtree place, not
 * last. The retired ones too, marked, since they are still filtered and
 * reported by (a picker of where work goes leaves them out).
 */
export async function readUnits(db: Db | Tx): Promise<Unit[]> {
  const rows = await db
    .select({ id: units.id, parentId: units.parentId, kind: units.kind, nameZh: units.nameZh, nameEn: units.nameEn, mapFeatureId: units.mapFeatureId, retiredAt: units.retiredAt })
    .from(units)
    .orderBy(asc(units.sortOrder), asc(units.id));
  return treeOrder(rows).map(({ unit: { retiredAt, ...unit } }) => ({ ...unit, retired: retiredAt !== null }));
}
