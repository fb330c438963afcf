import { describe, expect, it } from 'vitest';
import { deadlinesJudgedAt } from './deadlines-judged-at';

const now = new Date('2026-12-20T04:00:00.000Z');
const running = { phaseEnteredAt: { survey: '2026-01-05T01:00:00.000Z', crackdown: '2026-04-01T01:00:00.000Z' } };

describe('the instant a campaign’s deadlines are judged at', () => {
  it.each([
    ['a running campaign: now', running, now.toISOString()],
    ['a concluded campaign: its conclusion', { phaseEnteredAt: { ...running.phaseEnteredAt, concluded: '2026-12-06T08:35:00.000Z' } }, '2026-12-06T08:35:00.000Z'],
    // The conclusion written with an offset, as instants may come.
    ['a conclusion written with an offset, as the same instant', { phaseEnteredAt: { concluded: '2026-12-06T16:35:00+08:00' } }, '2026-12-06T08:35:00.000Z'],
    ['a clock set before the conclusion: the clock', { phaseEnteredAt: { concluded: '2026-12-21T00:00:00.000Z' } }, now.toISOString()],
  ])('%s', (_, context, expected) => {
    expect(deadlinesJudgedAt({ context }, now).toISOString()).toBe(expected);
  });
});
