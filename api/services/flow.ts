import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { clueStates, endOfLocalDate, isPhase, localDateOf, openClueStates, startOfLocalDate, type ClueState, type Phase } from '../../engine';
import type { Flow } from '../contracts/flow';
import { loadCampaign } from './campaign-rules';

type Counts = Record<ClueState, number>;

const zero = (): Counts => Object.fromEntries(clueStates.map((s) => [s, 0])) as Counts;
const isClueState = (s: string | null): s is ClueState => s !== null && (clueStates as readonly string[]).includes(s);
const openOf = (counts: Counts) => openClueStates.reduce((n, s) => n + counts[s], 0);

/** The local dates from `start` to `end` inclusive (YYYY-MM-DD; calendar arithmetic, no zone needed). */
function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

interface Changes {
  /** The quarter's first minute (`YYYY-MM-DDTHH:MM`, UTC), or '' for the changes before the window opened. */
  readonly quarter: string;
  readonly fromState: string | null;
  readonly toState: string;
  readonly n: number;
}

/** The quarter of an hour an instant falls in, as flow_tallies names it. */
const quarterOf = (instant: string) => `${instant.slice(0, 14)}${String(Math.floor(Number(instant.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;

/**
 * The clues' state changes before `until`, counted by quarter of an hour
 * and by from and to state, those before `from` under ''. They come from
 * the tallies kept as entries are appended (flow_tallies), so a campaign of
 * a million clues adds up its quarters instead of grouping its whole log.
 * Exact, because both bounds start a local day, and every zone's days start
 * on a quarter of an hour.
 */
async function stateChanges(db: Db, campaignId: number, from: string, until: string): Promise<Changes[]> {
  return db.all<Changes>(sql`
    select case when quarter < ${quarterOf(from)} then '' else quarter end as quarter, nullif(from_state, '') as fromState, to_state as toState, sum(n) as n
    from flow_tallies
    where campaign_id = ${campaignId} and quarter < ${quarterOf(until)}
    group by 1, 2, 3`);
}

/**
 * Cumulative flow of one phase's window: how many clues stood in each state
 * at the end of each local day, rebuilt from the audit log's state changes
 * (so a clue moved today does not rewrite yesterday), as counts of
 * (quarter of an hour, from, to); each quarter is given to the local day it
 * begins in.
 */
export async function readFlow(db: Db, campaignId: number, requested: Phase | undefined, now: Date): Promise<Flow> {
  const campaign = await loadCampaign(db, campaignId);
  const phase: Phase = requested ?? (isPhase(campaign.state) ? campaign.state : campaign.state === 'concluded' ? 'consolidation' : 'survey');
  const zone = campaign.config.timeZone;
  const window = campaign.config.windows[phase];
  const today = localDateOf(now, zone);
  const last = today < window.end ? today : window.end;
  const from = startOfLocalDate(window.start, zone).toISOString();
  const until = endOfLocalDate(last, zone).toISOString();

  const moves = await stateChanges(db, campaignId, from, until);

  const before = zero();
  const byDate = new Map<string, Counts>();
  const deltaOn = (date: string): Counts => {
    let delta = byDate.get(date);
    if (delta === undefined) byDate.set(date, (delta = zero()));
    return delta;
  };
  // Many changes share a quarter: find its local date once.
  const dateOf = new Map<string, string>();
  for (const move of moves) {
    let date = dateOf.get(move.quarter);
    if (date === undefined && move.quarter !== '') dateOf.set(move.quarter, (date = localDateOf(new Date(`${move.quarter}:00Z`), zone)));
    const counts = date === undefined ? before : deltaOn(date);
    if (isClueState(move.fromState)) counts[move.fromState] -= Number(move.n);
    if (isClueState(move.toState)) counts[move.toState] += Number(move.n);
  }

  const running = { ...before };
  const days = (last < window.start ? [] : datesBetween(window.start, last)).map((date) => {
    const delta = byDate.get(date);
    if (delta !== undefined) for (const s of clueStates) running[s] += delta[s];
    return { date, counts: { ...running }, open: openOf(running) };
  });
  return { campaignId, phase, timeZone: zone, window: { start: window.start, end: window.end }, today, states: [...clueStates], openAtStart: openOf(before), days };
}
