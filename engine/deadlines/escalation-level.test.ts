import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escalationLevel, levelReachedAt, escalationDue, escalationRecipientOf, rungsReachedBy } from './escalation-level';

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

describe('escalationDue', () => {
  const thresholds = { dueSoonHours: 24, longOverdueDays: 7 };
  const dueAt = '2026-04-10T16:00:00.000Z';
  const at = (iso: string) => new Date(iso);

  it('raises nothing while on time, and nothing for an item without a due time', () => {
    expect(escalationDue({ dueAt, assigneeId: 7, awaitsOffice: false }, at('2026-04-09T15:59:59.999Z'), thresholds)).toBeNull();
    expect(escalationDue({ dueAt: null, assigneeId: 7, awaitsOffice: false }, at('2030-01-01T00:00:00Z'), thresholds)).toBeNull();
  });

  it('raises each rung at its instant, to the assignee, the unit lead, then the office', () => {
    expect(escalationDue({ dueAt, assigneeId: 7, awaitsOffice: false }, at('2026-04-09T16:00:00.000Z'), thresholds)).toEqual({ level: 1, recipient: 'assignee', recipientUserId: 7 });
    expect(escalationDue({ dueAt, assigneeId: 7, awaitsOffice: false }, at(dueAt), thresholds)).toEqual({ level: 2, recipient: 'unitLead', recipientUserId: null });
    expect(escalationDue({ dueAt, assigneeId: 7, awaitsOffice: false }, at('2026-04-17T16:00:00.000Z'), thresholds)).toEqual({ level: 3, recipient: 'office', recipientUserId: null });
  });

  it('after downtime raises only the rung reached now', () => {
    expect(escalationDue({ dueAt, assigneeId: 7, awaitsOffice: false }, at('2026-06-01T00:00:00Z'), thresholds)?.level).toBe(3);
  });

  it('sends the first rung of an unassigned item to its unit lead', () => {
    expect(escalationDue({ dueAt, assigneeId: null, awaitsOffice: false }, at('2026-04-10T00:00:00Z'), thresholds)).toEqual({ level: 1, recipient: 'unitLead', recipientUserId: null });
  });

  it('raises every rung of an item waiting for the office alone (已整改待验收) to the office, from 临期 on', () => {
    const waiting = { dueAt, assigneeId: 7, awaitsOffice: true };
    expect(escalationDue(waiting, at('2026-04-09T16:00:00.000Z'), thresholds)).toEqual({ level: 1, recipient: 'office', recipientUserId: null });
    expect(escalationDue(waiting, at(dueAt), thresholds)).toEqual({ level: 2, recipient: 'office', recipientUserId: null });
    expect(escalationDue(waiting, at('2026-04-17T16:00:00.000Z'), thresholds)).toEqual({ level: 3, recipient: 'office', recipientUserId: null });
  });
});

describe('escalationRecipientOf', () => {
  it.each([
    [1, 7, false, { recipient: 'assignee', recipientUserId: 7 }],
    [1, null, false, { recipient: 'unitLead', recipientUserId: null }],
    [2, 7, false, { recipient: 'unitLead', recipientUserId: null }],
    [3, null, false, { recipient: 'office', recipientUserId: null }],
    [1, 7, true, { recipient: 'office', recipientUserId: null }],
    [1, null, true, { recipient: 'office', recipientUserId: null }],
    [2, 7, true, { recipient: 'office', recipientUserId: null }],
  ] as const)('sends rung %i of an item assigned to %s (waiting for the office: %s) to whom the sweep would raise it', (level, assigneeId, awaitsOffice, expected) => {
    expect(escalationRecipientOf(level, { assigneeId, awaitsOffice })).toEqual(expected);
  });
});

describe('rungsReachedBy', () => {
  it('gives, for each rung, the latest due time that has reached it: exactly the items escalationLevel puts at that rung or above', () => {
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });
    // Due from 40 days before now to 4 days after: every rung and the instants between them.
    const offset = fc.integer({ min: -40 * 86_400_000, max: 4 * 86_400_000 });
    fc.assert(
      fc.property(instant, offset, fc.integer({ min: 1, max: 72 }), fc.integer({ min: 1, max: 30 }), (now, dueIn, dueSoonHours, longOverdueDays) => {
        const due = now + dueIn;
        const thresholds = { dueSoonHours, longOverdueDays };
        const reachedBy = rungsReachedBy(new Date(now), thresholds);
        const level = escalationLevel(new Date(due), new Date(now), thresholds);
        for (const k of [1, 2, 3] as const) {
          expect(due <= reachedBy[k].getTime()).toBe(level >= k);
          // At the instant itself, and a millisecond later.
          expect(escalationLevel(reachedBy[k], new Date(now), thresholds)).toBeGreaterThanOrEqual(k);
          expect(escalationLevel(new Date(reachedBy[k].getTime() + 1), new Date(now), thresholds)).toBeLessThan(k);
        }
      }),
    );
  });
});
