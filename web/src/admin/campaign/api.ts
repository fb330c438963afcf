import type { CampaignSettings, CategoryChange, NewCampaignRequest, NewCategoryRequest, SettingsChange } from '../../../../api/contracts/campaign-admin';
import { call as expect, client } from '../../api/typed-call';
import { networkProblem, problemOf } from '../../api/problem';

export type { CampaignSettings, SettingsChange };
export type SettingsParts = Omit<SettingsChange, 'revision'>;
export type Config = CampaignSettings['config'];

const param = (id: number) => ({ id: String(id) });

export const settingsApi = {
  campaigns: () => expect(client.campaigns.$get()),
  /** The server's clock among the rest: the day a new campaign's dates are offered from. */
  health: () => expect(client.health.$get()),
  read: (id: number) => expect(client.campaigns[':id'].settings.$get({ param: param(id) })),
  change: (id: number, change: SettingsChange) => expect(client.campaigns[':id'].settings.$patch({ param: param(id), json: change })),
  create: (request: NewCampaignRequest) => expect(client.campaigns.$post({ json: request })),
  addCategory: (id: number, request: NewCategoryRequest) => expect(client.campaigns[':id'].categories.$post({ param: param(id), json: request })),
  changeCategory: (id: number, categoryId: number, change: CategoryChange) =>
    expect(client.campaigns[':id'].categories[':categoryId'].$patch({ param: { id: String(id), categoryId: String(categoryId) }, json: change })),
  /** A signed test delivery to the webhook, now: what its receiver answered. */
  testWebhook: (id: number) => expect(client.campaigns[':id'].webhook.test.$post({ param: param(id) })),
  removeMap: (id: number) => expect(client.campaigns[':id'].map.$delete({ param: param(id) })),
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
