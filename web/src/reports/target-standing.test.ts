import { describe, expect, it } from 'vitest';
import { targetLines, targetTally } from './target-standing';

describe('a phase report’s targets', () => {
  const lines = targetLines([
    { unitId: 'hantai', metric: 'casesSolved', target: 4, actual: 6 },
    { unitId: 'ningqiang', metric: 'casesSolved', target: 4, actual: 1 },
    { unitId: 'lueyang', metric: 'casesSolved', target: 4, actual: 4 },
    { unitId: 'liuba', metric: 'cluesVerified', target: 0, actual: 0 },
  ]);

  it('says of each whether it is met and how far it falls short', () => {
    expect(lines.map((line) => [line.unitId, line.met, line.short, line.share])).toEqual([
      ['hantai', true, 0, 1.5],
      ['ningqiang', false, 3, 0.25],
      ['lueyang', true, 0, 1],
      ['liuba', true, 0, 1],
    ]);
  });

  it('counts those met and those not', () => {
    expect(targetTally(lines)).toEqual({ total: 4, met: 3, missed: 1 });
    expect(targetTally([])).toEqual({ total: 0, met: 0, missed: 0 });
  });
});
