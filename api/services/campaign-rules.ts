import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { campaigns } from '../../db/schema';
import type { CampaignConfig, ItemRulesContext } from '../../engine';
import { ApiError } from '../errors';

export type CampaignRow = typeof campaigns.$inferSelect;

export async function loadCampaign(db: Db | Tx, id: number): Promise<CampaignRow> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
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
