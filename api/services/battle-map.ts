import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns, categories, clues, units } from '../../db/schema';
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
  const cells = await db
    .select({
      unitId: clues.unitId,
      categoryId: clues.categoryId,
      total: sql<number>`count(*)`,
      open: sql<number>`sum(${clues.state} in ${openStates})`,
      overdue: sql<number>`sum(${clues.state} in ${openStates} and ${clues.dueAt} < ${at})`,
      filed: sql<number>`sum(${clues.state} in ${filedOrBeyond})`,
      solved: sql<number>`sum(${clues.state} in ${solvedOrBeyond})`,
    })
    .from(clues)
    .where(eq(clues.campaignId, campaignId))
    .groupBy(clues.unitId, clues.categoryId);
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
