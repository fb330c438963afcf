import { z } from 'zod';
import type { EventMeta } from '../item/types';
import { requiredText } from '../visible-text';
import type { Phase, PhaseWindow } from './campaign-config';
import type { UnmetCriterion } from './exit-criteria';

export const campaignStates = ['planned', 'survey', 'crackdown', 'consolidation', 'concluded'] as const;
export type CampaignState = (typeof campaignStates)[number];

/** Whether a campaign in this state has left the phase (advanced past it, or concluded): the phase's report is frozen, its targets with it. */
export const hasLeft = (state: CampaignState, phase: Phase): boolean => campaignStates.indexOf(state) > campaignStates.indexOf(phase);

export interface ForcedAdvance {
  readonly to: CampaignState;
  readonly reason: string;
  readonly at: string;
  readonly actorId: number;
  readonly unmetCount: number;
}

export interface CampaignContext {
  /** When the campaign entered each phase it has been in (the report boundaries). */
  readonly phaseEnteredAt: Partial<Record<CampaignState, string>>;
  /** Advances the office made with exit criteria unmet, with its written reason. */
  readonly forcedAdvances: readonly ForcedAdvance[];
}

// The reason for advancing with criteria unmet is kept in the campaign's record of forced advances: one of invisible
// characters alone stood there as if the office had explained itself (the advance route's contract refuses it too).
export const advancePayloadSchema = z.strictObject({ reason: requiredText(4000).optional() });
export type AdvancePayload = z.infer<typeof advancePayloadSchema>;

/**
 * Advancing the campaign. Besides the reason, the event carries what the
 * rules read, fixed at the instant of the decision: the target, its window
 * as configured then, and the exit criteria found unmet.
 */
export interface PhaseAdvanceEvent extends AdvancePayload {
  readonly type: 'phase.advance';
  readonly to: CampaignState;
  readonly window: PhaseWindow | null;
  readonly timeZone: string;
  readonly unmet: readonly UnmetCriterion[];
  readonly meta: EventMeta;
}

export type CampaignEvent = PhaseAdvanceEvent;
