import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { readUnits } from './unit-list';
import {
  clueStates,
  deadlinesJudgedAt,
  escalationLevel,
  openClueStates,
  openProblemStates,
  problemStates,
  type Actor,
} from '../../engine';
import { subtreeOf, type UnitNode } from '../auth/unit-scope';
import type { ItemKindName } from '../contracts/board';
import type { ListItem, ListName, ListPage, ListPageItem, listQuery, ListSort, ResponsibilityGroup } from '../contracts/lists';
import { queryRefused } from '../errors';
import { checkAssigneeFilter, checkCategoryFilter, checkEveryFilter, checkUnitInScope } from './filter-checks';
import { allowedChangesOf, allowedMovesOf, readScope, unitListsOf, withoutExtension } from './board';
import { extensionsSpent } from './lead-extensions';
import { boardGroups } from './board-counts';
import { searchFinds } from './item-search';
import { tableOf } from './item-tables';
import { loadCampaign, type CampaignRow } from './campaign-rules';
import { decodeCursor, encodeCursor, type KeyPlace } from './page-cursor';
import { rowsBetweenTurns } from './export-table';
import { letOthersIn } from './let-others-in';
import { quietFor } from './progress';
import { displayNamesOf } from './people/display-names';
import { afterSortedKey, caseNumberOf, compareSorted, decodeSortedCursor, encodeSortedCursor, listSortOf, sortedKeyOf, sortedOrder, sortKeyColumns } from './list-sort';

export type ListFilters = z.output<typeof listQuery>;

/** The kinds a list shows, and the states each may be in there: the responsibility list is what is still being worked. */
const listKinds: Record<ListName, readonly { kind: ItemKindName; states: readonly string[] }[]> = {
  clues: [{ kind: 'clue', states: clueStates }],
  problems: [{ kind: 'problem', states: problemStates }],
  responsibility: [
    { kind: 'clue', states: openClueStates },
    { kind: 'problem', states: openProblemStates },
  ],
};

/**
 * The sort key of a responsibility row, which its cursor carries: the list
 * reads unit → person → most urgent first, unassigned items at the head of
 * each unit. The clue and problem lists are registers sorted by a column
 * (list-sort.ts), newest first unless asked otherwise.
 */
type SortKey = readonly (string | number)[];
const responsibilityOrder = sql.raw('x.unitOrder, x.unitId, coalesce(x.assigneeId, 0), x.dueAt is null, coalesce(x.dueAt, \'\'), x.kind, x.id');

interface Row extends Omit<ListItem, 'level'> {
  readonly unitOrder: number;
}

function keyOf(row: Row): SortKey {
  return [row.unitOrder, row.unitId, row.assigneeId ?? 0, row.dueAt === null ? 1 : 0, row.dueAt ?? '', row.kind, row.id];
}

/** Two sort keys in the list's order, over the part both have (each place holds the same type in every key). */
function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A responsibility group's place in the list's order: the first three places of its items' keys. */
function keyOfGroup(group: Pick<ResponsibilityGroup, 'unitId' | 'assigneeId'>, orderOf: (unitId: string) => number): SortKey {
  return [orderOf(group.unitId), group.unitId, group.assigneeId ?? 0];
}

const responsibilityCursor = ['number', 'string', 'number', 'number', 'string', 'string', 'number'] as const satisfies readonly KeyPlace[];

/**
 * The items of one kind that pass the filters, as `t` with its assignee `u` and unit `un`; null when the kind has none
 * by construction. Overdue and quiet are judged at `asOf` ({@link deadlinesJudgedAt}).
 */
