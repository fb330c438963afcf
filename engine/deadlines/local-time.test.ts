import { TZDate, tz } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import fc from 'fast-check';
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

describe('the cached offsets agree with @date-fns/tz', () => {
  it('for random instants and limits in zones with and without daylight saving', () => {
    const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...zones),
        (entered, days, zone) => {
          const inZone = tz(zone);
          const expected = addDays(startOfDay(entered, { in: inZone }), days + 1, { in: inZone }).getTime();
          expect(endOfLocalDayAfter(entered, days, zone).getTime()).toBe(expected);
          const local = new TZDate(entered.getTime(), zone);
          const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
          expect(localDateOf(entered, zone)).toBe(date);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
