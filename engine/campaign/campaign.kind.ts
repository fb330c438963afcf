import { initialTransition, transition } from 'xstate';
import type { Actor } from '../actor';
import { endOfLocalDate, startOfLocalDate } from '../deadlines/local-time';
import { refuse, type Refusal } from '../refusals';
import { validate } from '../validation';
import { standardRefusal } from '../item/checks';
import { deriveMoveTable } from '../item/move-table';
import { snapshotRestorer } from '../item/snapshot';
import type { Decision, EventMeta, ItemRecord } from '../item/types';
import type { CampaignConfig, Phase } from './campaign-config';
import { campaignChecks } from './campaign.checks';
import { campaignMachine } from './campaign.machine';
import { advancePayloadSchema, type CampaignContext, type CampaignEvent, type CampaignState } from './campaign.model';
import type { UnmetCriterion } from './exit-criteria';

const restore = snapshotRestorer(campaignMachine);
const table = deriveMoveTable<CampaignState, CampaignEvent['type']>(campaignMachine);

export type CampaignRecord = ItemRecord<CampaignState, CampaignContext>;
export type CampaignDecision = Decision<CampaignState, CampaignContext, CampaignEvent>;

export function isPhase(state: CampaignState): state is Phase {
  return state === 'survey' || state === 'crackdown' || state === 'consolidation';
}

/** The phase the campaign enters next from a state, or null when concluded. */
export function nextStateOf(state: CampaignState): CampaignState | null {
  return table.moves.get(state)?.[0]?.to ?? null;
}

/** The instants a phase's window opens and closes (24:00 local time on its last day). */
export function windowBounds(config: Pick<CampaignConfig, 'timeZone' | 'windows'>, phase: Phase): { opens: Date; closes: Date } {
  const window = config.windows[phase];
  return { opens: startOfLocalDate(window.start, config.timeZone), closes: endOfLocalDate(window.end, config.timeZone) };
}

/**
 * True when the window of the phase the campaign is in has closed: the
 * campaign is overdue, an office-level escalation.
 */
export function campaignOverdue(state: CampaignState, config: Pick<CampaignConfig, 'timeZone' | 'windows'>, now: Date): boolean {
  return isPhase(state) && now.getTime() >= windowBounds(config, state).closes.getTime();
}

export const newCampaignContext: CampaignContext = { phaseEnteredAt: {}, forcedAdvances: [] };

/**
 * Concluding has no window of its own: it is the office's from the last phase's last day on (the campaign's own
 * day), as the board offers it. The server refused it at any date, and an advance sent again after its answer was
 * lost, the campaign already in consolidation, concluded the campaign months early, for good. Checked where the
 * window is, in the decision only, not as a machine guard: a log written before it replays as it was written.
 */
function concludingEarly(state: CampaignState, to: CampaignState, config: Pick<CampaignConfig, 'timeZone' | 'windows'>, now: Date): Refusal | null {
  if (to !== 'concluded' || !isPhase(state)) return null;
  const lastDay = config.windows[state].end;
  if (now.getTime() >= startOfLocalDate(lastDay, config.timeZone).getTime()) return null;
  return refuse('window_not_open', undefined, {
    zh: `专项行动须在最后阶段的最后一天（${lastDay}）起方可结束`,
    en: `The campaign can be concluded from the last day of its last phase (${lastDay}) on`,
  });
}

/**
 * Decides the office's request to advance the campaign. `unmet` is the
 * result of `evaluateExitCriteria` for the current phase, counted by the
 * caller at this instant.
 */
export function decideAdvance(
  campaign: CampaignRecord,
  actor: Actor,
  payload: unknown,
  config: Pick<CampaignConfig, 'timeZone' | 'windows'>,
  unmet: readonly UnmetCriterion[],
  now: Date,
): CampaignDecision {
  const edge = table.byEvent.get(campaign.state)?.get('phase.advance');
  if (edge === undefined) return { ok: false, refusal: standardRefusal('campaign_concluded') };
  const parsed = validate(advancePayloadSchema, payload ?? {});
  if (!parsed.ok) return { ok: false, refusal: refuse('payload_invalid', parsed.fields) };

  const to = edge.to;
  const window = isPhase(to) ? config.windows[to] : null;
  const meta: EventMeta = {
    itemId: campaign.id,
    actor,
    at: now.toISOString(),
    dueAt: isPhase(to) ? windowBounds(config, to).closes.toISOString() : null,
    campaignConcluded: false,
  };
  const event: CampaignEvent = { type: 'phase.advance', ...parsed.data, to, window, timeZone: config.timeZone, unmet, meta };
  for (const name of edge.guards) {
    const check = campaignChecks[name as keyof typeof campaignChecks];
    const refusal = check(campaign.context, event) ?? (name === 'windowOpen' ? concludingEarly(campaign.state, to, config, now) : null);
    if (refusal !== null) return { ok: false, refusal };
  }
  const snapshot = restore(campaign.state, campaign.context);
  const [next] = transition(campaignMachine, snapshot, event);
  if (next === snapshot) return { ok: false, refusal: standardRefusal('move_not_allowed') };
  return {
    ok: true,
    from: campaign.state,
    to: next.value,
    state: next.value,
    context: next.context,
    version: campaign.version + 1,
    event,
    dueAt: meta.dueAt,
  };
}

/** Rebuilds a campaign's state from its advance events. */
export function replayCampaign(events: readonly unknown[]): { state: CampaignState; context: CampaignContext; version: number } | null {
  let [snapshot] = initialTransition(campaignMachine, newCampaignContext);
  for (const event of events) {
    const [next] = transition(campaignMachine, snapshot, event as CampaignEvent);
    if (next === snapshot) return null;
    snapshot = next;
  }
  return { state: snapshot.value, context: snapshot.context, version: events.length + 1 };
}