function selectionOf(kind: ItemKindName, states: readonly string[], campaignId: number, actor: Actor, filters: ListFilters, tree: readonly UnitNode[], asOf: Date): SQL[] | null {
  const where: SQL[] = [sql`t.campaign_id = ${campaignId}`];
  if (filters.state !== undefined) {
    if (!states.includes(filters.state)) return null;
    where.push(sql`t.state = ${filters.state}`);
  } else if (states.length < (kind === 'clue' ? clueStates : problemStates).length) {
    where.push(sql`t.state in ${states}`);
  }
  const scope = readScope(actor);
  if (scope !== null) where.push(sql`t.unit_id in ${scope.length === 0 ? [''] : scope}`);
  if (filters.unit !== undefined) where.push(sql`t.unit_id in ${subtreeOf(filters.unit, tree)}`);
  if (filters.category === 'none') where.push(sql`t.category_id is null`);
  else if (filters.category !== undefined) where.push(sql`t.category_id = ${filters.category}`);
  if (filters.assignee === 'none') where.push(sql`t.assignee_id is null`);
  else if (filters.assignee !== undefined) where.push(sql`t.assignee_id = ${filters.assignee}`);
  if (filters.overdue === true) where.push(sql`t.due_at < ${asOf.toISOString()}`);
  if (filters.overdue === false) where.push(sql`(t.due_at is null or t.due_at >= ${asOf.toISOString()})`);
  if (filters.quiet !== undefined) where.push(quietFor(kind, filters.quiet, asOf, { id: sql`t.id`, state: sql`t.state`, enteredAt: sql`t.entered_at`, lastNoteAt: sql`t.last_note_at` }));
  const q = filters.q?.trim() ?? '';
  if (q !== '') where.push(searchFinds(kind, campaignId, q, sql`t.id`));
  return where;
}

/**
 * The sort key columns of one kind's filtered items. A page is chosen on
 * these alone (no join, no JSON unless sorted by the case number), and only
 * the page's rows are then read in full: so a page of 100,000 clues newest
 * first costs an index range, not a join and a sort.
 */
function keysOf(kind: ItemKindName, where: readonly SQL[], unitOrder: SQL, sort: ListSort | null): SQL {
  return sql`select ${kind} as kind, t.id as id, t.unit_id as unitId, t.assignee_id as assigneeId, t.due_at as dueAt, ${unitOrder} as unitOrder${sort === null ? sql`` : sortKeyColumns(sort, kind, unitOrder)}
    from ${tableOf(kind)} t where ${sql.join([...where], sql` and `)}`;
}

/** The rows of one kind with everything the lists show, under a condition on `t`. */
/** `walk: 'byId'` makes SQLite walk the table by id (an export's parts) instead of choosing an index. */
function rowsOf(kind: ItemKindName, where: SQL, unitOrder: SQL, walk: 'planner' | 'byId' = 'planner'): SQL {
  const source = kind === 'clue' ? '$.source' : '$.problemKind';
  return sql`select ${kind} as kind, t.id as id, t.version as version, t.title as title, t.state as state, t.unit_id as unitId, t.category_id as categoryId,
      t.assignee_id as assigneeId, u.display_name as assigneeName, json_extract(t.context, ${source}) as source, ${caseNumberOf(kind)} as caseNumber,
      t.found_at as foundAt, t.entered_at as enteredAt, t.due_at as dueAt, t.last_note_at as lastNoteAt, ${unitOrder} as unitOrder
    from ${tableOf(kind)} t ${walk === 'byId' ? sql`not indexed` : sql``} left join users u on u.id = t.assignee_id
    where ${where}`;
}

/** Where a unit the bureau has not placed (none stored) sorts: after every placed one. */
const unplaced = 1_000_000_000;

/**
 * Units in the order the bureau lists them, the tree's (readUnits): as an
 * expression on `t.unit_id` for SQL (the unit table is small; a join would
 * steer the query plan), and the same order for the groups sorted here.
 */
function unitOrderOf(unitIds: readonly string[]): { readonly sql: SQL; readonly of: (unitId: string) => number } {
  const rank = new Map(unitIds.map((id, i) => [id, i]));
  return {
    sql: unitIds.length === 0 ? sql`0` : sql`(case t.unit_id ${sql.join(unitIds.map((id, i) => sql`when ${id} then ${i}`), sql` `)} else ${unplaced} end)`,
    of: (unitId) => rank.get(unitId) ?? unplaced,
  };
}

/**
 * What a list reads: the campaign, the instant its deadlines are judged at (now, or a concluded campaign's conclusion),
 * its order (null: the responsibility list's own), and per kind the filter (none when a filter rules the kind out).
 */
