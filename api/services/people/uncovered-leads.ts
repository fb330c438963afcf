import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { unitLeads, units, users } from '../../../db/schema';
import { subtreeOf } from '../../auth/unit-scope';

/**
 * Takes unit leads off the units their own unit no longer covers, after a
 * unit moved (with everything below it) or a lead moved to another unit; of
 * the units named, or of the user named. A lead is stored only for a unit
 * their scope covers, so that they can act on what is escalated to them;
 * kept through a move, a county's lead moved to another county was still
 * sent the overdue items of the old one, which they could no longer open,
 * and the unit, having a lead, never fell back to its own. Office users
 * lead any unit. Returns, for each unit, the leads taken off it.
 */
export async function dropUncoveredLeads(tx: Tx, of: { readonly unitIds: readonly string[] } | { readonly userId: number }): Promise<Map<string, number[]>> {
  const stored = await tx
    .select({ unitId: unitLeads.unitId, userId: unitLeads.userId, role: users.role, ownUnit: users.unitId })
    .from(unitLeads)
    .innerJoin(users, eq(users.id, unitLeads.userId))
    .where('userId' in of ? eq(unitLeads.userId, of.userId) : inArray(unitLeads.unitId, [...of.unitIds]));
  const tree = await tx.select({ id: units.id, parentId: units.parentId }).from(units);
  const dropped = new Map<string, number[]>();
  for (const lead of stored) {
    if (lead.role !== 'lead' || subtreeOf(lead.ownUnit, tree).includes(lead.unitId)) continue;
    await tx.delete(unitLeads).where(and(eq(unitLeads.unitId, lead.unitId), eq(unitLeads.userId, lead.userId)));
    dropped.set(lead.unitId, [...(dropped.get(lead.unitId) ?? []), lead.userId]);
  }
  return dropped;
}
