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

/**
 * Cumulative flow of one phase's window: how many clues stood in each state
 * at the end of each local day, rebuilt from the audit log's state changes
 * (so a clue moved today does not rewrite yesterday). The log is read once,
 * as counts of (hour, from, to); each hour is then given to the local day it
 * begins in, which is exact in every zone whose offset is whole hours.
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

  const moves = await db.all<{ hour: string; fromState: string | null; toState: string | null; n: number }>(sql`
    select case when at < ${from} then '' else substr(at, 1, 13) end as hour, from_state as fromState, to_state as toState, count(*) as n
    from audit_log
    where campaign_id = ${campaignId} and subject = 'clue' and at < ${until} and to_state is not null and (from_state is null or from_state <> to_state)
    group by 1, 2, 3`);

  const before = zero();
  const byDate = new Map<string, Counts>();
  const deltaOn = (date: string): Counts => {
    let delta = byDate.get(date);
    if (delta === undefined) byDate.set(date, (delta = zero()));
    return delta;
  };
  for (const move of moves) {
    const counts = move.hour === '' ? before : deltaOn(localDateOf(new Date(`${move.hour}:00:00Z`), zone));
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
