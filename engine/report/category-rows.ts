import { emptyFigures, type ReportRow } from './report';

/** A category as a report's table lists it: in the campaign's order, retired or not. */
export interface ListedCategory {
  readonly id: number;
  readonly retired: boolean;
}

/** The row of a scope in which nothing was counted and nothing stood open. */
export const quietRow = (): ReportRow => ({ figures: emptyFigures(), solveRate: null, medianDaysToSolve: null, overdueAtEnd: 0, openAtEnd: 0 });

/**
 * The rows of a report's table by category, keyed as the report keys them
 * (the id, or `none` for items without one), in the campaign's order: every
 * category still in use, one in which nothing happened as a row of zeros (a
 * bureau's table lists them all, and a category missing from a unit's table
 * read as one forgotten), a retired one only where it has figures, then any
 * key the campaign does not name, `none` among them. A report of one category
 * lists that one alone, as counted.
 */
export function categoryRowsOf<Row>(byCategory: Readonly<Record<string, Row>>, categories: readonly ListedCategory[], oneCategory: boolean): [key: string, row: Row | ReportRow][] {
  const named = categories.map((c) => String(c.id));
  const listed = categories.flatMap((category): [string, Row | ReportRow][] => {
    const key = String(category.id);
    const row = byCategory[key];
    if (row !== undefined) return [[key, row]];
    return oneCategory || category.retired ? [] : [[key, quietRow()]];
  });
  const others = Object.entries(byCategory).filter(([key]) => !named.includes(key));
  return [...listed, ...others];
}
