import { and, asc, eq, gt, gte, inArray, isNull, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditHead } from '../../db/audit/head';
import { categories, users } from '../../db/schema';
import {
  allowedClueChanges,
  allowedClueMoves,
  allowedProblemChanges,
  allowedProblemMoves,
  clueStateLabels,
  deadlinesJudgedAt,
  escalationLevel,
  problemStateLabels,
  type Actor,
  type ClueState,
  type Label,
  type Phase,
  phases,
  type ProblemState,
} from '../../engine';
import { subtreeOf, type UnitNode } from '../auth/unit-scope';
import { batchEvents } from '../contracts/batch';
import { statesOf, type AllowedMoveWire, type Board, type Card, type ItemKindName } from '../contracts/board';
import type { z } from 'zod';
import type { boardQuery } from '../contracts/board';
import { queryRefused } from '../errors';
import { checkAssigneeFilter, checkCategoryFilter, checkEveryFilter, checkUnitInScope } from './filter-checks';
import { readUnits } from './unit-list';
import { searchMatches } from './item-search';
import { loadCampaignRules, type CampaignRow, type CampaignRules } from './campaign-rules';
import { rungsOf, tableOf } from './item-tables';
import { boardGroups, countsAreWhole, unitHoldings, type Group } from './board-counts';
import { decodeCursor, encodeCursor } from './page-cursor';
import { quietFor } from './progress';
import { extensionsSpent } from './lead-extensions';

type BoardFilters = z.output<typeof boardQuery>;

/** Closed outcomes that are not the main line: shown as narrow side columns. */
const sideStates: ReadonlySet<string> = new Set(['unfounded', 'merged']);

const stateLabels: Record<ItemKindName, Record<string, Label>> = { clue: clueStateLabels, problem: problemStateLabels };

interface CursorKey {
  readonly dueAt: string | null;
  readonly id: number;
}

function encodeBoardCursor(key: CursorKey): string {
  return encodeCursor([key.dueAt, key.id]);
}

/** Before every card (each due time sorts after the empty text, and no due time after every due time): a column's first page. */
const fromTheStart = encodeBoardCursor({ dueAt: '', id: 0 });

function decodeBoardCursor(cursor: string): CursorKey {
  const [dueAt, id] = decodeCursor(cursor, ['string?', 'number'] as const, 'this board');
  return { dueAt, id };
}

/**
 * When the campaign was in a phase: from entering it to entering the next
 * (or now). A phase not yet entered is an empty span.
 */
export function phaseSpan(campaign: Pick<CampaignRow, 'context'>, phase: Phase, now: Date): { from: string; to: string } {
  const entered = campaign.context.phaseEnteredAt;
  const from = entered[phase];
  if (from === undefined) return { from: now.toISOString(), to: now.toISOString() };
  const next = phases[phases.indexOf(phase) + 1] ?? 'concluded';
  return { from, to: entered[next] ?? '9999-12-31T23:59:59.999Z' };
}

/**
 * The scope of what a viewer may read: leads and officers their unit and
 * below; everyone else the whole campaign (admin and viewer read, office acts).
 */
export function readScope(actor: Actor): readonly string[] | null {
  return actor.role === 'lead' || actor.role === 'officer' ? actor.unitScope : null;
}

/**
 * Whether an item of this unit is one the viewer may see at all. One they
 * may not is "not found" to them, on a read and on a write alike: a write
 * refused for its scope, or for a stale version, told them it was there.
 */
export function sees(actor: Actor, unitId: string): boolean {
  const scope = readScope(actor);
  return scope === null || scope.includes(unitId);
}

/** The unit lists a viewer's board or list is narrowed to: their scope, and the unit filter's subtree; all apply. */
export function unitListsOf(actor: Actor, unit: string | undefined, tree: readonly UnitNode[]): (readonly string[])[] {
  const scope = readScope(actor);
  return [...(scope === null ? [] : [scope]), ...(unit === undefined ? [] : [subtreeOf(unit, tree)])];
}

