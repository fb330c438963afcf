import type { ItemRulesContext } from '../item/types';
import type { CampaignConfig } from './campaign-config';
import type { CampaignState } from './campaign.model';

/**
 * What the engine's item rules read from a campaign: its zone, time limits
 * and ladder, whether it is over, its last day (the date it ends on, which
 * the phase windows lie within), and how often a lead extends.
 */
export function itemRulesOf(campaign: { readonly state: CampaignState; readonly config: CampaignConfig; readonly endsOn: string }): ItemRulesContext {
  const { config } = campaign;
  return {
    timeZone: config.timeZone,
    timeLimits: { ...config.timeLimits.clue, ...config.timeLimits.problem },
    escalation: config.escalation,
    campaignConcluded: campaign.state === 'concluded',
    campaignLastDay: campaign.endsOn,
    extensionsByLead: config.extensionsByLead ?? null,
  };
}