async function prepare(db: Db, list: ListName, campaignId: number, actor: Actor, filters: ListFilters, tree: readonly UnitNode[], now: Date) {
  const sort = listSortOf(list, filters.sort);
  const campaign = await loadCampaign(db, campaignId);
  const asOf = deadlinesJudgedAt(campaign, now);
  const kinds = listKinds[list];
  await checkEveryFilter([
    () => checkUnitInScope(db, tree, filters.unit, readScope(actor)),
    () => (filters.category === 'none' ? undefined : checkCategoryFilter(db, campaignId, filters.category)),
    () => checkAssigneeFilter(db, filters.assignee),
    () => {
      if (filters.state !== undefined && !kinds.some((k) => k.states.includes(filters.state ?? ''))) {
        throw queryRefused('state', { zh: '该清单没有这一状态', en: `The ${list} list has no state ${filters.state}` });
      }
    },
  ]);
  const parts = kinds.flatMap(({ kind, states }) => {
    const where = selectionOf(kind, states, campaignId, actor, filters, tree, asOf);
    return where === null ? [] : [{ kind, states: filters.state === undefined ? states : [filters.state], where }];
  });
  const order = unitOrderOf((await readUnits(db)).map((u) => u.id));
  return { campaign, asOf, sort, parts, unitOrder: order.sql, unitOrderOf: order.of };
}

/** The kinds' rows as one relation (a state filter valid for the list leaves at least one kind). */
const union = (selects: readonly SQL[]): SQL => sql.join([...selects], sql` union all `);

/** A list's row, its level judged at `asOf` ({@link deadlinesJudgedAt}). */
function itemOf(row: Row, campaign: CampaignRow, asOf: Date): ListItem {
  const { unitOrder: _order, ...item } = row;
  return { ...item, level: escalationLevel(row.dueAt === null ? null : new Date(row.dueAt), asOf, campaign.config.escalation) };
}

/** A row of a page on screen: with the moves and changes the viewer may make on it, as the board's card and drawer offer them. */
function pageItemOf(row: Row, campaign: CampaignRow, asOf: Date, actor: Actor): ListPageItem {
  const concluded = campaign.state === 'concluded';
  return { ...itemOf(row, campaign, asOf), allowed: allowedMovesOf(row.kind, row, actor, concluded), changes: allowedChangesOf(row.kind, row, actor, concluded) };
}

/**
 * One page of a list for a viewer: the items after the cursor (or from the
 * offset) in the list's order, the total over every page, and (responsibility
 * list) the groups. A lead or officer reads their unit and the units below
 * it, as on the board.
 */
