import { sql, type SQL } from 'drizzle-orm';
import { clueStates, problemStates } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import { defaultListSort, parseListSort, sortParam, type ListItem, type ListName, type ListSort, type ListSortColumn } from '../contracts/lists';
import { queryRefused } from '../errors';
import { decodeCursor, encodeCursor } from './page-cursor';

/*
 * The clue and problem lists sorted by a column. Each column is defined once
 * here: the SQL a page is chosen by, the shape of the cursor it gives, and the
 * same values read from a full row for the whole list an export sorts in JS,
 * so that a page, the next one and the file cannot disagree on the order.
 */

/** What a sorted list's order reads from one of its full rows. */
export type SortedRow = Pick<ListItem, 'kind' | 'id' | 'state' | 'unitId' | 'assigneeName' | 'caseNumber' | 'foundAt' | 'dueAt'> & { readonly unitOrder: number };

type SortValue = string | number;

interface SortColumn {
  /** The column's values over `t` (the item) and the unit order expression, most significant first; null where the item has none. */
  readonly sql: (kind: ItemKindName, unitOrder: SQL) => readonly SQL[];
  /** What each value is, for the cursor's shape; a missing one is carried as '' or 0. */
  readonly places: readonly ('number' | 'string')[];
  /** The same values, read from a full row. */
  readonly of: (row: SortedRow) => readonly (SortValue | null)[];
  /** Whether some items have no value (no assignee, no due time): they come last in both directions. */
  readonly nullable: boolean;
}

const statesOf = (kind: ItemKindName): readonly string[] => (kind === 'clue' ? clueStates : problemStates);

/** A clue's case number, as the lists read it from its context (a problem has none). */
export const caseNumberOf = (kind: ItemKindName): SQL => (kind === 'clue' ? sql`json_extract(t.context, '$.caseNumber')` : sql`null`);

const sortColumns: Record<ListSortColumn, SortColumn> = {
  id: { sql: () => [], places: [], of: () => [], nullable: false },
  // The workflow's order of states, as the engine lists them: found before verifying, not alphabetically.
  state: {
    sql: (kind) => {
      const states = statesOf(kind);
      return [sql`(case t.state ${sql.join(states.map((s, i) => sql`when ${s} then ${i}`), sql` `)} else ${states.length} end)`];
    },
    places: ['number'],
    of: (row) => {
      const states = statesOf(row.kind);
      return [states.includes(row.state) ? states.indexOf(row.state) : states.length];
    },
    nullable: false,
  },
  // The bureau's order of units, then the unit's id among those it has not placed.
  unit: { sql: (_kind, unitOrder) => [unitOrder, sql`t.unit_id`], places: ['number', 'string'], of: (row) => [row.unitOrder, row.unitId], nullable: false },
  // A subquery rather than a join, as the page's keys read no other table (a join would steer the query plan).
  assignee: { sql: () => [sql`(select u.display_name from users u where u.id = t.assignee_id)`], places: ['string'], of: (row) => [row.assigneeName], nullable: true },
  caseNumber: { sql: (kind) => [caseNumberOf(kind)], places: ['string'], of: (row) => [row.caseNumber], nullable: true },
  foundAt: { sql: () => [sql`t.found_at`], places: ['string'], of: (row) => [row.foundAt], nullable: false },
  dueAt: { sql: () => [sql`t.due_at`], places: ['string'], of: (row) => [row.dueAt], nullable: true },
};

/**
 * The order a list's `sort` asks for: newest first without one; null for the
 * responsibility list, which keeps its grouped order. A sort the list has not
 * is a 400 naming the `sort` field.
 */
export function listSortOf(list: ListName, sort: string | undefined): ListSort | null {
  if (list === 'responsibility') {
    if (sort === undefined) return null;
    throw queryRefused('sort', {
      zh: '责任清单按单位、承办人、办理时限分组排列，不能按列排序',
      en: 'The responsibility list keeps its order by unit, person and most urgent first; it cannot be sorted by a column',
    });
  }
  if (sort === undefined) return defaultListSort;
  const parsed = parseListSort(list, sort);
  if (parsed === null) throw queryRefused('sort', { zh: '该清单不能按这一列排序', en: `The ${list} list cannot be sorted by ${sort}` });
  return parsed;
}

/**
 * An item's place in a sorted list: the sort it was made for, whether it
 * lacks the value (1 sorts last both ways), the values ('' or 0 when
 * missing), and its id, which breaks ties in the same direction.
 */
