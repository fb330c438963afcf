import { describe, expect, it } from 'vitest';
import { categoryRowsOf, quietRow } from './category-rows';
import type { ReportRow } from './report';

const rowWith = (casesSolved: number): ReportRow => ({ ...quietRow(), figures: { ...quietRow().figures, casesSolved } });

describe('the categories a report lists', () => {
  const categories = [
    { id: 3, retired: false },
    { id: 1, retired: false },
    { id: 2, retired: true },
    { id: 4, retired: true },
  ];

  it('lists every category in use in the campaign’s order, a quiet one as zeros, a retired one only with figures, then what it does not name', () => {
    const byCategory = { '1': rowWith(2), '4': rowWith(1), none: rowWith(5) };
    expect(categoryRowsOf(byCategory, categories, false)).toEqual([
      ['3', quietRow()],
      ['1', rowWith(2)],
      ['4', rowWith(1)],
      ['none', rowWith(5)],
    ]);
  });

  it('lists only the category counted in a report of one category', () => {
    expect(categoryRowsOf({ '1': rowWith(2) }, categories, true)).toEqual([['1', rowWith(2)]]);
  });

  it('writes zeros in a quiet row, and no rate nor median', () => {
    const row = quietRow();
    expect(Object.values(row.figures).every((n) => n === 0)).toBe(true);
    expect([row.solveRate, row.medianDaysToSolve, row.openAtEnd, row.overdueAtEnd]).toEqual([null, null, 0, 0]);
  });
});
