import { describe, expect, test } from 'vitest';
import { locale, setLang, type Lang } from '../i18n/i18n';
import { age, ago, figure } from './format';

const since = '2026-01-01T00:00:00.000Z';
const after = (minutes: number) => new Date(Date.parse(since) + minutes * 60_000).toISOString();

describe('a card’s age', () => {
  test.each<Lang>(['zh', 'en'])('reads as Intl’s narrow unit in %s', (lang) => {
    setLang(lang);
    const intl = (value: number, unit: string) => new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'narrow' }).format(value);
    expect(age(since, after(0))).toBe(intl(0, 'minute'));
    expect(age(since, after(59))).toBe(intl(59, 'minute'));
    expect(age(since, after(60))).toBe(intl(1, 'hour'));
    expect(age(since, after(23 * 60 + 59))).toBe(intl(23, 'hour'));
    expect(age(since, after(1440))).toBe(intl(1, 'day'));
    expect(age(since, after(1234 * 1440))).toBe(intl(1234, 'day'));
  });

  test('a clock behind the entry reads as no time at all', () => {
    setLang('en');
    expect(age(since, after(-5))).toBe('0m');
  });
});

describe('how long ago a note was written', () => {
  test('just now within the minute, then the age (with 前 in Chinese), in each language', () => {
    setLang('zh');
    expect(ago(since, after(0))).toBe('刚刚');
    expect(ago(since, after(-3))).toBe('刚刚');
    expect(ago(since, after(1))).toBe('1分钟前');
    expect(ago(since, after(3 * 1440 + 5))).toBe('3天前');
    setLang('en');
    expect(ago(since, after(0.5))).toBe('now');
    expect(ago(since, after(90))).toBe('1h');
    expect(ago(since, after(3 * 1440))).toBe('3d');
  });
});

describe('a figure', () => {
  test.each<Lang>(['zh', 'en'])('reads as Intl’s in %s', (lang) => {
    setLang(lang);
    const intl = new Intl.NumberFormat(locale());
    for (const value of [0, -0, 7, 999, 1000, 1103, -4567, 12_345, 999_999, 1_000_000, 1_234_567_890, Number.MAX_SAFE_INTEGER, 1.5, 1234.5678, -0.25]) {
      expect(figure(value)).toBe(intl.format(value));
    }
  });
});