/** Builds one column's cards or the whole board for a viewer. */
export async function readBoard(db: Db, campaignId: number, actor: Actor, filters: BoardFilters, now: Date, tree: readonly UnitNode[]): Promise<Board> {
  // First: a change committed after this point is replayed to a stream opened from it, one before it is in the cards.
  const seq = await auditHead(db);
  const campaign = await loadCampaignRules(db, campaignId);
  const kind = filters.kind;
  const t = tableOf(kind);
  const states: readonly string[] = statesOf[kind];
  if (filters.state !== undefined && !states.includes(filters.state)) {
    throw queryRefused('state', { zh: '没有这一列', en: `No column ${filters.state} on the ${kind} board` });
  }
  await checkEveryFilter([
    () => checkUnitInScope(db, tree, filters.unit, readScope(actor)),
    () => checkCategoryFilter(db, campaignId, filters.category),
    () => checkAssigneeFilter(db, filters.assignee),
  ]);
  // Overdue and quiet as of the conclusion once the campaign has concluded, as its cards' levels are.
  const asOf = deadlinesJudgedAt(campaign, now);

  const where: SQL[] = [eq(t.campaignId, campaignId)];
  const scope = readScope(actor);
  if (scope !== null) where.push(inArray(t.unitId, [...scope]));
  if (filters.unit !== undefined) where.push(inArray(t.unitId, subtreeOf(filters.unit, tree)));
  if (filters.category !== undefined) where.push(eq(t.categoryId, filters.category));
  if (filters.assignee === 'none') where.push(isNull(t.assigneeId));
  else if (filters.assignee !== undefined) where.push(eq(t.assigneeId, filters.assignee));
  // Also stated as the board indexes put it, (due_at IS NULL) = 0: without it SQLite takes every overdue card
  // of the campaign by due time and sorts each column's out of them (67 → 2 ms a column at 100,000 clues).
  if (filters.overdue === true) where.push(sql`(${t.dueAt} IS NULL) = 0`, lt(t.dueAt, asOf.toISOString()));
  if (filters.overdue === false) where.push(or(isNull(t.dueAt), sql`${t.dueAt} >= ${asOf.toISOString()}`) as SQL);
  if (filters.escalated === true) {
    // An item has a row in its rungs table while a rung is raised for the state it is in: added in the sweep's
    // commit, deleted in the commit that moves it on, which also resolves its escalations. So a row is an
    // unresolved escalation, one primary-key probe instead of probing the escalations of every card (1M: 2 s).
    // Only escalated items have a due time: stated as the board indexes put it, so each column is read in their order.
    const rungs = rungsOf(kind);
    where.push(sql`exists (select 1 from ${rungs} where ${rungs.itemId} = ${t.id})`, sql`(${t.dueAt} IS NULL) = 0`);
  }
  if (filters.phase !== undefined) {
    const { from, to } = phaseSpan(campaign, filters.phase, now);
    where.push(gte(t.foundAt, from), lt(t.foundAt, to));
  }
  if (filters.quiet !== undefined) where.push(quietFor(kind, filters.quiet, asOf, t));
  // The few items with a request waiting, from the partial index that holds only them, probed by id while the columns
  // are read in the board's own covering index (100,000 clues: 200 ms for the board with the condition on each row, 35 ms so).
  if (filters.asked === true) {
    where.push(sql`${t.id} in (select id from ${t} indexed by ${sql.raw(`${kind}s_asked`)} where ${t.campaignId} = ${campaignId} and ${t.extensionAskedUntil} is not null)`);
  }
  if (filters.q !== undefined && filters.q.trim() !== '') {
    where.push((await searchMatches(db, kind, campaignId, filters.q.trim()))(sql`${t.id}`));
  }
  const filtered = and(...where);

  // Counts per state and unit (WIP limits are per unit).
  const counted = {
    campaignId,
    kind,
    unitLists: unitListsOf(actor, filters.unit, tree),
    category: filters.category,
    escalated: filters.escalated === true,
    byCategory: filters.swimlane === 'category',
    cardsWhere: filtered,
    cardsOnly: filters.assignee !== undefined || filters.overdue !== undefined || filters.phase !== undefined || filters.quiet !== undefined || filters.asked === true || (filters.q !== undefined && filters.q.trim() !== ''),
  };
  // A unit is over its limit by all its cards in the state: the filters narrow what is shown, never that (a filter
  // hid an overloaded unit). Read from the kept counts when the board's own counts are not already each unit's whole.
  const [groups, holdings] = await Promise.all([boardGroups(db, counted), countsAreWhole(counted) ? null : unitHoldings(db, counted)]);

  const wipLimits: Readonly<Record<string, number | undefined>> = campaign.config.wipLimits[kind];
  const perState = new Map<string, number>();
  for (const g of groups) perState.set(g.state, (perState.get(g.state) ?? 0) + g.n);
  const held = new Map<string, Record<string, number>>();
  for (const h of holdings ?? groups) {
    const unit = held.get(h.unitId) ?? {};
    unit[h.state] = (unit[h.state] ?? 0) + h.n;
    held.set(h.unitId, unit);
  }
  const overUnits = (state: string) => {
    const limit = wipLimits[state];
    if (limit === undefined) return [];
    return [...held].filter(([, counts]) => (counts[state] ?? 0) > limit).map(([unitId]) => unitId);
  };

  const columnsToRead = filters.state === undefined ? states : [filters.state];
  const cursor = filters.cursor === undefined ? null : decodeBoardCursor(filters.cursor);
  const concluded = campaign.state === 'concluded';
  const columns = await Promise.all(
    columnsToRead.map(async (state) => {
      const count = perState.get(state) ?? 0;
      // A side column shows collapsed until opened: the whole board gives its count and a cursor to its first page, which
      // the board reads when the column is opened (a third of the board's cards were side cards no one saw).
      const { cards, next } =
        sideStates.has(state) && filters.state === undefined
          ? { cards: [], next: count > 0 ? fromTheStart : null }
          : await readColumn(db, kind, campaign, state, filtered, cursor, filters.limit, actor, now, concluded, filters.overdue === true || filters.escalated === true);
      return {
        state,
        label: stateLabels[kind][state] ?? { zh: state, en: state },
        side: sideStates.has(state),
        count,
        wipLimit: wipLimits[state] ?? null,
        unitsOver: overUnits(state).length,
        cards,
        next,
      };
    }),
  );

  return { kind, campaignId, now: now.toISOString(), asOf: asOf.toISOString(), seq, swimlane: filters.swimlane, columns, lanes: await lanesOf(db, campaignId, filters, groups, held, wipLimits) };
}

