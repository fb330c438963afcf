import { describe, expect, it } from 'vitest';
import type { Phase } from '../../engine';
import { phaseChartDays, rangeChartDays } from './phase-chart-days';

// The seed's three windows.
const windows = {
  survey: { start: '2026-01-01', end: '2026-03-31' },
  crackdown: { start: '2026-03-01', end: '2026-08-31' },
  consolidation: { start: '2026-09-01', end: '2026-12-31' },
};
const surveyBegan = '2026-01-05T01:00:00.000Z';
const crackdownBegan = '2026-03-31T09:00:00.000Z';

/** A campaign in Hanzhong (UTC+8), created that morning, that has entered the phases given at the instants given. */
const campaignEntered = (phaseEnteredAt: Partial<Record<Phase | 'concluded', string>>) => ({
  createdAt: '2026-01-05T00:30:00.000Z',
  context: { phaseEnteredAt, forcedAdvances: [] },
  config: { timeZone: 'Asia/Shanghai', windows },
});

/** An instant in Beijing time. */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe("the days a phase's charts span", () => {
  const inCrackdown = campaignEntered({ survey: surveyBegan, crackdown: crackdownBegan });

  it.each([
    ['a phase under way inside its window: the window', inCrackdown, 'crackdown', beijing('2026-06-15T10:00:00'), { start: '2026-03-01', end: '2026-08-31', leftAt: null, windowEndedOn: null }],
    ['a phase under way on its window’s last evening: the window', inCrackdown, 'crackdown', beijing('2026-08-31T23:59:00'), { start: '2026-03-01', end: '2026-08-31', leftAt: null, windowEndedOn: null }],
    // Not advanced when its window ended: the report counts to now, and so do its charts, marking where the window ended.
    ['a phase under way past its window: on to today, the window’s end marked', inCrackdown, 'crackdown', beijing('2026-09-03T00:30:00'), { start: '2026-03-01', end: '2026-09-03', leftAt: null, windowEndedOn: '2026-08-31' }],
    // Today in Beijing is already the 1st of September at 16:30 UTC on the 31st of August.
    ['the day past its window as the campaign’s zone reads it', inCrackdown, 'crackdown', new Date('2026-08-31T16:30:00.000Z'), { start: '2026-03-01', end: '2026-09-01', leftAt: null, windowEndedOn: '2026-08-31' }],
    // A report "as of" an instant inside the window counts to it: its charts end with the window, as they always did.
    ['a phase under way past its window, counted to an instant inside it: the window', inCrackdown, 'crackdown', beijing('2026-08-20T12:00:00'), { start: '2026-03-01', end: '2026-08-31', leftAt: null, windowEndedOn: null }],
    ['a phase not entered, its window past: the window', inCrackdown, 'consolidation', beijing('2027-01-10T10:00:00'), { start: '2026-09-01', end: '2026-12-31', leftAt: null, windowEndedOn: null }],
    ['a phase left: the days it ran, to the advance out of it', inCrackdown, 'survey', beijing('2026-06-15T10:00:00'), { start: '2026-01-05', end: '2026-03-31', leftAt: crackdownBegan, windowEndedOn: null }],
    [
      'a concluded campaign’s last phase: to its conclusion, however late it is read',
      campaignEntered({ survey: surveyBegan, crackdown: crackdownBegan, consolidation: '2026-09-01T01:00:00.000Z', concluded: '2027-01-04T08:00:00.000Z' }),
      'consolidation',
      beijing('2027-02-01T10:00:00'),
      { start: '2026-09-01', end: '2027-01-04', leftAt: '2027-01-04T08:00:00.000Z', windowEndedOn: null },
    ],
  ] as const)('%s', (_, campaign, phase, countedTo, expected) => {
    expect(phaseChartDays(campaign, phase, countedTo)).toEqual(expected);
  });
});

describe("the days a date range's or the whole campaign's charts span", () => {
  const concludedAt = '2027-01-04T08:00:00.000Z';
  const campaignOf = (concluded: string | undefined) => ({
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    context: { phaseEnteredAt: { survey: surveyBegan, ...(concluded === undefined ? {} : { concluded }) }, forcedAdvances: [] },
    config: { timeZone: 'Asia/Shanghai' },
  });

  it.each([
    ['a campaign under way: the range asked for', campaignOf(undefined), { from: '2026-03-01', to: '2026-04-30' }, { start: '2026-03-01', end: '2026-04-30', leftAt: null, windowEndedOn: null }],
    ['a campaign under way, no range: its first and last days', campaignOf(undefined), {}, { start: '2026-01-01', end: '2026-12-31', leftAt: null, windowEndedOn: null }],
    // Concluded after its last day: the whole campaign runs on to the conclusion, as its report counts.
    ['a concluded campaign, whole: to its conclusion', campaignOf(concludedAt), {}, { start: '2026-01-01', end: '2027-01-04', leftAt: concludedAt, windowEndedOn: null }],
    [
      'a concluded campaign, a range ending after the conclusion: cut at it',
      campaignOf('2026-11-20T02:00:00.000Z'),
      { from: '2026-11-01', to: '2026-12-31' },
      { start: '2026-11-01', end: '2026-11-20', leftAt: '2026-11-20T02:00:00.000Z', windowEndedOn: null },
    ],
    ['a concluded campaign, a range ended before the conclusion: as asked', campaignOf(concludedAt), { from: '2026-03-01', to: '2026-04-30' }, { start: '2026-03-01', end: '2026-04-30', leftAt: null, windowEndedOn: null }],
    // At midnight in Beijing the conclusion's day is the day before: nothing of the 5th is in it.
    ['a conclusion at midnight: its last day the one before', campaignOf('2027-01-04T16:00:00.000Z'), {}, { start: '2026-01-01', end: '2027-01-04', leftAt: '2027-01-04T16:00:00.000Z', windowEndedOn: null }],
  ] as const)('%s', (_, campaign, range, expected) => {
    expect(rangeChartDays(campaign, range)).toEqual(expected);
  });
});
