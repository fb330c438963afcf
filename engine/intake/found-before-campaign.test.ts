import { describe, expect, it } from 'vitest';
import { parseLocalDateTime } from './found-date';
import { campaignBegan, foundBeforeCampaign } from './found-before-campaign';

const config = {
  timeZone: 'Asia/Shanghai',
  windows: {
    survey: { start: '2026-01-01', end: '2026-03-31' },
    crackdown: { start: '2026-04-01', end: '2026-08-31' },
    consolidation: { start: '2026-09-01', end: '2026-12-31' },
  },
} as const;
const found = (text: string): Date => {
  const at = parseLocalDateTime(text, config.timeZone);
  if (at === null) throw new Error(`not a date: ${text}`);
  return at;
};

describe('a clue found before its campaign began', () => {
  it('began at the start of the first day of its survey window, in its time zone', () => {
    expect(campaignBegan(config).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it.each([
    // A year mistyped, and a clue carried over from the year before.
    ['2025-01-01', true],
    ['2025-12-31 23:59:59', true],
    // Midnight Beijing time, written in UTC: the campaign's first instant, not before it.
    ['2025-12-31T16:00:00Z', false],
    ['2025-12-31T15:59:59Z', true],
    ['2026-01-01', false],
    ['2026-03-05 10:30', false],
  ])('found %s: %s', (text, before) => {
    expect(foundBeforeCampaign(found(text), config)).toBe(before);
  });
});
