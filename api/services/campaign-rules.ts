import { eq, getTableColumns } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { campaigns } from '../../db/schema';
import type { CampaignConfig, ItemRulesContext } from '../../engine';
import { ApiError } from '../errors';

/** A campaign as the rules read it: everything but its map, which only the battle map reads (it is most of the row). */
export type CampaignRow = Omit<typeof campaigns.$inferSelect, 'mapGeojson'>;

const { mapGeojson: _map, ...ruleColumns } = getTableColumns(campaigns);

export async function loadCampaign(db: Db | Tx, id: number): Promise<CampaignRow> {
  const [row] = await db.select(ruleColumns).from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (row === undefined) throw new ApiError('not_found');
  return row;
}

/** What the engine's item rules read from a campaign. */
export function itemRulesOf(campaign: { state: CampaignRow['state']; config: CampaignConfig }): ItemRulesContext {
  const { config } = campaign;
  return {
    timeZone: config.timeZone,
    timeLimits: { ...config.timeLimits.clue, ...config.timeLimits.problem },
    escalation: config.escalation,
    campaignConcluded: campaign.state === 'concluded',
  };
}
