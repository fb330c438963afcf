import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueTimeIso } from './due-time';
import { endOfLocalDayAfter, startOfLocalDate } from './local-time';

const hour = 3_600_000;

/** Instants where a cached day could go wrong: local midnights and daylight-saving switches. */
const boundaries: Record<string, readonly number[]> = {
  'Asia/Shanghai': ['2026-03-31', '2026-04-01', '2026-12-31', '2027-01-01'].map((d) => startOfLocalDate(d, 'Asia/Shanghai').getTime()),
  'Europe/Berlin': [
    ...['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26'].map((d) => startOfLocalDate(d, 'Europe/Berlin').getTime()),
    // The switches themselves: 02:00 → 03:00 on 29 March, 03:00 → 02:00 on 25 October.
    Date.parse('2026-03-29T01:00:00Z'),
    Date.parse('2026-10-25T01:00:00Z'),
  ],
  // Half-hour daylight saving, and a zone a quarter hour off the hour.
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'].map((d) => startOfLocalDate(d, 'Australia/Lord_Howe').getTime()),
  'Asia/Kathmandu': ['2026-06-01'].map((d) => startOfLocalDate(d, 'Asia/Kathmandu').getTime()),
};

const request = fc.constantFrom(...Object.keys(boundaries)).chain((zone) =>
  fc.record({
    zone: fc.constant(zone),
    at: fc.tuple(fc.constantFrom(...(boundaries[zone] ?? [])), fc.integer({ min: -3 * hour, max: 3 * hour })).map(([b, d]) => b + d),
    days: fc.integer({ min: 0, max: 400 }),
  }),
);

describe('the due time cached per local day', () => {
  it('equals the uncached arithmetic around midnights and daylight-saving switches, in any order of calls', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 40 }), (requests) => {
        for (const { zone, at, days } of requests) {
          expect(dueTimeIso(at, days, zone)).toBe(endOfLocalDayAfter(new Date(at), days, zone).toISOString());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the next local day once the day has turned, in Shanghai and in Berlin', () => {
    const justBefore = Date.parse('2026-03-31T15:59:59.999Z');
    expect(dueTimeIso(justBefore, 3, 'Asia/Shanghai')).toBe('2026-04-03T16:00:00.000Z');
    expect(dueTimeIso(justBefore + 1, 3, 'Asia/Shanghai')).toBe('2026-04-04T16:00:00.000Z');
    // Berlin's 28 March has 24 hours, 29 March 23: a one-day limit entered on the 28th ends at 22:00 UTC on the 29th.
    const berlinEvening = Date.parse('2026-03-28T22:59:59.999Z');
    expect(dueTimeIso(berlinEvening, 1, 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    expect(dueTimeIso(berlinEvening + 1, 1, 'Europe/Berlin')).toBe('2026-03-30T22:00:00.000Z');
  });

  it('keeps zones apart', () => {
    const at = Date.parse('2026-03-28T20:00:00Z');
    expect(dueTimeIso(at, 0, 'Asia/Shanghai')).toBe('2026-03-29T16:00:00.000Z');
    expect(dueTimeIso(at, 0, 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(dueTimeIso(at, 0, 'Asia/Shanghai')).toBe('2026-03-29T16:00:00.000Z');
  });
});
