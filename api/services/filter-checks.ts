import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { categories, units, users } from '../../db/schema';
import type { UnitNode } from '../auth/unit-scope';
import type { FieldIssue } from '../../engine';
import { ApiError, queryRefused } from '../errors';

/*
 * The unit and the category a page's filter names, checked the same way on
 * the board, the lists and the report: one that is not there (an old
 * bookmark, a mistyped link) is refused by name rather than answered with an
 * empty page that looks like a campaign with nothing in it.
 */

/** Refuses a unit filter that names no unit of the tree. */
export function checkUnitFilter(tree: readonly UnitNode[], unit: string | undefined): void {
  if (unit === undefined) return;
  if (!tree.some((u) => u.id === unit)) throw queryRefused('unit', { zh: '没有这个单位', en: `No unit ${unit}` });
}

/**
 * Refuses a unit filter that names no unit of the tree, or (given the
 * reader's scope, a lead's or an officer's units) one outside it, by its
 * name: a link the office shared to another unit's board showed a lead an
 * empty one, as if that unit had nothing.
 */
export async function checkUnitInScope(db: Db | Tx, tree: readonly UnitNode[], unit: string | undefined, scope: readonly string[] | null): Promise<void> {
  checkUnitFilter(tree, unit);
  if (unit === undefined || scope === null || scope.includes(unit)) return;
  const [named] = await db.select({ zh: units.nameZh, en: units.nameEn }).from(units).where(eq(units.id, unit)).limit(1);
  throw queryRefused('unit', {
    zh: `${named?.zh ?? unit}不在您可查看的范围内（您可查看本单位及下级单位的事项）`,
    en: `${named?.en ?? unit} is outside the units you see (your own and those below it)`,
  });
}

/** Refuses a category filter that names no category of the campaign; a retired one is still a filter (its items keep it). */
export async function checkCategoryFilter(db: Db | Tx, campaignId: number, category: number | undefined): Promise<void> {
  if (category === undefined) return;
  const [found] = await db.select({ id: categories.id }).from(categories).where(and(eq(categories.campaignId, campaignId), eq(categories.id, category))).limit(1);
  if (found === undefined) throw queryRefused('category', { zh: '本专项没有这个类别', en: `This campaign has no category ${category}` });
}

/** Refuses an assignee filter that names no account; a disabled one is still a filter (the items they worked keep them). */
export async function checkAssigneeFilter(db: Db | Tx, assignee: number | 'none' | undefined): Promise<void> {
  if (assignee === undefined || assignee === 'none') return;
  const [found] = await db.select({ id: users.id }).from(users).where(eq(users.id, assignee)).limit(1);
  if (found === undefined) throw queryRefused('assignee', { zh: '没有这个用户', en: `No user ${assignee}` });
}

/**
 * Runs a page's filter checks and refuses once, naming every filter refused: a
 * link with a wrong unit and a wrong category said one at a time is mended by
 * trial. A check that fails otherwise (the database) fails as it would alone.
 */
export async function checkEveryFilter(checks: readonly (() => Promise<void> | void)[]): Promise<void> {
  const refused: FieldIssue[] = [];
  for (const check of checks) {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'bad_request' || error.fields === undefined) throw error;
      refused.push(...error.fields);
    }
  }
  if (refused.length > 0) throw new ApiError('bad_request', { fields: refused });
}
