import { describe, expect, test } from 'vitest';
import { advanceDue, nextStateOf } from './phase-advance';

const windows = { survey: { start: '2026-01-01', end: '2026-03-31' }, crackdown: { start: '2026-03-01', end: '2026-08-31' }, consolidation: { start: '2026-09-01', end: '2026-12-31' } };
const campaign = (state: 'planned' | 'survey' | 'crackdown' | 'consolidation' | 'concluded', overdue = false) => ({
  state,
  phases: ['survey', 'crackdown', 'consolidation'] as ('survey' | 'crackdown' | 'consolidation')[],
  windows,
  timeZone: 'Asia/Shanghai',
  overdue,
});

describe('the advance into the next phase', () => {
  test('goes to the next phase, then to concluded, and from concluded nowhere', () => {
    expect(['planned', 'survey', 'crackdown', 'consolidation', 'concluded'].map((s) => nextStateOf(campaign(s as 'survey')))).toEqual(['survey', 'crackdown', 'consolidation', 'concluded', null]);
  });

  test("is offered once the next window has begun on the campaign's own day, not before", () => {
    // 31 August 16:30 UTC is 1 September 00:30 in Beijing: the consolidation window has begun there.
    expect(advanceDue(campaign('crackdown'), '2026-08-31T15:59:00Z')).toBe(false);
    expect(advanceDue(campaign('crackdown'), '2026-08-31T16:30:00Z')).toBe(true);
    // Concluding has no window: offered from the last phase's last day, and whenever the phase is overdue.
    expect(advanceDue(campaign('consolidation'), '2026-12-30T02:00:00Z')).toBe(false);
    expect(advanceDue(campaign('consolidation'), '2026-12-31T02:00:00Z')).toBe(true);
    expect(advanceDue(campaign('survey', true), '2026-02-01T02:00:00Z')).toBe(true);
    expect(advanceDue(campaign('concluded', true), '2027-02-01T02:00:00Z')).toBe(false);
  });
});
