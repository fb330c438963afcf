import { and, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { boardCounts } from '../../db/schema';
import type { ItemKindName } from '../contracts/board';
import { tableOf } from './item-tables';

/** How many items of the board's filter are in a state, unit and (for category lanes only) category. */
export interface Group {
  readonly state: string;
  readonly unitId: string;
  readonly categoryId: number | null;
  readonly n: number;
}

/** What narrows a board: the kept counts answer for units and a category; anything else needs the cards counted. */
export interface CountedFilter {
  readonly campaignId: number;
  readonly kind: ItemKindName;
  /** Each list restricts the units (the viewer's scope, the unit filter's subtree); all apply. */
  readonly unitLists: readonly (readonly string[])[];
  readonly category?: number | undefined;
  /** Only the items with an unresolved escalation: the kept counts hold how many of each group have one. */
  readonly escalated: boolean;
  readonly byCategory: boolean;
  /** Conditions only the cards themselves can answer (assignee, overdue, phase, search), with the above included. */
  readonly cardsWhere: SQL | undefined;
  readonly cardsOnly: boolean;
}

/**
 * The board's counts per state and unit (and category, for category lanes).
 * From `board_counts`, which triggers keep as items are written, when the
 * board is narrowed only by units, a category and to escalated items: a read of a few
 * hundred rows however large the campaign. Otherwise by counting the
 * matching cards. Grouping by category multiplies the rows read back, so it
 * is done only for category lanes.
 */
export async function boardGroups(db: Db, filter: CountedFilter): Promise<readonly Group[]> {
  if (filter.cardsOnly) {
    const t = tableOf(filter.kind);
    return filter.byCategory
      ? db.select({ state: t.state, unitId: t.unitId, categoryId: t.categoryId, n: count() }).from(t).where(filter.cardsWhere).groupBy(t.state, t.unitId, t.categoryId)
      : (await db.select({ state: t.state, unitId: t.unitId, n: count() }).from(t).where(filter.cardsWhere).groupBy(t.state, t.unitId)).map((g) => ({ ...g, categoryId: null }));
  }
  const b = boardCounts;
  const where = and(
    eq(b.campaignId, filter.campaignId),
    eq(b.kind, filter.kind),
    gt(filter.escalated ? b.escalated : b.n, 0),
    ...filter.unitLists.map((list) => inArray(b.unitId, [...list])),
    filter.category === undefined ? undefined : eq(b.categoryId, filter.category),
  );
  const n = sql<number>`sum(${filter.escalated ? b.escalated : b.n})`.mapWith(Number);
  return filter.byCategory
    ? db.select({ state: b.state, unitId: b.unitId, categoryId: b.categoryId, n }).from(b).where(where).groupBy(b.state, b.unitId, b.categoryId)
    : (await db.select({ state: b.state, unitId: b.unitId, n }).from(b).where(where).groupBy(b.state, b.unitId)).map((g) => ({ ...g, categoryId: null }));
}

/** How many items of a unit are in a state, whatever the board's filters: what its WIP limit is judged against. */
export interface UnitHolding {
  readonly state: string;
  readonly unitId: string;
  readonly n: number;
}

/**
 * Each unit's items per state, all of them: a WIP limit (在办上限) applies to
 * a unit's whole workload in the state, so a filter (a category, overdue, a
 * person, a search) narrows the cards shown, never whether a unit is over.
 * From the kept counts, narrowed only by units (the viewer's scope, the unit
 * filter's subtree): a read of a few hundred rows however the board is filtered.
 */
export async function unitHoldings(db: Db, filter: Pick<CountedFilter, 'campaignId' | 'kind' | 'unitLists'>): Promise<readonly UnitHolding[]> {
  const b = boardCounts;
  return db
    .select({ state: b.state, unitId: b.unitId, n: sql<number>`sum(${b.n})`.mapWith(Number) })
    .from(b)
    .where(and(eq(b.campaignId, filter.campaignId), eq(b.kind, filter.kind), gt(b.n, 0), ...filter.unitLists.map((list) => inArray(b.unitId, [...list]))))
    .groupBy(b.state, b.unitId);
}

/** Whether the board's counts are already each unit's whole (narrowed by units alone), so {@link unitHoldings} need not be read. */
export function countsAreWhole(filter: Pick<CountedFilter, 'category' | 'escalated' | 'cardsOnly'>): boolean {
  return !filter.cardsOnly && !filter.escalated && filter.category === undefined;
}