export async function readList(db: Db, list: ListName, campaignId: number, actor: Actor, filters: ListFilters, now: Date, tree: readonly UnitNode[]): Promise<ListPage> {
  if (filters.offset !== undefined && filters.cursor !== undefined) {
    throw queryRefused('offset', { zh: '不能同时使用 offset 和 cursor', en: 'A page starts at an offset or after a cursor, not both' });
  }
  const { campaign, asOf, sort, parts, unitOrder, unitOrderOf: orderOf } = await prepare(db, list, campaignId, actor, filters, tree, now);
  const keys = union(parts.map((p) => keysOf(p.kind, p.where, unitOrder, sort)));
  let after = sql`1`;
  let cursor: SortKey | null = null;
  if (filters.cursor !== undefined && sort !== null) after = afterSortedKey(sort, decodeSortedCursor(sort, filters.cursor));
  else if (filters.cursor !== undefined) {
    cursor = decodeCursor(filters.cursor, responsibilityCursor, 'this list');
    after = sql`(x.unitOrder, x.unitId, coalesce(x.assigneeId, 0), x.dueAt is null, coalesce(x.dueAt, ''), x.kind, x.id) > (${sql.join(cursor.map((v) => sql`${v}`), sql`, `)})`;
  }
  const order = sort === null ? responsibilityOrder : sortedOrder(sort);
  const kept = keptFilter(filters);

  const skipped = filters.offset === undefined ? sql`` : sql` offset ${filters.offset}`;
  const pageOf = (from: SQL) =>
    db.all<{ kind: ItemKindName; id: number }>(sql`select x.kind as kind, x.id as id from (${from}) x where ${after} order by ${order} limit ${filters.limit + 1}${skipped}`);
  const [groups, counts] = await Promise.all([
    list === 'responsibility' ? responsibilityGroups(db, parts, orderOf, asOf) : Promise.resolve([]),
    Promise.all(parts.map((p) => (kept ? keptTotal(db, p.kind, p.states, campaignId, actor, filters, tree) : countedTotal(db, p.kind, p.where)))),
  ]);
  let page: { kind: ItemKindName; id: number }[];
  // An offset counts items from the list's start, which only a read over everyone can: correctness before speed there.
  const span = list === 'responsibility' && filters.offset === undefined ? groupsOfPage(groups, orderOf, cursor, filters.limit + 1) : null;
  if (span === null) {
    page = await pageOf(keys);
  } else {
    // Only the people the page can reach are sorted, not every open item of the campaign (1M: 296 ms).
    const within = sql`(t.unit_id, coalesce(t.assignee_id, 0)) in (values ${sql.join(
      span.groups.map((g) => sql`(${g.unitId}, ${g.assigneeId ?? 0})`),
      sql`, `,
    )})`;
    page = await pageOf(union(parts.map((p) => keysOf(p.kind, [...p.where, within], unitOrder, sort))));
    // The groups were read in a statement of their own: if items left them since, the page may come up short of
    // people after them. Then it is read again over everyone.
    if (page.length <= filters.limit && span.more) page = await pageOf(keys);
  }
  const shown = page.slice(0, filters.limit);
  const rows = new Map<string, Row>();
  for (const kind of ['clue', 'problem'] as const) {
    const ids = shown.filter((k) => k.kind === kind).map((k) => k.id);
    if (ids.length > 0) for (const row of await db.all<Row>(rowsOf(kind, sql`t.id in ${ids}`, unitOrder))) rows.set(`${kind}${row.id}`, row);
  }
  const items = shown.flatMap((k) => {
    const row = rows.get(`${k.kind}${k.id}`);
    return row === undefined ? [] : [row];
  });
  const last = items.at(-1);
  const idsOf = (kind: ItemKindName) => items.filter((row) => row.kind === kind).map((row) => row.id);
  const [spentClues, spentProblems] = await Promise.all([extensionsSpent(db, 'clue', idsOf('clue'), actor, campaign.config), extensionsSpent(db, 'problem', idsOf('problem'), actor, campaign.config)]);
  return {
    list,
    campaignId,
    now: now.toISOString(),
    asOf: asOf.toISOString(),
    total: counts.reduce((sum, n) => sum + n, 0),
    items: items.map((row) => withoutExtension(pageItemOf(row, campaign, asOf, actor), row.kind === 'clue' ? spentClues : spentProblems)),
    next: page.length > filters.limit && last !== undefined ? (sort === null ? encodeCursor(keyOf(last)) : encodeSortedCursor(sortedKeyOf(sort, last))) : null,
    groups,
  };
}

/** Whether a list's total can be read from the kept board counts: they hold units, a category and states, not the other filters. */
const keptFilter = (filters: ListFilters) =>
  filters.assignee === undefined && filters.overdue === undefined && filters.quiet === undefined && filters.category !== 'none' && (filters.q?.trim() ?? '') === '';

/** How many items of one kind pass the filters, from the board counts triggers keep: a few hundred rows however large the campaign. */
async function keptTotal(db: Db, kind: ItemKindName, states: readonly string[], campaignId: number, actor: Actor, filters: ListFilters, tree: readonly UnitNode[]): Promise<number> {
  const groups = await boardGroups(db, {
    campaignId,
    kind,
    unitLists: unitListsOf(actor, filters.unit, tree),
    category: filters.category === 'none' ? undefined : filters.category,
    escalated: false,
    byCategory: false,
    cardsWhere: undefined,
    cardsOnly: false,
  });
  return groups.reduce((sum, g) => sum + (states.includes(g.state) ? g.n : 0), 0);
}

async function countedTotal(db: Db, kind: ItemKindName, where: readonly SQL[]): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`select count(*) as n from ${tableOf(kind)} t where ${sql.join([...where], sql` and `)}`);
  return Number(row?.n ?? 0);
}

/**
 * Each unit's people with their open and overdue items (overdue at `asOf`) and the next due
 * time, in the list's order. Grouped per kind in SQL, straight from the
 * standing index (no union, no unit order per row: 503 → 230 ms over 1M
 * clues), and the two kinds' groups merged and ordered here.
 */
