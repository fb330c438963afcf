import { localDateOf, phases, type CampaignConfig, type Phase } from '../../engine';
import type { CampaignRow } from './campaign-rules';
import { phaseCountedFrom } from './report';

/** The days a phase's flow charts span, first and last local day inclusive, and what they mark on them. */
export interface PhaseChartDays {
  readonly start: string;
  readonly end: string;
  /**
   * The instant the days charted end at (UTC), their last day counted to it: the advance out of a phase the campaign
   * has left, or a concluded campaign's conclusion where it cuts a range of days. Null for a phase under way or not
   * entered, and for a range ended before the conclusion or of a campaign not concluded.
   */
  readonly leftAt: string | null;
  /**
   * The last day of the window as the settings have it, for a phase under way past it, not yet advanced: the charts
   * then run on to the day its report counts to and mark this one. Null otherwise.
   */
  readonly windowEndedOn: string | null;
}

/**
 * The days a phase's charts span, as its report's tables count it. A phase the campaign has left: from the local day
 * of the instant its figures count from to the day of the advance out of it. Its window in the settings is the plan,
 * and may be edited after the advance (shortened to the day the phase ended, as the advance dialog suggests): charted
 * over it, a frozen report's charts ran over other days than its tables, and changed after the freeze. A phase under
 * way past its window's end (advanced late, or not yet): from its window's start to the day of `countedTo`, the
 * instant its live report counts to (now, or the report's "as of"); charted over its window, the last days' work was in
 * the tables and not in the charts. Any other phase (under way inside its window, or not entered): its window.
 */
export function phaseChartDays(
  campaign: Pick<CampaignRow, 'context' | 'createdAt'> & { readonly config: Pick<CampaignConfig, 'timeZone' | 'windows'> },
  phase: Phase,
  countedTo: Date,
): PhaseChartDays {
  const zone = campaign.config.timeZone;
  const window = campaign.config.windows[phase];
  const from = phaseCountedFrom(campaign, phase);
  const leftAt = campaign.context.phaseEnteredAt[phases[phases.indexOf(phase) + 1] ?? 'concluded'];
  if (from !== undefined && leftAt !== undefined) {
    const start = localDateOf(new Date(from), zone);
    // The advance's instant is the span's end, not in it: its last day is the one its last millisecond falls on.
    const end = localDateOf(new Date(Date.parse(leftAt) - 1), zone);
    return { start, end: end < start ? start : end, leftAt: new Date(leftAt).toISOString(), windowEndedOn: null };
  }
  const countedOn = localDateOf(countedTo, zone);
  if (from !== undefined && countedOn > window.end) return { start: window.start, end: countedOn, leftAt: null, windowEndedOn: window.end };
  return { start: window.start, end: window.end, leftAt: null, windowEndedOn: null };
}

/**
 * The days a date-range or whole-campaign report's charts span, as its tables count them: the range asked for (the
 * campaign's first and last days where it names none), cut at the conclusion of a concluded campaign, which nothing
 * happens after: run to today, its lines went on flat for days its report does not count. A whole campaign concluded
 * after its last day runs on to its conclusion, as its report counts. The conclusion is then `leftAt`, as the advance out of
 * a phase left is its (see {@link phaseChartDays}).
 */
export function rangeChartDays(
  campaign: Pick<CampaignRow, 'context' | 'startsOn' | 'endsOn'> & { readonly config: Pick<CampaignConfig, 'timeZone'> },
  range: { readonly from?: string | undefined; readonly to?: string | undefined },
): PhaseChartDays {
  const start = range.from ?? campaign.startsOn;
  const end = range.to ?? campaign.endsOn;
  const concluded = campaign.context.phaseEnteredAt.concluded;
  if (concluded === undefined) return { start, end, leftAt: null, windowEndedOn: null };
  // As a phase left: the conclusion's instant ends the span, its last day the one its last millisecond falls on.
  const concludedOn = localDateOf(new Date(Date.parse(concluded) - 1), campaign.config.timeZone);
  if (range.to !== undefined && range.to < concludedOn) return { start, end, leftAt: null, windowEndedOn: null };
  return { start, end: concludedOn < start ? start : concludedOn, leftAt: new Date(concluded).toISOString(), windowEndedOn: null };
}
