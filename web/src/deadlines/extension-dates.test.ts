import { describe, expect, it } from 'vitest';
import { addDays, daysLater, extensionBounds, lastDayOf, quickChoices, requestedLater, untilProblem } from './extension-dates';

const zone = 'Asia/Shanghai';

describe('the days an extension may choose', () => {
  it('reads a due time as the last day it ends, in the campaign zone', () => {
    // 24:00 on 18 June, Beijing time.
    expect(lastDayOf('2026-06-18T16:00:00.000Z', zone)).toBe('2026-06-18');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('start the day after the current deadline, or today once it has passed, and end on the campaign’s last day', () => {
    const onTime = extensionBounds({ dueAt: '2026-06-18T16:00:00.000Z' }, '2026-06-15T02:00:00.000Z', '2026-12-31', zone);
    expect(onTime).toEqual({ current: '2026-06-18', from: '2026-06-18', earliest: '2026-06-19', latest: '2026-12-31' });
    // Overdue since 18 June; it is 20 June 09:00 in Beijing: today is the earliest.
    const overdue = extensionBounds({ dueAt: '2026-06-18T16:00:00.000Z' }, '2026-06-20T01:00:00.000Z', '2026-12-31', zone);
    expect(overdue).toMatchObject({ from: '2026-06-20', earliest: '2026-06-20' });
    // A week on from today, as a time limit of seven days counts.
    expect(quickChoices(overdue)[0]).toEqual({ days: 7, until: '2026-06-27' });
    expect(untilProblem('2026-06-19', overdue)).toBe('tooEarly');
    expect(untilProblem('2026-06-20', overdue)).toBeNull();
    expect(untilProblem('2027-01-01', overdue)).toBe('tooLate');
    expect(untilProblem('', overdue)).toBe('required');
  });

  it('offer a week, a fortnight and a month from the current deadline, as far as the campaign runs', () => {
    const bounds = extensionBounds({ dueAt: '2026-06-18T16:00:00.000Z' }, '2026-06-15T02:00:00.000Z', '2026-07-10', zone);
    expect(quickChoices(bounds)).toEqual([
      { days: 7, until: '2026-06-25' },
      { days: 15, until: '2026-07-03' },
    ]);
  });
  it('count how many days later a request asks for than the current deadline', () => {
    expect(daysLater('2026-06-14T16:00:00.000Z', '2026-06-21T16:00:00.000Z')).toBe(7);
    expect(daysLater('2026-06-14T16:00:00.000Z', '2026-06-14T16:00:00.000Z')).toBe(0);
    expect(daysLater('2026-03-31T16:00:00.000Z', '2026-04-30T16:00:00.000Z')).toBe(30);
  });
});

describe('how much later a request asks', () => {
  const now = '2026-06-15T02:00:00.000Z';
  it('counts from the deadline while it stands, the last day included', () => {
    expect(requestedLater({ dueAt: '2026-06-20T16:00:00.000Z', until: '2026-06-21', requestedDueAt: '2026-06-21T16:00:00.000Z' }, now, zone)).toEqual({ days: 1, fromToday: false });
    // Due at the end of today: not yet passed.
    expect(requestedLater({ dueAt: '2026-06-15T16:00:00.000Z', until: '2026-06-22', requestedDueAt: '2026-06-22T16:00:00.000Z' }, now, zone)).toEqual({ days: 7, fromToday: false });
  });

  it('counts from today once the deadline has passed, as the form counts its choices', () => {
    expect(requestedLater({ dueAt: '2026-01-22T16:00:00.000Z', until: '2026-06-30', requestedDueAt: '2026-06-30T16:00:00.000Z' }, now, zone)).toEqual({ days: 15, fromToday: true });
    expect(requestedLater({ dueAt: '2026-06-14T16:00:00.000Z', until: '2026-06-16', requestedDueAt: '2026-06-16T16:00:00.000Z' }, now, zone)).toEqual({ days: 1, fromToday: true });
  });
});
