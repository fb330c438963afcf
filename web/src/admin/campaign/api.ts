import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../../../../api/app';
import type { CampaignSettings, CategoryChange, NewCampaignRequest, NewCategoryRequest, SettingsChange } from '../../../../api/contracts/campaign-admin';
import { api } from '../../api/client';
import { networkProblem, problemOf } from '../../api/problem';

/**
 * The calls of the campaign settings screens, on a typed client of their own
 * built like web/src/api/client.ts; failures are thrown as ApiProblem, whose
 * `fields` name the inputs to mark.
 */
const client = hc<AppType>('/api');

export type { CampaignSettings, SettingsChange };
export type SettingsParts = Omit<SettingsChange, 'revision'>;
export type Config = CampaignSettings['config'];

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
  // The shared client's sign-out handler is private to it: a request through it reports the lost session the usual way.
  if (problem.status === 401) void api.campaigns().catch(() => undefined);
  throw problem;
}

const param = (id: number) => ({ id: String(id) });

export const settingsApi = {
  campaigns: () => expect(client.campaigns.$get()),
  read: (id: number) => expect(client.campaigns[':id'].settings.$get({ param: param(id) })),
  change: (id: number, change: SettingsChange) => expect(client.campaigns[':id'].settings.$patch({ param: param(id), json: change })),
  create: (request: NewCampaignRequest) => expect(client.campaigns.$post({ json: request })),
  addCategory: (id: number, request: NewCategoryRequest) => expect(client.campaigns[':id'].categories.$post({ param: param(id), json: request })),
  changeCategory: (id: number, categoryId: number, change: CategoryChange) =>
    expect(client.campaigns[':id'].categories[':categoryId'].$patch({ param: { id: String(id), categoryId: String(categoryId) }, json: change })),
  /** The map goes as the file's own text: the typed client would parse and re-serialise a megabyte for nothing. */
  uploadMap: async (id: number, text: string): Promise<CampaignSettings> => {
    let response: Response;
    try {
      response = await fetch(`/api/campaigns/${id}/map`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: text, credentials: 'same-origin' });
    } catch (error) {
      throw networkProblem(error);
    }
    if (response.ok) return (await response.json()) as CampaignSettings;
    throw await problemOf(response);
  },
};
