import { and, asc, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { boardCounts, campaigns, categories, clues, units } from '../../db/schema';
import { phases } from '../../engine';
import type { BattleMap } from '../contracts/battle-map';
import { loadCampaign } from './campaign-rules';
import { targetFacts } from './exit-facts';

const openStates = sql`('found', 'verifying', 'filed', 'solved')`;
const filedOrBeyond = sql`('filed', 'solved', 'prosecuted')`;
const solvedOrBeyond = sql`('solved', 'prosecuted')`;

/**
 * The wall chart's figures, counted in SQL for the whole campaign: each
 * unit's measures, the unit × category grid, the phase timeline and the
 * targets of the current phase. Aggregates: every role sees them.
 */
export async function readBattleMap(db: Db, campaignId: number, now: Date): Promise<BattleMap> {
  const campaign = await loadCampaign(db, campaignId);
  const at = now.toISOString();
  // Per unit and category, from the counts the item triggers keep (board_counts), so the chart does not
  // read every clue; only the overdue count reads the open clues, from the covering index alone.
  const kept = await db
    .select({
      unitId: boardCounts.unitId,
      categoryId: boardCounts.categoryId,
      total: sql<number>`sum(${boardCounts.n})`.mapWith(Number),
      open: sql<number>`sum(case when ${boardCounts.state} in ${openStates} then ${boardCounts.n} else 0 end)`.mapWith(Number),
      filed: sql<number>`sum(case when ${boardCounts.state} in ${filedOrBeyond} then ${boardCounts.n} else 0 end)`.mapWith(Number),
      solved: sql<number>`sum(case when ${boardCounts.state} in ${solvedOrBeyond} then ${boardCounts.n} else 0 end)`.mapWith(Number),
    })
    .from(boardCounts)
    .where(and(eq(boardCounts.campaignId, campaignId), eq(boardCounts.kind, 'clue'), gt(boardCounts.n, 0)))
    .groupBy(boardCounts.unitId, boardCounts.categoryId);
  const late = await db
    .select({ unitId: clues.unitId, categoryId: clues.categoryId, n: count() })
    .from(clues)
    .where(and(eq(clues.campaignId, campaignId), sql`${clues.state} in ${openStates}`, lt(clues.dueAt, at)))
    // In the index's order (state first): SQLite streams the groups instead of sorting the open clues.
    .groupBy(clues.state, clues.unitId, clues.categoryId);
  const cellKey = (unitId: string, categoryId: number | null) => `${unitId}|${categoryId ?? ''}`;
  const overdueOf = new Map<string, number>();
  for (const row of late) overdueOf.set(cellKey(row.unitId, row.categoryId), (overdueOf.get(cellKey(row.unitId, row.categoryId)) ?? 0) + row.n);
  const cells = kept.map((cell) => ({ ...cell, overdue: overdueOf.get(cellKey(cell.unitId, cell.categoryId)) ?? 0 }));
  const [unitRows, categoryRows, targets] = await Promise.all([
    db.select().from(units).orderBy(asc(units.sortOrder)),
    db.select().from(categories).where(eq(categories.campaignId, campaignId)).orderBy(asc(categories.sortOrder)),
    targetFacts(db, campaign),
  ]);
  const perUnit = new Map<string, { open: number; overdue: number; filed: number; solved: number; total: number }>();
  for (const cell of cells) {
    const u = perUnit.get(cell.unitId) ?? { open: 0, overdue: 0, filed: 0, solved: 0, total: 0 };
    u.open += Number(cell.open);
    u.overdue += Number(cell.overdue);
    u.filed += Number(cell.filed);
    u.solved += Number(cell.solved);
    u.total += Number(cell.total);
    perUnit.set(cell.unitId, u);
  }
  return {
    campaignId,
    now: at,
    state: campaign.state,
    units: unitRows
      .filter((u) => u.kind !== 'office')
      .map((u) => {
        const m = perUnit.get(u.id) ?? { open: 0, overdue: 0, filed: 0, solved: 0, total: 0 };
        return { unitId: u.id, kind: u.kind, label: { zh: u.nameZh, en: u.nameEn }, mapFeatureId: u.mapFeatureId, ...m, solveRate: m.filed === 0 ? null : Math.round((m.solved / m.filed) * 1000) / 1000 };
      }),
    categories: [...categoryRows.map((c) => ({ categoryId: c.id, label: { zh: c.nameZh, en: c.nameEn } })), { categoryId: null, label: { zh: '未分类', en: 'Uncategorised' } }],
    grid: cells.map((c) => ({ unitId: c.unitId, categoryId: c.categoryId, total: Number(c.total), open: Number(c.open) })),
    timeline: phases.map((phase) => ({
      phase,
      start: campaign.config.windows[phase].start,
      end: campaign.config.windows[phase].end,
      enteredAt: campaign.context.phaseEnteredAt[phase] ?? null,
    })),
    targets: targets.map((t) => ({ ...t })),
    hasMap: (await db.select({ has: sql<number>`${campaigns.mapGeojson} is not null` }).from(campaigns).where(eq(campaigns.id, campaignId)))[0]?.has === 1,
  };
}
