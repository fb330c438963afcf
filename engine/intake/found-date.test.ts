import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { parseLocalDateTime } from './found-date';

const shanghai = 'Asia/Shanghai';

describe('dates of found clues as spreadsheets write them', () => {
  it.each([
    ['2026-03-05', '2026-03-04T16:00:00.000Z'],
    ['2026/3/5', '2026-03-04T16:00:00.000Z'],
    ['2026.3.5', '2026-03-04T16:00:00.000Z'],
    ['2026年3月5日', '2026-03-04T16:00:00.000Z'],
    ['20260305', '2026-03-04T16:00:00.000Z'],
    ['2026-03-05 10:30', '2026-03-05T02:30:00.000Z'],
    ['2026-03-05T10:30:15', '2026-03-05T02:30:15.000Z'],
    ['2026年3月5日 10时30分', '2026-03-05T02:30:00.000Z'],
    [' 2026/03/05 23:59:59 ', '2026-03-05T15:59:59.000Z'],
    // Typed with a Chinese input method, in full-width digits and marks.
    ['２０２６－０３－０５', '2026-03-04T16:00:00.000Z'],
    ['２０２６年３月５日　１０：３０', '2026-03-05T02:30:00.000Z'],
    // A date cell shown as its number (the format lost, or pasted as values): days since 30 December 1899.
    ['46086', '2026-03-04T16:00:00.000Z'],
    ['46086.4375', '2026-03-05T02:30:00.000Z'],
  ])('reads %s as Beijing time', (text, instant) => {
    expect(parseLocalDateTime(text, shanghai)?.toISOString()).toBe(instant);
  });

  it.each([
    ['2026-03-05T10:30:00+08:00', '2026-03-05T02:30:00.000Z'],
    ['2026-03-05T02:30:00Z', '2026-03-05T02:30:00.000Z'],
    // As the API and JavaScript write an instant, and as other systems do: a fraction, no seconds, a space, an offset of other forms.
    ['2026-03-05T02:30:00.123Z', '2026-03-05T02:30:00.123Z'],
    ['2026-03-05T02:30:00.1234567z', '2026-03-05T02:30:00.123Z'],
    ['2026-03-05 10:30+0800', '2026-03-05T02:30:00.000Z'],
    ['2026-03-05T10:30+08', '2026-03-05T02:30:00.000Z'],
    // Another zone than the campaign's is the instant it names, not a wall-clock time in Beijing.
    ['2026-03-04T21:30:00-05:00', '2026-03-05T02:30:00.000Z'],
    ['2026-03-05T00:30:00+05:30', '2026-03-04T19:00:00.000Z'],
    // A day across the date line from Beijing's.
    ['2026-03-04T23:00:00Z', '2026-03-04T23:00:00.000Z'],
    ['２０２６－０３－０５Ｔ０２：３０：００Ｚ', '2026-03-05T02:30:00.000Z'],
  ])('reads the instant %s with its own zone', (text, instant) => {
    expect(parseLocalDateTime(text, shanghai)?.toISOString()).toBe(instant);
    // Whatever the campaign's zone.
    expect(parseLocalDateTime(text, 'America/New_York')?.toISOString()).toBe(instant);
  });

  it.each(['2026-02-30T10:30:00+08:00', '2026-02-29T00:00:00Z', '2026-03-05T24:00:00Z', '2026-03-05T10:60:00Z', '2026-03-05T10:30:60Z', '2026-03-05T10:30:00+24:00', '2026-03-05T10:30:00+08:75', '2026-03-05Z', '2026-03-05T10:30:00 +08:00', '2026-3-5T10:30:00Z'])(
    'refuses the instant %j, a day or time that does not exist or no ISO 8601',
    (text) => {
      expect(parseLocalDateTime(text, shanghai)).toBeNull();
    },
  );

  it.each(['', '昨天', '2026-02-30', '2025-02-29', '2026-13-01', '2026-03-05 24:00', '2026-03-05 10:60', '05/03/2026', '2026-3', '12345', '99999', '46086.5.1'])(
    'refuses %j',
    (text) => {
      expect(parseLocalDateTime(text, shanghai)).toBeNull();
    },
  );

  it('agrees with @date-fns/tz for any wall-clock time, in a zone with summer time too', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(shanghai, 'Europe/Berlin', 'America/New_York'),
        (wall, zone) => {
          const [y, mo, d, h, mi, s] = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
          const text = `${y}-${pad(mo + 1)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
          const expected = new TZDate(y, mo, d, h, mi, s, zone);
          const read = parseLocalDateTime(text, zone);
          expect(read).not.toBeNull();
          // Wall-clock times skipped by a spring-forward change have no instant; both sides may settle them differently.
          const skipped = expected.getHours() !== h || expected.getMinutes() !== mi;
          if (!skipped) expect(read?.getTime()).toBe(expected.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });
});
