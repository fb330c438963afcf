import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { clueStates, endOfLocalDate, isPhase, localDateOf, openClueStates, startOfLocalDate, type ClueState, type Phase } from '../../engine';
import type { Flow } from '../contracts/flow';
import type { IdOrNone } from '../contracts/common';
import { loadCampaign } from './campaign-rules';
import { phaseChartDays, rangeChartDays } from './phase-chart-days';
import { letOthersIn } from './let-others-in';

/** Part of the campaign a flow counts: the clues of some units (a branch and those below it), of one category (or none), or both. */
export interface FlowScope {
  /** The unit asked for (the branch), and it with the units below it. */
  readonly unit: string | null;
  readonly units: readonly string[] | null;
  /** A category's id, `none` for the clues with no category, or null for every category. */
  readonly categoryId: IdOrNone | null;
}

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
  /** Null for a clue that left the scope (a transfer to a unit outside it, a category changed). */
  readonly toState: string | null;
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
  const last = quarterOf(until);
  const tallied = await db.all<Changes>(sql`
    select case when quarter < ${quarterOf(from)} then '' else quarter end as quarter, nullif(from_state, '') as fromState, to_state as toState, sum(n) as n
    from flow_tallies
    where campaign_id = ${campaignId} and quarter < ${last}
    group by 1, 2, 3`);
  const lastStarts = `${last}:00.000Z`;
  if (lastStarts === until) return tallied;
  // A report's "as of" inside a quarter: its tally holds that quarter's later changes too, so the changes of the
  // quarter up to the instant are read from the log itself (as the tallies count them: a clue entry changing the state).
  const partial = await db.all<Changes>(sql`
    select case when ${last} < ${quarterOf(from)} then '' else ${last} end as quarter, from_state as fromState, to_state as toState, count(*) as n
    from audit_log
    where campaign_id = ${campaignId} and subject = 'clue' and to_state is not null and (from_state is null or from_state <> to_state)
      and at >= ${lastStarts} and at < ${until}
    group by 2, 3`);
  return [...tallied, ...partial];
}

/** Clues read per statement of a scoped flow: the event loop turns between parts, as in a sweep. */
const cluesPerPart = 5_000;

/**
 * {@link stateChanges} of part of the campaign: a branch's clues, a
 * category's, or both. The tallies have no unit or category, so the entries
 * of each clue that was ever in the scope are read in order (the
 * audit_subject index), and every change of its state or of its place in the
 * scope becomes a change here: a clue transferred into the branch arrives
 * in its state, one transferred out leaves from it; an entry counts for the
 * unit and category it left the clue with, as the report counts it. Only a
 * transfer moves a clue to another unit and only an edit to another
 * category, so the clues ever in the scope are those in it now and those
 * with such an entry. Read in parts, the event loop turning between them.
 */
async function scopedStateChanges(db: Db, campaignId: number, from: string, until: string, scope: FlowScope): Promise<Changes[]> {
  const inScope = (unit: SQL, category: SQL) =>
    sql`${scope.units === null ? sql`1` : sql`${unit} in (select value from json_each(${JSON.stringify(scope.units)}))`} and ${scope.categoryId === null ? sql`1` : sql`${category} is ${scope.categoryId === 'none' ? null : scope.categoryId}`}`;
  const idsOf = async (query: SQL) => JSON.parse((await db.all<{ ids: string | null }>(query))[0]?.ids ?? '[]') as number[];
  // Asked apart: together, under a UNION, SQLite walked the audit_subject index for the second.
  const inNow = await idsOf(sql`select json_group_array(id) as ids from clues where campaign_id = ${campaignId} and ${inScope(sql`unit_id`, sql`category_id`)}`);
  const placedElsewhere = await idsOf(
    sql`select json_group_array(distinct subject_id) as ids from audit_log where campaign_id = ${campaignId} and event in ('clue.transfer', 'clue.edit') and subject = 'clue'`,
  );
  const ids = [...new Set([...inNow, ...placedElsewhere])].sort((a, b) => a - b);
  const changes: Changes[] = [];
  for (let i = 0; i < ids.length; i += cluesPerPart) {
    if (i > 0) await letOthersIn();
    const part = await db.all<Changes>(sql`
      with placed as (
        select subject_id as id, seq, at, to_state as state, (${inScope(sql`unit_id`, sql`category_id`)}) as inside
        from audit_log
        -- No campaign_id here: a clue's entries are all its campaign's, and with it SQLite walked the campaign's whole log.
        where subject = 'clue' and subject_id in (select value from json_each(${JSON.stringify(ids.slice(i, i + cluesPerPart))}))
          and at < ${until} and to_state is not null
      ),
      stepped as (
        select at, state, inside, lag(state) over byClue as before, coalesce(lag(inside) over byClue, 0) as wasInside
        from placed window byClue as (partition by id order by seq)
      )
      select case when at < ${from} then '' else substr(at, 1, 14) || printf('%02d', cast(substr(at, 15, 2) as integer) / 15 * 15) end as quarter,
        case when wasInside then before end as fromState, case when inside then state end as toState, count(*) as n
      from stepped
      where (wasInside or inside) and not (wasInside and inside and before = state)
      group by 1, 2, 3`);
    changes.push(...part);
  }
  return changes;
}

