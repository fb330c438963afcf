import { followChanges } from './shared-changes';

/**
 * Calls `changed` when the campaign itself changes while a page is open (its
 * phase advanced, its windows or settings saved; its map aside, which no such
 * page shows), and after a reset of the change stream, which may hide one.
 * For pages that show what the campaign's phases are, not its items: the
 * report said of a phase just frozen "该阶段尚未结束" until it was reloaded.
 */
export function followCampaign(campaignId: () => number, changed: () => void): void {
  followChanges({
    onChange: (change) => {
      if (change.campaignId === campaignId() && change.subject === 'campaign' && change.event !== 'campaign.map' && change.event !== 'campaign.map_remove') changed();
    },
    onReset: changed,
  });
}
