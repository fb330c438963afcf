import { reportFigureLabels } from '../../../engine/report/report.labels';
import { clueStateLabels } from '../../../engine/clue/clue.labels';
import type { ClueState } from '../../../engine/clue/clue.model';
import { series, tr, trFilled } from '../i18n/i18n';
import type { Flow, Report } from './api';
import type { Figure } from './figures';
import { count } from './format';
import { reportMessages, rt } from './messages';
import { calendarDay } from '../ui/dates';

/**
 * What the report's charts show, as numbers a screen reader can read: a
 * sentence that sums each chart up (its accessible name) and the rows of a
 * table beside it. The charts draw from the same functions, so the words
 * and the drawing cannot disagree.
 */

type FlowDay = Flow['days'][number];

/** A heading without its bracketed unit: "破案（起）" → "破案". */
export const bare = (figure: Figure) => tr(reportFigureLabels[figure]).replace(/（[^）]*）$/, '').replace(/ \(yuan\)$/, '');

/** From clue to prosecution, the steps of the bar chart. */
export const solveSteps: readonly Figure[] = ['cluesFound', 'cluesVerified', 'casesFiled', 'casesSolved', 'sentForProsecutionCases'];

/** How many units the units chart's sentence names: the table beside it lists them all. */
const unitsNamed = 3;

export interface UnitBar {
  readonly name: string;
  readonly solved: number;
  readonly filed: number;
}

/** The units by cases solved, most first (cases filed decide a tie). */
export function unitsRanked(report: Report, unitName: (id: string) => string): UnitBar[] {
  return Object.entries(report.byUnit)
    .map(([unitId, row]) => ({ name: unitName(unitId), solved: row.figures.casesSolved ?? 0, filed: row.figures.casesFiled ?? 0 }))
    .sort((a, b) => b.solved - a.solved || b.filed - a.filed);
}

/** The units that solved most, with their cases filed, and how many units there are. */
export function unitsSummary(units: readonly UnitBar[]): string {
  if (units.length === 0) return rt('noData');
  const top = units.slice(0, unitsNamed).map((unit) => trFilled(reportMessages.unitSolvedFiled, { unit: unit.name, solved: count(unit.solved), filed: count(unit.filed) }));
  return trFilled(units.length === 1 ? reportMessages.unitsSummaryOne : reportMessages.unitsSummary, { top: series(top), n: count(units.length) });
}

export interface SolveStep {
  readonly name: string;
  readonly value: number;
}

/**
 * The report's total at each step from clue to prosecution: what was done at each step in the span, not one batch of
 * clues followed through. Cases filed, solved or sent for prosecution in a phase include clues found or filed before
 * it, so a later step can count more than an earlier one: given as a share of the clues found, they read as a funnel
 * that grows (核查线索 158%). Counts only, and the chart says what they are.
 */
export function solveStepValues(report: Report): SolveStep[] {
  return solveSteps.map((figure) => ({ name: bare(figure), value: report.total.figures[figure] ?? 0 }));
}

/** Each step's count. */
export function solveStepsSummary(steps: readonly SolveStep[]): string {
  return series(steps.map((step) => `${step.name} ${count(step.value)}`));
}

/** Every local date the flow charts (a phase's window, the days a phase left ran, or a range): the charts span them all, the lines stop at today. */
export function windowDates(flow: Flow): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${flow.window.start}T00:00:00Z`); t <= Date.parse(`${flow.window.end}T00:00:00Z`); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

/**
 * The burndown's ideal line on each date of the window: straight from the
 * open count as the window began to none at its end, and none after it for a
 * phase charted on past its window (not yet advanced). A window that began
 * with nothing open (the survey, whose clues all arrive within it) would make
 * that line flat at zero, so there it starts from the highest count so far.
 */
export function idealOpen(flow: Flow, dates: readonly string[]): (number | null)[] {
  const days = flow.days;
  const peak = days.reduce((best, day, i) => (day.open > (days[best]?.open ?? 0) ? i : best), 0);
  const from = flow.openAtStart > 0 ? { index: 0, open: flow.openAtStart } : { index: peak, open: days[peak]?.open ?? 0 };
  const end = flow.windowEndedOn === null ? dates.length - 1 : dates.indexOf(flow.windowEndedOn);
  const steps = Math.max(end - from.index, 1);
  return dates.map((_, i) => (i < from.index ? null : Math.max(0, Math.round(from.open * (1 - (i - from.index) / steps) * 10) / 10)));
}

/** A point of the ideal line as read out; a dash before it starts (at the peak, in a window that began with none open). */
export const idealText = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : count(value));

/** A row a week from the window's first day, and the latest day: a campaign's year of days is 53 rows, not 365. */
export function weeklyDays(flow: Flow): FlowDay[] {
  return flow.days.filter((_, i) => i % 7 === 0 || i === flow.days.length - 1);
}

/** The flow on its latest day: how many clues stand in each state, in the order given (the legend's). */
export function flowSummary(flow: Flow, states: readonly ClueState[]): string {
  const last = flow.days.at(-1);
  if (last === undefined) return rt('noData');
  const total = states.reduce((sum, state) => sum + (last.counts[state] ?? 0), 0);
  const parts = states.map((state) => `${tr(clueStateLabels[state])} ${count(last.counts[state] ?? 0)}`);
  return trFilled(reportMessages.flowSummary, { date: calendarDay(last.date), total: count(total), states: series(parts) });
}

/** The open clues as the window (a phase's, or a report's period) began and on its latest day, against the ideal line, its dates, and whether that is ahead of the line or behind it. */
export function burndownSummary(flow: Flow): string {
  const last = flow.days.at(-1);
  if (last === undefined) return rt('noData');
  const dates = windowDates(flow);
  const ideal = idealOpen(flow, dates)[dates.indexOf(last.date)];
  // A date range's or the whole campaign's chart is of the period its report counts, which no phase's window bounds;
  // a phase left, of the days it ran to the advance out of it; a phase under way past its window, on to today.
  const message =
    flow.phase === null
      ? reportMessages.burndownSummaryRange
      : flow.phaseEndedAt !== null
        ? reportMessages.burndownSummaryLeft
        : flow.windowEndedOn !== null
          ? reportMessages.burndownSummaryOverdue
          : reportMessages.burndownSummary;
  const summary = trFilled(message, {
    start: count(flow.openAtStart),
    date: calendarDay(last.date),
    open: count(last.open),
    ideal: idealText(ideal),
    from: calendarDay(flow.window.start),
    to: calendarDay(flow.window.end),
    ended: flow.windowEndedOn === null ? '' : calendarDay(flow.windowEndedOn),
  });
  // The latest day is in the window, at or after the day the line starts: no point of it is there only if the flow's
  // days ran outside its window, and then the summary draws no conclusion.
  if (ideal === null || ideal === undefined) return summary;
  const gap = Math.round((last.open - ideal) * 10) / 10;
  const pace = gap > 0 ? trFilled(reportMessages.burndownBehind, { n: count(gap) }) : gap < 0 ? trFilled(reportMessages.burndownAhead, { n: count(-gap) }) : tr(reportMessages.burndownOnPace);
  return trFilled(reportMessages.burndownWithPace, { summary, pace });
}