async function readColumn(
  db: Db,
  kind: ItemKindName,
  campaign: CampaignRules,
  state: string,
  filtered: SQL | undefined,
  cursor: CursorKey | null,
  limit: number,
  actor: Actor,
  now: Date,
  concluded: boolean,
  allDue: boolean,
): Promise<{ cards: Card[]; next: string | null }> {
  const t = tableOf(kind);
  const after =
    cursor === null
      ? undefined
      : cursor.dueAt === null
        ? and(isNull(t.dueAt), gt(t.id, cursor.id))
        : or(isNull(t.dueAt), gt(t.dueAt, cursor.dueAt), and(eq(t.dueAt, cursor.dueAt), gt(t.id, cursor.id)));
  // Most urgent first: the escalation level rises as the due time passes, so due time ascending is level descending.
  const rows = await db
    .select({
      id: t.id,
      version: t.version,
      state: t.state,
      title: t.title,
      unitId: t.unitId,
      categoryId: t.categoryId,
      assigneeId: t.assigneeId,
      assigneeName: users.displayName,
      enteredAt: t.enteredAt,
      lastNoteAt: t.lastNoteAt,
      attachmentCount: t.attachmentCount,
      extensionAskedUntil: t.extensionAskedUntil,
      // Read from the context of the cards on the page only (the row is read for them anyway): a few microseconds a card.
      typical: (kind === 'clue' ? sql`json_extract(${t.context}, '$.typical.markedAt') is not null` : sql`0`).mapWith(Boolean),
      dueAt: t.dueAt,
    })
    .from(t)
    .leftJoin(users, eq(users.id, t.assigneeId))
    .where(and(filtered, eq(t.state, state as ClueState), after))
    // When every card has a due time (the overdue filter), the same order without its first term: SQLite does not see
    // that a term its index holds constant orders nothing, and sorted every overdue card of the column (270 → 2 ms at 1M).
    .orderBy(...(allDue ? [] : [sql`${t.dueAt} IS NULL`]), asc(t.dueAt), asc(t.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const spent = await extensionsSpent(db, kind, page.map((row) => row.id), actor, campaign.config);
  return {
    cards: page.map((row) => withoutExtension(cardOf(kind, row, actor, now, campaign, concluded), spent)),
    next: rows.length > limit && last !== undefined ? encodeBoardCursor({ dueAt: last.dueAt, id: last.id }) : null,
  };
}

export interface CardRow {
  readonly id: number;
  readonly version: number;
  readonly state: string;
  readonly title: string;
  readonly unitId: string;
  readonly categoryId: number | null;
  readonly assigneeId: number | null;
  readonly assigneeName: string | null;
  readonly enteredAt: string;
  readonly lastNoteAt: string | null;
  readonly attachmentCount: number;
  readonly extensionAskedUntil: string | null;
  readonly typical: boolean;
  readonly dueAt: string | null;
}

/** The moves this viewer may make on an item now, as the board's cards and the lists' rows carry them. */
export function allowedMovesOf(kind: ItemKindName, row: Pick<CardRow, 'state' | 'unitId' | 'assigneeId'>, actor: Actor, concluded: boolean): AllowedMoveWire[] {
  const item = { context: { unitId: row.unitId, assigneeId: row.assigneeId } };
  const allowed =
    kind === 'clue'
      ? allowedClueMoves({ ...item, state: row.state as ClueState }, actor, concluded)
      : allowedProblemMoves({ ...item, state: row.state as ProblemState }, actor, concluded);
  return allowed.map((move) => ({ to: move.to, event: move.event, needs: [...move.needs], offers: [...move.offers] }));
}

/** The changes that keep the state this viewer may make on an item now (assign, transfer, extend…), as cards and list rows carry them. */
export function allowedChangesOf(kind: ItemKindName, row: Pick<CardRow, 'state' | 'unitId' | 'assigneeId'>, actor: Actor, concluded: boolean): string[] {
  const item = { context: { unitId: row.unitId, assigneeId: row.assigneeId } };
  return [
    ...(kind === 'clue'
      ? allowedClueChanges({ ...item, state: row.state as ClueState }, actor, concluded)
      : allowedProblemChanges({ ...item, state: row.state as ProblemState }, actor, concluded)),
  ];
}

const batchChanges: ReadonlySet<string> = new Set(batchEvents.flatMap((event) => [`clue.${event}`, `problem.${event}`]));

/** A card or row without the extension its viewer has no more of to give in its state ({@link extensionsSpent}). */
export function withoutExtension<T extends { readonly kind: ItemKindName; readonly id: number; readonly changes: readonly string[] }>(item: T, spent: ReadonlySet<number>): T {
  return spent.has(item.id) ? { ...item, changes: item.changes.filter((change) => change !== `${item.kind}.extend`) } : item;
}

/** A card as the board shows it, with the moves this viewer may make on it now and its level as its deadline is judged ({@link deadlinesJudgedAt}). */
export function cardOf(kind: ItemKindName, row: CardRow, actor: Actor, now: Date, campaign: Pick<CampaignRow, 'config' | 'context'>, concluded: boolean): Card {
  return {
    kind,
    ...row,
    level: escalationLevel(row.dueAt === null ? null : new Date(row.dueAt), deadlinesJudgedAt(campaign, now), campaign.config.escalation),
    allowed: allowedMovesOf(kind, row, actor, concluded),
    // Only what a batch of cards can make: the whole list (notes, files, edits…) would add a quarter to the board's
    // answer for the office, and the drawer reads the item's own.
    changes: allowedChangesOf(kind, row, actor, concluded).filter((change) => batchChanges.has(change)),
  };
}

async function lanesOf(
  db: Db,
  campaignId: number,
  filters: BoardFilters,
  groups: readonly Group[],
  held: ReadonlyMap<string, Readonly<Record<string, number>>>,
  wipLimits: Readonly<Record<string, number | undefined>>,
): Promise<Board['lanes']> {
  if (filters.swimlane === 'none') return [];
  const lanes = new Map<string, { label: Label; counts: Record<string, number> }>();
  if (filters.swimlane === 'unit') {
    // In tree order, as the unit select lists them: a station added later shows under its county, not after the last.
    for (const u of await readUnits(db)) lanes.set(u.id, { label: { zh: u.nameZh, en: u.nameEn }, counts: {} });
  } else {
    const rows = await db
      .select({ id: categories.id, nameZh: categories.nameZh, nameEn: categories.nameEn })
      .from(categories)
      .where(and(eq(categories.campaignId, campaignId), isNotNull(categories.id)))
      .orderBy(asc(categories.sortOrder));
    for (const c of rows) lanes.set(String(c.id), { label: { zh: c.nameZh, en: c.nameEn }, counts: {} });
    lanes.set('none', { label: { zh: '未分类', en: 'Uncategorised' }, counts: {} });
  }
  for (const g of groups) {
    const key = filters.swimlane === 'unit' ? g.unitId : g.categoryId === null ? 'none' : String(g.categoryId);
    const lane = lanes.get(key);
    if (lane !== undefined) lane.counts[g.state] = (lane.counts[g.state] ?? 0) + g.n;
  }
  return (
    [...lanes]
      .map(([key, lane]) => {
        const whole = filters.swimlane === 'unit' ? (held.get(key) ?? {}) : {};
        return { key, label: lane.label, counts: lane.counts, held: whole, over: Object.entries(whole).filter(([state, n]) => n > (wipLimits[state] ?? Infinity)).map(([state]) => state) };
      })
      // A unit over its limit keeps its lane when the filter shows none of its cards: the warning is the unit's, not the view's.
      .filter((lane) => Object.keys(lane.counts).length > 0 || lane.over.length > 0)
  );
}
