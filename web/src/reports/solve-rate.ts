/**
 * The solve rate as a table cell. A period's rate passes 100% where cases filed before the period are solved in it:
 * such a value carries the footnote mark of the note under its table, which says why, so that it is not read as a
 * wrong figure. The value itself is shown as counted, never capped.
 */
import { percent } from './format';

/** The footnote mark of the solve rate's note. */
export const solveRateMark = '*';

/** A rate's text and whether it carries the mark: above 100%, not at it. */
export function solveRateCell(rate: number | null): { text: string; marked: boolean } {
  return { text: percent(rate), marked: rate !== null && rate > 1 };
}
