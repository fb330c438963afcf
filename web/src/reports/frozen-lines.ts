import { reportColumnLabels, reportFigureLabels } from '../../../engine/report/report.labels';
import { tr } from '../i18n/i18n';
import type { ReportRow } from './api';
import { allFigures } from './figures';
import { count, days, percent } from './format';
import { rt } from './messages';

/** A line whose value only one side has (a solve rate where the other counted no case filed): no difference to say. */
export type OneSideOnly = 'frozenOnly' | 'liveOnly';

export interface Line {
  readonly id: string;
  readonly label: string;
  readonly frozen: string;
  readonly live: string;
  /** Live less frozen, or which side alone has a value. */
  readonly delta: number | OneSideOnly;
}

/** Every figure of the frozen report's total beside the live one's, with its difference. */
export function frozenLines(frozen: ReportRow, live: ReportRow): Line[] {
  // A phase frozen before a figure existed (the deadlines') did not count it: nothing to compare.
  const figureLines = allFigures.filter((figure) => frozen.figures[figure] !== undefined).map((figure): Line => {
    const a = frozen.figures[figure] ?? 0;
    const b = live.figures[figure] ?? 0;
    return { id: figure, label: tr(reportFigureLabels[figure]), frozen: count(a), live: count(b), delta: b - a };
  });
  const other = (id: keyof typeof reportColumnLabels, a: number | null, b: number | null, show: (n: number | null) => string): Line => ({
    id,
    label: tr(reportColumnLabels[id]),
    frozen: show(a),
    live: show(b),
    delta: a === b ? 0 : b === null ? 'frozenOnly' : a === null ? 'liveOnly' : b - a,
  });
  return [
    ...figureLines,
    other('solveRate', frozen.solveRate, live.solveRate, percent),
    other('medianDaysToSolve', frozen.medianDaysToSolve, live.medianDaysToSolve, days),
    other('openAtEnd', frozen.openAtEnd, live.openAtEnd, (n) => count(n ?? 0)),
    other('overdueAtEnd', frozen.overdueAtEnd, live.overdueAtEnd, (n) => count(n ?? 0)),
  ];
}

/**
 * A line's difference, live less frozen. None is said as such (一致 / Same): a blank cell in a column of differences
 * read as a figure missing, not as a figure that agrees. A value on one side only is said as such (仅实时 / Live only):
 * ≠ read as two figures that differ, where one was missing.
 */
export const difference = (line: Line) => {
  if (line.delta === 'frozenOnly') return rt('frozenLineFrozenOnly');
  if (line.delta === 'liveOnly') return rt('frozenLineLiveOnly');
  if (line.delta === 0) return rt('frozenLineSame');
  const rounded = Math.round(line.delta * 1000) / 1000;
  return `${rounded > 0 ? '+' : ''}${line.id === 'solveRate' ? percent(rounded) : count(rounded)}`;
};
