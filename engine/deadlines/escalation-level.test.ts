import { describe, expect, it } from 'vitest';
import { escalationLevel, levelReachedAt } from './escalation-level';

const due = new Date('2026-03-08T16:00:00Z');
const thresholds = { dueSoonHours: 24, longOverdueDays: 7 };
const at = (iso: string) => escalationLevel(due, new Date(iso), thresholds);

describe('the escalation ladder', () => {
  it.each([
    ['2026-03-07T15:59:59Z', 0],
    ['2026-03-07T16:00:00Z', 1],
    ['2026-03-08T15:59:59Z', 1],
    ['2026-03-08T16:00:00Z', 2],
    ['2026-03-15T15:59:59Z', 2],
    ['2026-03-15T16:00:00Z', 3],
    ['2027-01-01T00:00:00Z', 3],
  ] as const)('at %s the level is %i', (now, level) => {
    expect(at(now)).toBe(level);
  });

  it('keeps items without a due time on time', () => {
    expect(escalationLevel(null, new Date('2030-01-01T00:00:00Z'), thresholds)).toBe(0);
  });

  it('agrees with the instants each rung is reached', () => {
    for (const level of [1, 2, 3] as const) {
      const instant = levelReachedAt(due, level, thresholds);
      expect(escalationLevel(due, instant, thresholds)).toBe(level);
      expect(escalationLevel(due, new Date(instant.getTime() - 1), thresholds)).toBe(level - 1);
    }
  });

  it('follows configured spans', () => {
    const wide = { dueSoonHours: 72, longOverdueDays: 1 };
    expect(escalationLevel(due, new Date('2026-03-06T00:00:00Z'), wide)).toBe(1);
    expect(escalationLevel(due, new Date('2026-03-09T16:00:00Z'), wide)).toBe(3);
  });
});
