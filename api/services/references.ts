import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { categories, units, users } from '../../db/schema';
import { refusalLabels, type FieldIssue } from '../../engine';
import type { Label } from '../../engine/labels';
import { subtreeOf } from '../auth/unit-scope';
import { ApiError } from '../errors';

const issue = (field: string, zh: string, en: string): FieldIssue => ({ field, message: { zh, en } });

/** Whether a request's payload names a unit, an assignee or a category that must be checked against the database. */
export function namesReferences(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const named = payload as { unitId?: unknown; assigneeId?: unknown; categoryId?: unknown };
  return typeof named.unitId === 'string' || typeof named.assigneeId === 'number' || typeof named.categoryId === 'number';
}

/** A unit as the checks of what a request names need it. */
interface UnitFacts {
  readonly id: string;
  readonly parentId: string | null;
  readonly retiredAt: string | null;
}

/** A user as the checks of an assignee need them. */
interface AssigneeFacts {
  readonly unitId: string;
  readonly role: string;
  readonly disabledAt: string | null;
}

/**
 * Why a unit cannot take an item (a new one, or one moved to it), or
 * undefined when it can. A retired unit keeps what it holds, so history
 * still names it, but takes no new work.
 */
export function unitRefusal(unit: UnitFacts | undefined, unitId: string): Label | undefined {
  if (unit === undefined) return { zh: '没有这个单位', en: `There is no unit ${unitId}` };
  if (unit.retiredAt !== null) return { zh: '该单位已撤销，不再接收事项', en: 'That unit is retired and takes no new work' };
  return undefined;
}

/** Why a user cannot be the assignee of an item of `unitId`, or undefined when they can: active, given work at all, and of the unit or one below it (the office's anywhere). */
export function assigneeRefusal(user: AssigneeFacts | undefined, unitId: string, allUnits: readonly UnitFacts[]): Label | undefined {
  if (user === undefined || user.disabledAt !== null) return { zh: '没有这个在岗用户', en: 'There is no active user with this id' };
  if (user.role === 'admin' || user.role === 'viewer') return { zh: '系统管理员和观察员不承办事项', en: 'Administrators and viewers are not assigned work' };
  if (user.role !== 'office' && !subtreeOf(unitId, allUnits).includes(user.unitId)) return { zh: '承办人须属于该事项所在单位', en: "The assignee must belong to the item's unit" };
  return undefined;
}

/**
 * Checks that the ids a request names exist and fit the item: a unit that
 * exists and, unless the item is with it already, is not retired; an active
 * user of the item's unit (or a unit below it) as its assignee; a category
 * of the campaign that is not retired. The engine judges the move; this
 * judges only that what it names is real. `unitId` is null for an item
 * being made.
 */
export async function checkReferences(db: Db | Tx, item: { campaignId: number; unitId: string | null; categoryId?: number | null }, payload: unknown): Promise<void> {
  // Most moves name nothing: no reads at all for them.
  if (!namesReferences(payload)) return;
  const named = payload as { unitId?: unknown; assigneeId?: unknown; categoryId?: unknown };
  const issues: FieldIssue[] = [];
  const allUnits = await db.select({ id: units.id, parentId: units.parentId, retiredAt: units.retiredAt }).from(units);
  if (typeof named.unitId === 'string' && named.unitId !== item.unitId) {
    const refusal = unitRefusal(
      allUnits.find((u) => u.id === named.unitId),
      named.unitId,
    );
    if (refusal !== undefined) issues.push({ field: 'unitId', message: refusal });
  }
  // An assignee belongs to the unit the item will be with after this request.
  const unitAfter = typeof named.unitId === 'string' ? named.unitId : item.unitId;
  if (typeof named.assigneeId === 'number' && unitAfter !== null) {
    const [user] = await db.select({ unitId: users.unitId, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, named.assigneeId)).limit(1);
    const refusal = assigneeRefusal(user, unitAfter, allUnits);
    if (refusal !== undefined) issues.push({ field: 'assigneeId', message: refusal });
  }
  if (typeof named.categoryId === 'number') {
    const [category] = await db
      .select({ retiredAt: categories.retiredAt })
      .from(categories)
      .where(and(eq(categories.id, named.categoryId), eq(categories.campaignId, item.campaignId)))
      .limit(1);
    if (category === undefined) issues.push(issue('categoryId', '本专项没有这个类别', 'This campaign has no such category'));
    // A retired category takes no new items, but one already in it keeps it: a client sending the whole record back
    // with its category as it was (as an API user's PUT-like edit does) is not refused for what it did not change.
    else if (category.retiredAt !== null && named.categoryId !== item.categoryId) issues.push(issue('categoryId', '该类别已停用', 'This category is retired'));
  }
  // The engine's own reason for the code, so a client tells this general refusal from a specific one by its words alone.
  if (issues.length > 0) throw new ApiError('payload_invalid', { fields: issues, reason: refusalLabels.payload_invalid });
}
