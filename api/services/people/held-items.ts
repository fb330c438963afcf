import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { campaigns, clues, problems, units, users } from '../../../db/schema';
import { hasUnitInScope, movesItems, openClueStates, openProblemStates, subtreeOf, type Actor, type Role } from '../../../engine';
import type { ItemKindName } from '../../contracts/board';
import { ApiError } from '../../errors';
import { applyRequestsIn } from '../move-item';
import type { AdminChange } from './people-audit';

/** An open item a user is the assignee of. */
export interface HeldItem {
  readonly kind: ItemKindName;
  readonly id: number;
}

/**
 * The open items `userId` holds that they could not act on with `after`'s
 * role and unit: a viewer or an administrator moves nothing, and a lead or
 * an officer moves only the items of their unit and the units below it (the
 * same reach that lets them open an item at all). Items of a concluded
 * campaign are left out: nothing of it moves, whoever holds it.
 */
export async function itemsOutOfReach(tx: Tx, userId: number, after: { readonly role: Role; readonly unitId: string }): Promise<HeldItem[]> {
  return heldOutOfReach(tx, await tx.select({ id: units.id, parentId: units.parentId }).from(units), userId, after);
}

/** The unit tree as the reach of a user is found in it. */
type UnitTree = readonly { readonly id: string; readonly parentId: string | null }[];

/** {@link itemsOutOfReach} in a tree already read. */
async function heldOutOfReach(tx: Tx, tree: UnitTree, userId: number, after: { readonly role: Role; readonly unitId: string }): Promise<HeldItem[]> {
  const actor: Actor = { userId, role: after.role, unitScope: subtreeOf(after.unitId, tree) };
  const lost: HeldItem[] = [];
  for (const [kind, table, open] of [
    ['clue', clues, openClueStates],
    ['problem', problems, openProblemStates],
  ] as const) {
    const held = await tx
      .select({ id: table.id, unitId: table.unitId })
      .from(table)
      .innerJoin(campaigns, eq(campaigns.id, table.campaignId))
      .where(and(eq(table.assigneeId, userId), inArray(table.state, [...open]), ne(campaigns.state, 'concluded')));
    for (const item of held) if (!movesItems(actor.role) || !hasUnitInScope(actor, item.unitId)) lost.push({ kind, id: item.id });
  }
  return lost;
}

/**
 * The open items held in `unitIds` (a unit moved to another parent, and the units below it) by people who, in `tree`
 * (as it stands after the move), no longer reach them: an officer of the county the unit left held a case of its
 * station. The tree is the move's own reading, not read again for each person holding an item there.
 */
export async function itemsOutOfReachIn(tx: Tx, unitIds: readonly string[], tree: UnitTree): Promise<HeldItem[]> {
  const holders = new Map<number, { readonly role: Role; readonly unitId: string }>();
  for (const table of [clues, problems]) {
    const rows = await tx
      .selectDistinct({ id: users.id, role: users.role, unitId: users.unitId })
      .from(table)
      .innerJoin(users, eq(users.id, table.assigneeId))
      .where(inArray(table.unitId, [...unitIds]));
    for (const row of rows) holders.set(row.id, row);
  }
  const lost: HeldItem[] = [];
  for (const [userId, reach] of holders) lost.push(...(await heldOutOfReach(tx, tree, userId, reach)));
  return lost;
}

/**
 * A role or unit change refused until the administrator confirms it: the user
 * would go on holding `count` items they can no longer open or move, and
 * nobody else would be asked to take them. Named by the field that takes them
 * out of reach, with the count in `heldItems` for the form's question.
 */
export function holdsItemsRefusal(field: 'role' | 'unitId' | 'parentId', count: number): ApiError {
  const message = field === 'parentId' ? movedAwayMessage(count) : {
    zh: `该用户仍承办 ${count} 项，修改后将无法打开或办理；确认后这些事项退回所在单位，待重新分派`,
    en: `This user holds ${count} open item${count === 1 ? '' : 's'} they could no longer open or move; confirm to hand ${count === 1 ? 'it' : 'them'} back to ${count === 1 ? 'its' : 'their'} unit for reassignment`,
  };
  return new ApiError('holds_items', { reason: message, fields: [{ field, message }], extra: { heldItems: count } });
}

/**
 * Takes the user off each item as an assignment to nobody, so that it waits
 * in its unit for its lead to assign it again, each with its own entry in the
 * item's history (and its standing escalations passed on to the unit's lead).
 * The administrator does it as the office would: assigning is the office's or
 * a lead's move, and the item's log is replayed by the same rules.
 */
export async function releaseHeldItems(tx: Tx, items: readonly HeldItem[], change: AdminChange & { readonly by: number }): Promise<void> {
  const releaser: Actor = { userId: change.by, role: 'office', unitScope: [] };
  for (const item of items) {
    await applyRequestsIn(tx, item.kind, item.id, releaser, 'current', [{ event: `${item.kind}.assign`, payload: { assigneeId: null } }], change.now);
  }
}

/** What a unit's move says of the items it takes out of reach of the people who hold them. */
const movedAwayMessage = (count: number) => ({
  zh: `移动后，有人承办的 ${count} 项在办事项将超出其承办人的单位范围、无法打开或办理；确认后这些事项退回所在单位，待重新分派`,
  en:
    count === 1
      ? 'Moved, an open item would be out of reach of the person it is assigned to, who could no longer open or move it; confirm to hand it back to its unit for reassignment'
      : `Moved, ${count} open items would be out of reach of the people they are assigned to, who could no longer open or move them; confirm to hand them back to their units for reassignment`,
});