async function responsibilityGroups(db: Db, parts: readonly { kind: ItemKindName; where: readonly SQL[] }[], orderOf: (unitId: string) => number, asOf: Date): Promise<ResponsibilityGroup[]> {
  type Counted = { unitId: string; assigneeId: number | null; open: number; overdue: number; nextDueAt: string | null };
  const perKind = await Promise.all(
    parts.map((p) =>
      db.all<Counted>(sql`
        select t.unit_id as unitId, t.assignee_id as assigneeId, count(*) as open, coalesce(sum(t.due_at < ${asOf.toISOString()}), 0) as overdue, min(t.due_at) as nextDueAt
        from ${tableOf(p.kind)} t where ${sql.join([...p.where], sql` and `)} group by t.unit_id, t.assignee_id`),
    ),
  );
  const merged = new Map<string, Counted>();
  for (const g of perKind.flat()) {
    const key = `${g.unitId}|${g.assigneeId ?? ''}`;
    const seen = merged.get(key);
    const earlier = seen?.nextDueAt ?? null;
    const nextDueAt = earlier === null || (g.nextDueAt !== null && g.nextDueAt < earlier) ? g.nextDueAt : earlier;
    merged.set(key, { unitId: g.unitId, assigneeId: g.assigneeId, open: (seen?.open ?? 0) + Number(g.open), overdue: (seen?.overdue ?? 0) + Number(g.overdue), nextDueAt });
  }
  // The list's order: units as the bureau lists them (unknown last), then by id; within a unit, the unassigned first, then by person.
  const groups = [...merged.values()].sort((a, b) => compareKeys(keyOfGroup(a, orderOf), keyOfGroup(b, orderOf)));
  const names = await displayNamesOf(db, groups.map((g) => g.assigneeId));
  return groups.map((g) => ({ ...g, assigneeName: g.assigneeId === null ? null : (names.get(g.assigneeId) ?? null) }));
}

/**
 * The groups a responsibility page starting after `cursor` can reach: the
 * cursor's own person and those after, until those after hold `size` items; and
 * whether any come after those. Null when no group is left to page through
 * (the page is then read as it always is, and comes back empty).
 */
function groupsOfPage(
  groups: readonly ResponsibilityGroup[],
  orderOf: (unitId: string) => number,
  cursor: SortKey | null,
  size: number,
): { groups: ResponsibilityGroup[]; more: boolean } | null {
  const start = cursor === null ? 0 : groups.findIndex((g) => compareKeys(keyOfGroup(g, orderOf), cursor) >= 0);
  if (start < 0 || start >= groups.length) return null;
  const reached: ResponsibilityGroup[] = [];
  let items = 0;
  for (const [i, group] of groups.slice(start).entries()) {
    if (items >= size) break;
    reached.push(group);
    // The cursor's own person may have only some of their items left after it: count none of them.
    if (i > 0 || cursor === null) items += group.open;
  }
  return { groups: reached, more: start + reached.length < groups.length };
}

/** Every item of a list that passes the filters, in the list's order: what an export writes. */
export async function readWholeList(db: Db, list: ListName, campaignId: number, actor: Actor, filters: ListFilters, now: Date, tree: readonly UnitNode[]) {
  const { campaign, asOf, sort, parts, unitOrder } = await prepare(db, list, campaignId, actor, filters, tree, now);
  // Read newest first in parts by id, with a turn for other requests between them: one read of 100,000
  // clues held the process for 1.8 s. Each item is read once, as it stood when its part was read. Walked
  // by id (not indexed): through an index on the campaign, SQLite sorted the whole campaign for each part.
  const rows: Row[] = [];
  for (const p of parts) {
    for (let before = Number.MAX_SAFE_INTEGER; ; ) {
      const part = await db.all<Row>(sql`${rowsOf(p.kind, sql.join([...p.where, sql`t.id < ${before}`], sql` and `), unitOrder, 'byId')} order by t.id desc limit ${rowsBetweenTurns}`);
      for (const row of part) rows.push(row);
      const last = part.at(-1);
      if (part.length < rowsBetweenTurns || last === undefined) break;
      before = last.id;
      await letOthersIn();
    }
  }
  // The list's order, as SQL orders the keys: sorted here rather than by the database, each row's key built once.
  const sorted = sort === null ? sortedBy(rows, keyOf, compareKeys) : sortedBy(rows, (row) => sortedKeyOf(sort, row), compareSorted(sort));
  return { campaign, asOf, items: sorted.map((row) => itemOf(row, campaign, asOf)) };
}

/** Rows in the order of their keys, each key built once. */
function sortedBy<K>(rows: readonly Row[], keyOfRow: (row: Row) => K, compare: (a: K, b: K) => number): Row[] {
  return rows
    .map((row) => ({ row, key: keyOfRow(row) }))
    .sort((a, b) => compare(a.key, b.key))
    .map(({ row }) => row);
}
