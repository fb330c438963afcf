import type { CampaignContext } from './campaign.model';

/**
 * The instant a campaign's deadlines are judged at: overdue or not, the
 * escalation level, how long an item has been in its state. Now, while the
 * campaign runs; once it has concluded, its conclusion: nothing moves after
 * it and the sweep raises nothing, so judged by the clock every item left
 * open turned "long overdue" for an escalation that never happened, its age
 * growing for a campaign that was over. A clock set before the conclusion (a
 * frozen clock) is taken as it is.
 */
export function deadlinesJudgedAt(campaign: { readonly context: Pick<CampaignContext, 'phaseEnteredAt'> }, now: Date): Date {
  const concluded = campaign.context.phaseEnteredAt.concluded;
  if (concluded === undefined) return now;
  const at = new Date(concluded);
  return at.getTime() < now.getTime() ? at : now;
}
