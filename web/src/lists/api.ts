import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../../../api/app';
import type { ListName, ListPage } from '../../../api/contracts/lists';
import { api } from '../api/client';
import { networkProblem, problemOf } from '../api/problem';

/** The lists' typed call, on a client of its own built like web/src/api/client.ts; failures are thrown as ApiProblem. */
const client = hc<AppType>('/api');

type AnyResponse = ClientResponse<unknown, number, 'json' | 'text'>;
type Success<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

async function expect<R extends AnyResponse>(request: Promise<R>): Promise<Success<R>> {
  let response: R;
  try {
    response = await request;
  } catch (error) {
    throw networkProblem(error);
  }
  if (response.ok) return (await response.json()) as Success<R>;
  const problem = await problemOf(response as unknown as Response);
  // The app's sign-out handler is private to the shared client: a request through it reports the lost session the usual way.
  if (problem.status === 401) void api.campaigns().catch(() => undefined);
  throw problem;
}

/** A list's filters as its URL carries them (every value text). */
export interface ListFilters {
  readonly unit?: string;
  readonly category?: string;
  readonly state?: string;
  readonly assignee?: string;
  readonly overdue?: 'true';
  readonly q?: string;
}
export const filterKeys = ['unit', 'category', 'state', 'assignee', 'overdue', 'q'] as const satisfies readonly (keyof ListFilters)[];

function filterQuery(filters: ListFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = filters[key];
    if (value !== undefined && value !== '') query[key] = value;
  }
  return query;
}

export const listsApi = {
  // The route also answers CSV and XLSX, so its typed body is a union: format=json makes it the page.
  page: async (id: number, list: ListName, filters: ListFilters, page: { limit: number; cursor: string | null }): Promise<ListPage> =>
    (await expect(
      client.campaigns[':id'].lists[':list'].$get({
        param: { id: String(id), list },
        query: { ...filterQuery(filters), limit: String(page.limit), ...(page.cursor === null ? {} : { cursor: page.cursor }), format: 'json' },
      }),
    )) as ListPage,
};

/** The address of a list download (CSV or XLSX) in a language, with the filters on screen: the server names the file. */
export function listDownloadUrl(id: number, list: ListName, filters: ListFilters, format: 'csv' | 'xlsx', lang: 'zh' | 'en'): string {
  const query = new URLSearchParams({ ...filterQuery(filters), format, lang });
  return `/api/campaigns/${encodeURIComponent(String(id))}/lists/${list}?${query.toString()}`;
}

export type { ListName, ListPage };
export type ListItem = ListPage['items'][number];
