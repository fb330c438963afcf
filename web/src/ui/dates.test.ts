import { afterEach, describe, expect, test } from 'vitest';
import { setLang } from '../i18n/i18n';
import { calendarDay, dateTime, dayOf, dueDate, spanEnd } from './dates';

const beijing = 'Asia/Shanghai';

describe('a date as the UI writes it', () => {
  afterEach(() => setLang('zh'));

  test('day, short month and year in English; year, month and day in Chinese', () => {
    setLang('en');
    expect(calendarDay('2026-01-29')).toBe('29 Jan 2026');
    expect(calendarDay('2026-11-02')).toBe('2 Nov 2026');
    setLang('zh');
    expect(calendarDay('2026-01-29')).toBe('2026年1月29日');
    expect(calendarDay('2026-11-02')).toBe('2026年11月2日');
  });

  test('a moment with its time, the date written as a day alone is', () => {
    const at = '2026-01-29T01:05:00.000Z';
    setLang('en');
    expect(dateTime(at, beijing)).toBe('29 Jan 2026, 09:05');
    expect(dateTime(at, beijing).startsWith(dayOf(at, beijing))).toBe(true);
    setLang('zh');
    expect(dateTime(at, beijing)).toBe('2026年1月29日 09:05');
    expect(dateTime(at, beijing).startsWith(dayOf(at, beijing))).toBe(true);
  });

  test('the day is the one in the campaign’s zone, not in UTC', () => {
    // 20:30 on 31 December in UTC is half past four on New Year's Day in Beijing.
    const at = '2025-12-31T20:30:00.000Z';
    setLang('en');
    expect(dayOf(at, beijing)).toBe('1 Jan 2026');
    expect(dateTime(at, beijing)).toBe('1 Jan 2026, 04:30');
    expect(dayOf(at, 'UTC')).toBe('31 Dec 2025');
    // Midnight is 00:00 of the day it begins, not 24:00 of the day before.
    expect(dateTime('2026-03-31T16:00:00.000Z', beijing)).toBe('1 Apr 2026, 00:00');
  });

  test('without the year where it is plain, as on the wall: "22 Nov", never "11-22"', () => {
    const at = '2026-11-22T06:19:00.000Z';
    setLang('en');
    expect(dayOf(at, beijing, { year: false })).toBe('22 Nov');
    expect(dateTime(at, beijing, { year: false })).toBe('22 Nov, 14:19');
    expect(calendarDay('2026-09-01', { year: false })).toBe('1 Sept');
    setLang('zh');
    expect(dayOf(at, beijing, { year: false })).toBe('11月22日');
    expect(dateTime(at, beijing, { year: false })).toBe('11月22日 14:19');
  });

  test('a deadline shows the last day it allows: 24:00 of that day, not the next day', () => {
    // Due at the end of 30 June in Beijing: 16:00 UTC, the next day's 00:00 there.
    setLang('en');
    expect(dueDate('2026-06-30T16:00:00.000Z', beijing)).toBe('30 Jun 2026');
    setLang('zh');
    expect(dueDate('2026-06-30T16:00:00.000Z', beijing)).toBe('2026年6月30日');
    expect(dueDate('2026-06-30T16:00:00.001Z', beijing)).toBe('2026年7月1日');
  });

  test('switching the language rewrites a date in the other one (the formatters are kept per language)', () => {
    setLang('en');
    expect(calendarDay('2026-05-04')).toBe('4 May 2026');
    setLang('zh');
    expect(calendarDay('2026-05-04')).toBe('2026年5月4日');
    setLang('en');
    expect(calendarDay('2026-05-04')).toBe('4 May 2026');
  });

  test('a span ending at midnight ends at 24:00 of its last day, not at 00:00 of the next', () => {
    // A range chosen to 31 December ends at Beijing's 1 January 00:00.
    const newYear = '2026-12-31T16:00:00.000Z';
    setLang('zh');
    expect(spanEnd(newYear, beijing)).toBe('2026年12月31日 24:00');
    setLang('en');
    expect(spanEnd(newYear, beijing)).toBe('31 Dec 2026, 24:00');
    // Any other moment as a moment is written.
    expect(spanEnd('2026-12-31T16:01:00.000Z', beijing)).toBe(dateTime('2026-12-31T16:01:00.000Z', beijing));
  });
});
