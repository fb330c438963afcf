import { sortParam, type ListName, type ListPage, type ListSort } from '../../../api/contracts/lists';
import { searchTextLimit } from '../../../api/contracts/common';
import { call as expect, client } from '../api/typed-call';

/** A list's filters as its URL carries them (every value text). */
export interface ListFilters {
  readonly unit?: string;
  readonly category?: string;
  readonly state?: string;
  readonly assignee?: string;
  readonly overdue?: 'true';
  /** Days without progress (no work note, no move), as the select offers them. */
  readonly quiet?: string;
  readonly q?: string;
}
export const filterKeys = ['unit', 'category', 'state', 'assignee', 'overdue', 'quiet', 'q'] as const satisfies readonly (keyof ListFilters)[];

/** The filters and the order (none: the responsibility list's own) as the API's query. */
function filterQuery(filters: ListFilters, sort: ListSort | null): Record<string, string> {
  const query: Record<string, string> = sort === null ? {} : { sort: sortParam(sort) };
  for (const key of filterKeys) {
    const value = filters[key];
    // A link's search longer than a box takes is cut to it, as the board's is (board-source.ts).
    if (value !== undefined && value !== '') query[key] = key === 'q' ? value.slice(0, searchTextLimit) : value;
  }
  return query;
}

export const listsApi = {
  // The route also answers CSV and XLSX, so its typed body is a union: format=json makes it the page.
  // A page starts after a cursor (walking the list) or at an offset (opening page k from the address).
  page: async (id: number, list: ListName, filters: ListFilters, sort: ListSort | null, page: { limit: number; cursor: string | null } | { limit: number; offset: number }): Promise<ListPage> =>
    (await expect(
      client.campaigns[':id'].lists[':list'].$get({
        param: { id: String(id), list },
        query: {
          ...filterQuery(filters, sort),
          limit: String(page.limit),
          ...('offset' in page ? { offset: String(page.offset) } : page.cursor === null ? {} : { cursor: page.cursor }),
          format: 'json',
        },
      }),
    )) as ListPage,
};

/** The address of a list download (CSV or XLSX) in a language, with the filters and the order on screen: the server names the file. */
export function listDownloadUrl(id: number, list: ListName, filters: ListFilters, sort: ListSort | null, format: 'csv' | 'xlsx', lang: 'zh' | 'en'): string {
  const query = new URLSearchParams({ ...filterQuery(filters, sort), format, lang });
  return `/api/campaigns/${encodeURIComponent(String(id))}/lists/${list}?${query.toString()}`;
}

export type { ListName, ListPage };
export type ListItem = ListPage['items'][number];
