import { defaultListSort, listSortColumns, parseListSort, sortParam, type ListColumn, type ListName, type ListSort, type ListSortColumn } from '../../../api/contracts/lists';

/*
 * The order and the page of a list as its address keeps them
 * (`?sort=-dueAt&page=3`, beside the filters), so that a reload, Back and a
 * shared link show the same rows.
 */

/** Rows on a page of a list on screen. */
export const pageSize = 50;

/** The page number the address names: page 1 for none, and for one that is not a whole number from 1 (a typed `page=0`, `page=abc`). */
export function pageInAddress(value: string | undefined): number {
  if (value === undefined || !/^\d{1,7}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

/** The `page` an address writes for a page number: none for the first. */
export const pageParam = (page: number): string | undefined => (page <= 1 ? undefined : String(page));

/** Where a page starts in the list's order, as the API's `offset` takes it. */
export const offsetOf = (page: number): number => (page - 1) * pageSize;

/** The last page that has rows, for a list of `total` (page 1 for an empty list). */
export const lastPageOf = (total: number): number => Math.max(1, Math.ceil(total / pageSize));

/** The order the address names for a list: null for the responsibility list (its grouped order), newest first for none or one the list has not. */
export function sortInAddress(list: ListName, value: string | undefined): ListSort | null {
  if (list === 'responsibility') return null;
  return (value === undefined ? null : parseListSort(list, value)) ?? defaultListSort;
}

/** The `sort` an address writes for an order: none for the list's default. */
export const sortAddressParam = (sort: ListSort): string | undefined => (sortParam(sort) === sortParam(defaultListSort) ? undefined : sortParam(sort));

/** The column as a sortable one of the list, or undefined when its heading is plain text. */
export function sortableColumn(list: ListName, column: ListColumn): ListSortColumn | undefined {
  return listSortColumns[list].find((c: ListSortColumn) => c === column);
}

/**
 * Numbers and dates found read newest first at a first click, as a register is read; a time limit soonest first, the
 * most urgent at the top, as the board orders its cards; names and states from the start of their order.
 */
const newestFirst: readonly ListSortColumn[] = ['id', 'foundAt'];

/** The order after a click on a column's heading: the same column reversed, another in its natural direction. */
export function sortAfterClick(current: ListSort, column: ListSortColumn): ListSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: newestFirst.includes(column) };
}
