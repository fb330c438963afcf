import { describe, expect, it } from 'vitest';
import { targetMet, targetsAgainst } from './unit-targets';

const tree = [
  { id: 'city', parentId: null },
  { id: 'county', parentId: 'city' },
  { id: 'station', parentId: 'county' },
  { id: 'other', parentId: 'city' },
];

describe('targets against a report by unit', () => {
  const rows: Record<string, Record<string, number>> = {
    county: { casesSolved: 2, cluesVerified: 5 },
    station: { casesSolved: 3 },
    other: { casesSolved: 1 },
  };
  const figuresOf = (unitId: string) => rows[unitId];

  it('counts a county branch’s target over its whole area, its police stations included', () => {
    expect(targetsAgainst([{ unitId: 'county', metric: 'casesSolved', value: 4 }], figuresOf, tree)).toEqual([{ unitId: 'county', metric: 'casesSolved', target: 4, actual: 5 }]);
  });

  it('counts a unit with no row, or a figure its row lacks, as nothing done', () => {
    expect(targetsAgainst([{ unitId: 'station', metric: 'cluesVerified', value: 1 }, { unitId: 'nowhere', metric: 'casesFiled', value: 2 }], figuresOf, tree)).toEqual([
      { unitId: 'station', metric: 'cluesVerified', target: 1, actual: 0 },
      { unitId: 'nowhere', metric: 'casesFiled', target: 2, actual: 0 },
    ]);
  });

  it('keeps the targets in the order they were set', () => {
    const facts = targetsAgainst([{ unitId: 'other', metric: 'casesSolved', value: 1 }, { unitId: 'city', metric: 'casesSolved', value: 10 }], figuresOf, tree);
    expect(facts.map((fact) => [fact.unitId, fact.actual])).toEqual([['other', 1], ['city', 6]]);
  });

  it('meets a target reached or passed, and a target of nothing with nothing done', () => {
    expect([targetMet({ target: 4, actual: 4 }), targetMet({ target: 4, actual: 5 }), targetMet({ target: 4, actual: 3 }), targetMet({ target: 0, actual: 0 })]).toEqual([true, true, false, true]);
  });
});
