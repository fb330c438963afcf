import { describe, expect, test } from 'vitest';
import { defaultSpan } from './default-span';

describe("a new campaign's offered dates", () => {
  test("this calendar year until its last quarter, then the next one's", () => {
    expect(defaultSpan(new Date('2026-06-15T04:00:00Z'), 'Asia/Shanghai')).toEqual({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(defaultSpan(new Date('2026-09-30T15:00:00Z'), 'Asia/Shanghai')).toEqual({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(defaultSpan(new Date('2026-12-05T11:00:00Z'), 'Asia/Shanghai')).toEqual({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
  });

  test('by the day in the campaign’s zone: 30 September 16:30 UTC is 1 October in Hanzhong', () => {
    expect(defaultSpan(new Date('2026-09-30T16:30:00Z'), 'Asia/Shanghai').startsOn).toBe('2027-01-01');
    expect(defaultSpan(new Date('2026-09-30T16:30:00Z'), 'UTC').startsOn).toBe('2026-01-01');
  });
});
