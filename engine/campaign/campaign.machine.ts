import { and, assign, setup } from 'xstate';
import { guardsFrom } from '../item/checks';
import { campaignChecks } from './campaign.checks';
import type { CampaignContext, CampaignEvent } from './campaign.model';

/**
 * The campaign statechart: planned → survey → crackdown → consolidation →
 * concluded. The office advances it; each advance needs the next window open
 * and the current phase's exit criteria met, or a written reason.
 */
const campaign = setup({
  types: {
    context: {} as CampaignContext,
    events: {} as CampaignEvent,
    input: {} as CampaignContext,
  },
  guards: guardsFrom(campaignChecks),
  actions: {
    enterPhase: assign(({ context, event }) => ({
      phaseEnteredAt: { ...context.phaseEnteredAt, [event.to]: event.meta.at },
      forcedAdvances:
        event.unmet.length === 0 || event.reason === undefined
          ? context.forcedAdvances
          : [
              ...context.forcedAdvances,
              { to: event.to, reason: event.reason, at: event.meta.at, actorId: event.meta.actor.userId, unmetCount: event.unmet.length },
            ],
    })),
  },
});

const advance = (target: 'survey' | 'crackdown' | 'consolidation' | 'concluded') =>
  ({
    target,
    guard: and(['actorIsOffice', 'windowOpen', 'criteriaMetOrReasoned']),
    actions: 'enterPhase',
  }) as const;

export const campaignMachine = campaign.createMachine({
  id: 'campaign',
  initial: 'planned',
  context: ({ input }) => input,
  states: {
    planned: { on: { 'phase.advance': advance('survey') } },
    survey: { on: { 'phase.advance': advance('crackdown') } },
    crackdown: { on: { 'phase.advance': advance('consolidation') } },
    consolidation: { on: { 'phase.advance': advance('concluded') } },
    concluded: { type: 'final' },
  },
});
