import { describe, expect, it } from 'vitest';
import { describeCriterion, evaluateExitCriteria, exitCriterionSchema, type ExitFacts } from './exit-criteria';
import { validate } from '../validation';

const none = { count: 0, sample: [] };
const facts: ExitFacts = {
  cluesIn: { found: { count: 3, sample: [{ kind: 'clue', id: 1 }] }, verifying: { count: 2, sample: [{ kind: 'clue', id: 2 }] } },
  problemsIn: { identified: none },
  unassigned: { count: 1, sample: [{ kind: 'problem', id: 9 }] },
  openEscalations: { 1: { count: 4, sample: [] }, 2: none, 3: { count: 1, sample: [{ kind: 'clue', id: 3 }] } },
  targets: [
    { unitId: 'hantai', metric: 'casesSolved', target: 10, actual: 12 },
    { unitId: 'nanzheng', metric: 'casesSolved', target: 10, actual: 9 },
  ],
};

describe('exit criteria', () => {
  it('hold when nothing blocks them', () => {
    expect(evaluateExitCriteria([{ kind: 'noProblemsIn', states: ['identified'] }, { kind: 'noOpenEscalations', atOrAbove: 2 }], {
      ...facts,
      openEscalations: { 1: facts.openEscalations[1], 2: none, 3: none },
    })).toEqual([]);
  });

  it('name the items that block them, counted across states and levels', () => {
    const unmet = evaluateExitCriteria(
      [
        { kind: 'noCluesIn', states: ['found', 'verifying'] },
        { kind: 'responsibilityComplete' },
        { kind: 'noOpenEscalations', atOrAbove: 2 },
      ],
      facts,
    );
    expect(unmet.map((u) => [u.criterion.kind, u.blocking.count, u.blocking.sample.map((r) => r.id)])).toEqual([
      ['noCluesIn', 5, [1, 2]],
      ['responsibilityComplete', 1, [9]],
      ['noOpenEscalations', 1, [3]],
    ]);
  });

  it('list the units that missed their targets', () => {
    const [unmet] = evaluateExitCriteria([{ kind: 'unitTargetsMet' }], facts);
    expect(unmet?.targetsMissed).toEqual([{ unitId: 'nanzheng', metric: 'casesSolved', target: 10, actual: 9 }]);
  });

  it('name an escalation level by its rung, as the escalations are named elsewhere, not by a bare number nobody can read', () => {
    const stateLabel = () => ({ zh: '', en: '' });
    expect(describeCriterion({ kind: 'noOpenEscalations', atOrAbove: 3 }, stateLabel)).toEqual({
      zh: '没有未处理的“严重超期”（3级）督办',
      en: 'No open escalation at Long overdue (level 3)',
    });
    expect(describeCriterion({ kind: 'noOpenEscalations', atOrAbove: 2 }, stateLabel)).toEqual({
      zh: '没有未处理的“超期”（2级）及以上督办',
      en: 'No open escalation at Overdue (level 2) or above',
    });
  });

  it('refuses a "none left in" criterion with no state ticked, saying to tick one (not "at least 1 item", read as a clue)', () => {
    for (const kind of ['noCluesIn', 'noProblemsIn'] as const) {
      const answer = validate(exitCriterionSchema, { kind, states: [] });
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.fields).toEqual([{ field: 'states', message: { zh: '请至少勾选一个状态', en: 'Tick at least one state' } }]);
    }
  });
});
