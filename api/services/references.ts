import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { categories, units, users } from '../../db/schema';
import { refusalLabels, type FieldIssue } from '../../engine';
import { subtreeOf } from '../auth/unit-scope';
import { ApiError } from '../errors';

const issue = (field: string, zh: string, en: string): FieldIssue => ({ field, message: { zh, en } });

/** Whether a request's payload names a unit, an assignee or a category that must be checked against the database. */
export function namesReferences(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const named = payload as { unitId?: unknown; assigneeId?: unknown; categoryId?: unknown };
  return typeof named.unitId === 'string' || typeof named.assigneeId === 'number' || typeof named.categoryId === 'number';
}

/**
 * Checks that the ids a request names exist and fit the item: a unit that
 * exists; an active user of the item's unit (or a unit below it) as its
 * assignee; a category of the campaign that is not retired. The engine
 * judges the move; this judges only that what it names is real.
 */
export async function checkReferences(db: Db | Tx, item: { campaignId: number; unitId: string }, payload: unknown): Promise<void> {
  // Most moves name nothing: no reads at all for them.
  if (!namesReferences(payload)) return;
  const named = payload as { unitId?: unknown; assigneeId?: unknown; categoryId?: unknown };
  const issues: FieldIssue[] = [];
  const allUnits = await db.select({ id: units.id, parentId: units.parentId }).from(units);
  if (typeof named.unitId === 'string' && !allUnits.some((u) => u.id === named.unitId)) {
    issues.push(issue('unitId', '没有这个单位', `There is no unit ${named.unitId}`));
  }
  // An assignee belongs to the unit the item will be with after this request.
  const unitAfter = typeof named.unitId === 'string' ? named.unitId : item.unitId;
  if (typeof named.assigneeId === 'number') {
    const [user] = await db
      .select({ unitId: users.unitId, role: users.role })
      .from(users)
      .where(and(eq(users.id, named.assigneeId), isNull(users.disabledAt)))
      .limit(1);
    if (user === undefined) issues.push(issue('assigneeId', '没有这个在岗用户', 'There is no active user with this id'));
    else if (user.role === 'admin' || user.role === 'viewer') {
      issues.push(issue('assigneeId', '系统管理员和观察员不承办事项', 'Administrators and viewers are not assigned work'));
    } else if (user.role !== 'office' && !subtreeOf(unitAfter, allUnits).includes(user.unitId)) {
      issues.push(issue('assigneeId', '承办人须属于该事项所在单位', "The assignee must belong to the item's unit"));
    }
  }
  if (typeof named.categoryId === 'number') {
    const [category] = await db
      .select({ retiredAt: categories.retiredAt })
      .from(categories)
      .where(and(eq(categories.id, named.categoryId), eq(categories.campaignId, item.campaignId)))
      .limit(1);
    if (category === undefined) issues.push(issue('categoryId', '本专项没有这个类别', 'This campaign has no such category'));
    else if (category.retiredAt !== null) issues.push(issue('categoryId', '该类别已停用', 'This category is retired'));
  }
  // The engine's own reason for the code, so a client tells this general refusal from a specific one by its words alone.
  if (issues.length > 0) throw new ApiError('payload_invalid', { fields: issues, reason: refusalLabels.payload_invalid });
}
