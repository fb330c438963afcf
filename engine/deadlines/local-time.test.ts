import { describe, expect, it } from 'vitest';
import { endOfLocalDate, endOfLocalDayAfter, localDateOf, startOfLocalDate } from './local-time';

const shanghai = 'Asia/Shanghai';

describe('local calendar days', () => {
  it('counts a 3-day limit to 24:00 local time of the third day after entry', () => {
    // 5 March 10:00 in Shanghai is 02:00 UTC.
    const due = endOfLocalDayAfter(new Date('2026-03-05T02:00:00Z'), 3, shanghai);
    // 9 March 00:00 Shanghai = 8 March 16:00 UTC.
    expect(due.toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });

  it('uses the local day, not the UTC day, for an entry late in the evening UTC', () => {
    // 5 March 23:30 UTC is already 6 March 07:30 in Shanghai.
    const due = endOfLocalDayAfter(new Date('2026-03-05T23:30:00Z'), 1, shanghai);
    expect(due.toISOString()).toBe('2026-03-07T16:00:00.000Z');
  });

  it('honours daylight saving in zones that have it', () => {
    // Berlin switches to summer time on 29 March 2026: that day has 23 hours.
    const due = endOfLocalDayAfter(new Date('2026-03-28T12:00:00Z'), 1, 'Europe/Berlin');
    expect(due.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('gives the bounds of a local date', () => {
    expect(startOfLocalDate('2026-03-31', shanghai).toISOString()).toBe('2026-03-30T16:00:00.000Z');
    expect(endOfLocalDate('2026-03-31', shanghai).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('reads the local date of an instant', () => {
    expect(localDateOf(new Date('2026-03-31T16:00:00Z'), shanghai)).toBe('2026-04-01');
    expect(localDateOf(new Date('2026-03-31T15:59:59Z'), shanghai)).toBe('2026-03-31');
  });
});