export type SortedKey = readonly [sort: string, missing: number, ...values: SortValue[]];

/** A row's key in a sorted list, as the page's SQL computes it. */
export function sortedKeyOf(sort: ListSort, row: SortedRow): SortedKey {
  const column = sortColumns[sort.column];
  const values = column.of(row);
  const missing = values.some((v) => v === null) ? 1 : 0;
  const filled = values.map((v, i) => v ?? (column.places[i] === 'number' ? 0 : ''));
  return [sortParam(sort), missing, ...filled, row.id];
}

export const encodeSortedCursor = (key: SortedKey): string => encodeCursor(key);

/** The key a cursor carries, refused (field `cursor`) unless it was given for this very sort. */
export function decodeSortedCursor(sort: ListSort, cursor: string): SortedKey {
  const param = sortParam(sort);
  const [made, missing, ...rest] = decodeCursor(cursor, ['string', 'number', ...sortColumns[sort.column].places, 'number'], `this list sorted by ${param}`);
  if (made !== param || typeof missing !== 'number') {
    throw queryRefused('cursor', { zh: '分页游标属于另一种排序', en: `The cursor was given for the list sorted by ${String(made)}, not by ${param}` });
  }
  return [param, missing, ...rest.filter((v): v is SortValue => v !== null)];
}

/** The sort key's columns for a page's keys select over `t`: `sortMissing`, `sortValue0`, … (an id sort has none). */
export function sortKeyColumns(sort: ListSort, kind: ItemKindName, unitOrder: SQL): SQL {
  const column = sortColumns[sort.column];
  const values = column.sql(kind, unitOrder);
  const missing = column.nullable ? sql`(${values[0]} is null)` : sql`0`;
  const filled = values.map((v, i) => sql`, coalesce(${v}, ${column.places[i] === 'number' ? 0 : ''}) as sortValue${sql.raw(String(i))}`);
  return sql`, ${missing} as sortMissing${sql.join(filled, sql``)}`;
}

/** `x`'s sort columns after the missing rank, then its id. */
const keyPlacesOf = (sort: ListSort): SQL[] => [...sortColumns[sort.column].places.map((_, i) => sql.raw(`x.sortValue${i}`)), sql`x.id`];

/** The page's order over the keys `x`: those without the value last, then the values and id in the sort's direction. */
export function sortedOrder(sort: ListSort): SQL {
  const direction = sql.raw(sort.descending ? 'desc' : 'asc');
  const places = keyPlacesOf(sort).map((p) => sql`${p} ${direction}`);
  return sql.join(sortColumns[sort.column].nullable ? [sql`x.sortMissing`, ...places] : places, sql`, `);
}

/** The keys `x` after a cursor's in the sort's order: an index range for the id sort, as before sorting existed. */
export function afterSortedKey(sort: ListSort, key: SortedKey): SQL {
  const [, missing, ...values] = key;
  const op = sql.raw(sort.descending ? '<' : '>');
  const places = keyPlacesOf(sort);
  const rest = places.length === 1 ? sql`x.id ${op} ${values[0]}` : sql`(${sql.join(places, sql`, `)}) ${op} (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
  if (!sortColumns[sort.column].nullable) return rest;
  return sql`(x.sortMissing > ${missing} or (x.sortMissing = ${missing} and ${rest}))`;
}

/** Two texts in code point order, as SQLite compares them (byte by byte in UTF-8), which `<` on UTF-16 does not quite. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (a code point above U+FFFF) sort after U+E000–U+FFFF in code point order.
      const rank = (c: number) => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
      return rank(x) - rank(y);
    }
  }
  return a.length - b.length;
}

/** The order of two rows in a sorted list, as the page's SQL orders their keys: what an export sorts the whole list by. */
export function compareSorted(sort: ListSort): (a: SortedKey, b: SortedKey) => number {
  const sign = sort.descending ? -1 : 1;
  return (a, b) => {
    const [, missingA, ...valuesA] = a;
    const [, missingB, ...valuesB] = b;
    if (missingA !== missingB) return missingA - missingB;
    for (let i = 0; i < valuesA.length; i += 1) {
      const x = valuesA[i] ?? 0;
      const y = valuesB[i] ?? 0;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (order !== 0) return sign * Math.sign(order);
    }
    return 0;
  };
}
