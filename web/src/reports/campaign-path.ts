/**
 * The same page of another campaign: `/campaigns/2/lists/clues` → `/campaigns/1/lists/clues`.
 * The address's query (filters, an open card) belongs to the campaign left, and is not carried over.
 */
export function otherCampaignPath(pathname: string, campaignId: number): string {
  const match = /^\/campaigns\/\d+(\/[^?#]*)?$/.exec(pathname);
  return `/campaigns/${campaignId}${match?.[1] ?? '/board'}`;
}
