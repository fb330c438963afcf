import { describe, expect, test } from 'vitest';
import { advanceDue, advanceOpensOn, nextStateOf, nextWindowEnded } from './phase-advance';

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

  test('says from which day it is offered: the next window\'s first, before concluding the last one\'s last, and none once concluded', () => {
    expect(['planned', 'survey', 'crackdown', 'consolidation', 'concluded'].map((s) => advanceOpensOn(campaign(s as 'survey')))).toEqual([
      '2026-01-01',
      '2026-03-01',
      '2026-09-01',
      '2026-12-31',
      null,
    ]);
  });

  test("says when the next window's last day has gone, on the campaign's own day, which the server would refuse", () => {
    // A campaign made in June: its survey window (to 31 March) is over before it began.
    expect(nextWindowEnded(campaign('planned'), '2026-06-15T02:00:00Z')).toBe('2026-03-31');
    // The last day itself is still open: 31 March 23:59 in Beijing, then 1 April 00:00.
    expect(nextWindowEnded(campaign('planned'), '2026-03-31T15:59:00Z')).toBeNull();
    expect(nextWindowEnded(campaign('planned'), '2026-03-31T16:00:00Z')).toBe('2026-03-31');
    expect(nextWindowEnded(campaign('survey'), '2026-06-15T02:00:00Z')).toBeNull();
    // Concluding has no window to miss.
    expect(nextWindowEnded(campaign('consolidation'), '2027-02-01T02:00:00Z')).toBeNull();
  });
});