/**
 * Cumulative flow of the days a phase's report counts (see {@link phaseChartDays}: its window; the days it ran, once
 * the campaign has left it; on to today, for one under way past its window) or of a range of days (see {@link rangeChartDays}: cut
 * at a concluded campaign's conclusion): how many clues stood in each state
 * at the end of each local day, rebuilt from the audit log's state changes
 * (so a clue moved today does not rewrite yesterday), as counts of
 * (quarter of an hour, from, to); each quarter is given to the local day it
 * begins in.
 */
export async function readFlow(
  db: Db,
  campaignId: number,
  requested: Phase | undefined,
  now: Date,
  scope: FlowScope = { unit: null, units: null, categoryId: null },
  range?: { readonly from?: string | undefined; readonly to?: string | undefined },
  asOf?: string,
): Promise<Flow> {
  const campaign = await loadCampaign(db, campaignId);
  // A date-range report's charts span its own days (the campaign's first and last where it names none), not a phase's window.
  const phase: Phase | null = range !== undefined ? null : (requested ?? (isPhase(campaign.state) ? campaign.state : campaign.state === 'concluded' ? 'consolidation' : 'survey'));
  const zone = campaign.config.timeZone;
  // A report "as of" an earlier instant counts to it: its charts run to that day, the day counted to the instant (the
  // report counts entries at it too, hence the millisecond after). One not before now is now, as the report reads it.
  const cut = asOf !== undefined && Date.parse(asOf) < now.getTime() ? new Date(asOf) : undefined;
  const today = localDateOf(cut ?? now, zone);
  const window = phase === null ? rangeChartDays(campaign, range ?? {}) : phaseChartDays(campaign, phase, cut ?? now);
  const leftAt = window.leftAt;
  const last = today < window.end ? today : window.end;
  const from = startOfLocalDate(window.start, zone).toISOString();
  const dayEnds = endOfLocalDate(last, zone).toISOString();
  const counted = cut !== undefined && last === today ? new Date(cut.getTime() + 1).toISOString() : dayEnds;
  // A phase left counts to the advance out of it, not to the end of that day: the next phase's changes are its own; a
  // range cut at the conclusion, to the conclusion.
  const until = leftAt !== null && leftAt < counted ? leftAt : counted;

  const whole = scope.units === null && scope.categoryId === null;
  const moves = whole ? await stateChanges(db, campaignId, from, until) : await scopedStateChanges(db, campaignId, from, until, scope);

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
  return { campaignId, phase, unit: scope.unit, categoryId: scope.categoryId, timeZone: zone, window: { start: window.start, end: window.end }, phaseEndedAt: phase === null ? null : leftAt, concludedAt: phase === null ? leftAt : null, windowEndedOn: window.windowEndedOn, today, asOf: cut === undefined ? null : cut.toISOString(), states: [...clueStates], openAtStart: openOf(before), days };
}
