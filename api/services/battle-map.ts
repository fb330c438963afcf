import { and, asc, count, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { categories, clues, units } from '../../db/schema';
import { deadlinesJudgedAt, openClueStates, phases } from '../../engine';
import type { BattleMap } from '../contracts/battle-map';
import { boardGroups } from './board-counts';
import { loadCampaign } from './campaign-rules';
import { hasStoredMap } from './campaign-map-store';
import { drawnUnitOf } from './drawn-units';
import { targetFacts } from './exit-facts';

const open: ReadonlySet<string> = new Set(openClueStates);
const filedOrBeyond: ReadonlySet<string> = new Set(['filed', 'solved', 'prosecuted']);
const solvedOrBeyond: ReadonlySet<string> = new Set(['solved', 'prosecuted']);

interface Measures {
  total: number;
  open: number;
  overdue: number;
  filed: number;
  solved: number;
}
const noMeasures = (): Measures => ({ total: 0, open: 0, overdue: 0, filed: 0, solved: 0 });

/**
 * The wall chart's figures, counted in SQL for the whole campaign: each
 * drawn unit's measures (its sub-units' included, see {@link drawnUnitOf}), the unit × category grid, the phase timeline and the
 * targets of the current phase (the last one's once concluded). Aggregates: every role sees them.
 */
export async function readBattleMap(db: Db, campaignId: number, now: Date): Promise<BattleMap> {
  const campaign = await loadCampaign(db, campaignId);
  // Overdue as of the conclusion once the campaign has concluded, as the board and the lists judge it.
  const at = deadlinesJudgedAt(campaign, now).toISOString();
  // Per unit and category, from the counts the item triggers keep (the board's), so the chart does not
  // read every clue; only the overdue count reads the open clues, from the covering index alone.
  const groups = await boardGroups(db, { campaignId, kind: 'clue', unitLists: [], escalated: false, byCategory: true, cardsWhere: undefined, cardsOnly: false });
  const late = await db
    .select({ unitId: clues.unitId, categoryId: clues.categoryId, n: count() })
    .from(clues)
    .where(and(eq(clues.campaignId, campaignId), inArray(clues.state, [...openClueStates]), lt(clues.dueAt, at)))
    // In the index's order (state first): SQLite streams the groups instead of sorting the open clues.
    .groupBy(clues.state, clues.unitId, clues.categoryId);
  const [unitRows, categoryRows, targets] = await Promise.all([
    db.select().from(units).orderBy(asc(units.sortOrder)),
    db.select().from(categories).where(eq(categories.campaignId, campaignId)).orderBy(asc(categories.sortOrder)),
    // A concluded campaign's are those of the phase it ended in, as they stood at its end: it said it had none.
    targetFacts(db, campaign, now, campaign.state === 'concluded' ? (phases.findLast((phase) => campaign.context.phaseEnteredAt[phase] !== undefined) ?? 'concluded') : campaign.state),
  ]);
  // A sub-unit's clues (a police station's) are counted in the unit drawn for it (its county).
  const drawn = drawnUnitOf(unitRows);
  const cells = new Map<string, Measures & { unitId: string; categoryId: number | null }>();
  const cellOf = (held: string, categoryId: number | null) => {
    const unitId = drawn(held);
    const key = `${unitId}|${categoryId ?? ''}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { unitId, categoryId, ...noMeasures() }));
    return cell;
  };
  for (const g of groups) {
    const cell = cellOf(g.unitId, g.categoryId);
    cell.total += g.n;
    if (open.has(g.state)) cell.open += g.n;
    if (filedOrBeyond.has(g.state)) cell.filed += g.n;
    if (solvedOrBeyond.has(g.state)) cell.solved += g.n;
  }
  for (const row of late) cellOf(row.unitId, row.categoryId).overdue += row.n;
  const within = new Map<string, number>();
  for (const u of unitRows) if (drawn(u.id) !== u.id) within.set(drawn(u.id), (within.get(drawn(u.id)) ?? 0) + 1);
  const perUnit = new Map<string, Measures>();
  for (const cell of cells.values()) {
    const u = perUnit.get(cell.unitId) ?? noMeasures();
    u.total += cell.total;
    u.open += cell.open;
    u.overdue += cell.overdue;
    u.filed += cell.filed;
    u.solved += cell.solved;
    perUnit.set(cell.unitId, u);
  }
  return {
    campaignId,
    now: at,
    state: campaign.state,
    // The office is no county or detachment to draw, until it holds clues itself (made or imported there): then a tile,
    // so the units add up to what the board and the report count.
    units: unitRows
      .filter((u) => drawn(u.id) === u.id && (u.kind !== 'office' || (perUnit.get(u.id)?.total ?? 0) > 0))
      .map((u) => {
        const m = perUnit.get(u.id) ?? noMeasures();
        return {
          unitId: u.id,
          kind: u.kind,
          label: { zh: u.nameZh, en: u.nameEn },
          mapFeatureId: u.mapFeatureId,
          subUnits: within.get(u.id) ?? 0,
          ...m,
          solveRate: m.filed === 0 ? null : Math.round((m.solved / m.filed) * 1000) / 1000,
        };
      }),
    categories: [...categoryRows.map((c) => ({ categoryId: c.id, label: { zh: c.nameZh, en: c.nameEn } })), { categoryId: null, label: { zh: '未分类', en: 'Uncategorised' } }],
    grid: [...cells.values()].map((c) => ({ unitId: c.unitId, categoryId: c.categoryId, total: c.total, open: c.open })),
    timeline: phases.map((phase) => ({
      phase,
      start: campaign.config.windows[phase].start,
      end: campaign.config.windows[phase].end,
      enteredAt: campaign.context.phaseEnteredAt[phase] ?? null,
    })),
    targets: targets.map((t) => ({ ...t })),
    hasMap: await hasStoredMap(db, campaignId),
  };
}
