import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import type { Flow } from './api';
import { burndownSummary, flowSummary, idealOpen, unitsSummary, weeklyDays, windowDates } from './chart-alternatives';

const noClues = { found: 0, verifying: 0, filed: 0, solved: 0, prosecuted: 0, unfounded: 0, merged: 0 };

/** A flow of `days` days from 2026-01-01, one more clue found each day, its window `windowDays` long. */
function flowOf(days: number, windowDays = days, openAtStart = 0): Flow {
  const date = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
  return {
    campaignId: 1,
    phase: 'survey',
    unit: null,
    categoryId: null,
    timeZone: 'Asia/Shanghai',
    window: { start: date(0), end: date(windowDays - 1) },
    phaseEndedAt: null,
    concludedAt: null,
    windowEndedOn: null,
    today: date(days - 1),
    asOf: null,
    states: ['found', 'verifying', 'filed', 'solved', 'prosecuted', 'unfounded', 'merged'],
    openAtStart,
    days: Array.from({ length: days }, (_, i) => ({ date: date(i), counts: { ...noClues, found: openAtStart + i + 1 }, open: openAtStart + i + 1 })),
  };
}

describe("the flow charts' text alternative", () => {
  afterEach(() => setLang('zh'));

  it('tabulates a year a week a row, the latest day last: 53 rows, not 365', () => {
    const rows = weeklyDays(flowOf(365));
    expect(rows).toHaveLength(53);
    expect(rows[1]?.date).toBe('2026-01-08');
    expect(rows.at(-1)?.date).toBe('2026-12-31');
    // The latest day once, when it falls on a week's row.
    expect(weeklyDays(flowOf(15)).map((day) => day.date)).toEqual(['2026-01-01', '2026-01-08', '2026-01-15']);
  });

  it('draws the ideal line from the open count as the window began to none at its end', () => {
    const flow = flowOf(5, 5, 8);
    expect(idealOpen(flow, windowDates(flow))).toEqual([8, 6, 4, 2, 0]);
  });

  it('brings the ideal line to none at a window that has ended under a phase still under way, and keeps it there to today', () => {
    // Charted 1 to 7 January, the window having ended on the 5th.
    const flow = { ...flowOf(7, 7, 8), windowEndedOn: '2026-01-05' };
    expect(idealOpen(flow, windowDates(flow))).toEqual([8, 6, 4, 2, 0, 0, 0]);
  });

  it('says a phase under way past its window is charted on to today, and when its window ended', () => {
    const flow = { ...flowOf(12, 12, 4), windowEndedOn: '2026-01-10' };
    setLang('zh');
    expect(burndownSummary(flow)).toBe('在办线索：阶段窗口开始时 4 条，2026年1月12日 为 16 条（理想进度 0 条）；窗口 2026年1月1日 至 2026年1月10日 已结束，该阶段尚未推进，统计至 2026年1月12日；在办比理想进度多 16 条，进度落后');
    setLang('en');
    expect(burndownSummary(flow)).toBe('Open clues: 4 as the window began, 16 on 12 Jan 2026 (ideal: 0); the window ran 1 Jan 2026 to 10 Jan 2026 and has ended, the phase not yet advanced: counted to 12 Jan 2026; 16 more open than the ideal line: behind it');
  });

  it('sums each chart up in the UI language, its dates written as the rest of the UI writes them', () => {
    const flow = flowOf(10, 31, 4);
    setLang('zh');
    expect(flowSummary(flow, ['found', 'verifying'])).toBe('截至 2026年1月10日，共 14 条线索：新发现 14、核查中 0');
    expect(burndownSummary(flow)).toBe('在办线索：阶段窗口开始时 4 条，2026年1月10日 为 14 条（理想进度 2.8 条）；窗口 2026年1月1日 至 2026年1月31日；在办比理想进度多 11.2 条，进度落后');
    setLang('en');
    expect(flowSummary(flow, ['found', 'verifying'])).toBe('As of 10 Jan 2026, 14 clues: Found 14, Verifying 0');
    expect(burndownSummary(flow)).toBe('Open clues: 4 as the window began, 14 on 10 Jan 2026 (ideal: 2.8); the window runs 1 Jan 2026 to 31 Jan 2026; 11.2 more open than the ideal line: behind it');
  });

  it("says a date range's burndown is of the period chosen, not of a phase's window", () => {
    const flow = { ...flowOf(10, 31, 4), phase: null };
    setLang('zh');
    expect(burndownSummary(flow)).toBe('在办线索：统计期开始时 4 条，2026年1月10日 为 14 条（理想进度 2.8 条）；统计期 2026年1月1日 至 2026年1月31日；在办比理想进度多 11.2 条，进度落后');
    setLang('en');
    expect(burndownSummary(flow)).toBe('Open clues: 4 as the period began, 14 on 10 Jan 2026 (ideal: 2.8); the period runs 1 Jan 2026 to 31 Jan 2026; 11.2 more open than the ideal line: behind it');
  });

  it("says a phase left is charted over the days it ran, to the advance, not over its window", () => {
    const flow = { ...flowOf(10, 10, 4), phaseEndedAt: '2026-01-10T08:27:00.000Z' };
    setLang('zh');
    expect(burndownSummary(flow)).toBe('在办线索：阶段开始时 4 条，2026年1月10日 为 14 条（理想进度 0 条）；该阶段实际 2026年1月1日 至 2026年1月10日（至推进到下一阶段）；在办比理想进度多 14 条，进度落后');
    setLang('en');
    expect(burndownSummary(flow)).toBe('Open clues: 4 as the phase began, 14 on 10 Jan 2026 (ideal: 0); the phase ran 1 Jan 2026 to 10 Jan 2026, up to the advance out of it; 14 more open than the ideal line: behind it');
  });

  it('concludes whether the open clues are ahead of the ideal line, behind it or on it, as the chart shows at a glance', () => {
    // 20 open as the window began, ten days of a twenty-day window gone: the line stands at 10.5 on the tenth day.
    const ahead = { ...flowOf(10, 20, 20), days: flowOf(10, 20, 20).days.map((day) => ({ ...day, open: 6 })) };
    setLang('zh');
    expect(burndownSummary(ahead)).toMatch(/；在办比理想进度少 4\.5 条，进度领先$/);
    setLang('en');
    expect(burndownSummary(ahead)).toMatch(/; 4\.5 fewer open than the ideal line: ahead of it$/);
    // A window of one day: the line is at none on it, and so are the open clues.
    const onPace = { ...flowOf(1, 1, 0), days: flowOf(1, 1, 0).days.map((day) => ({ ...day, open: 0 })) };
    expect(burndownSummary(onPace)).toMatch(/; on the ideal line$/);
    setLang('zh');
    expect(burndownSummary(onPace)).toMatch(/；与理想进度持平$/);
  });

  it('in a window that began with none open, says the clues are on the line on the day of their peak, where the line starts', () => {
    // Each day more open than the one before: the peak is the latest day, and the line starts there, from its count.
    setLang('en');
    expect(burndownSummary(flowOf(5, 10, 0))).toBe('Open clues: 0 as the window began, 5 on 5 Jan 2026 (ideal: 5); the window runs 1 Jan 2026 to 10 Jan 2026; on the ideal line');
  });

  it('says there is nothing to show before the window opens', () => {
    setLang('en');
    expect(flowSummary({ ...flowOf(1), days: [] }, ['found'])).toBe('No data');
  });
});

describe("the units chart's summary", () => {
  afterEach(() => setLang('zh'));

  it('counts one unit as one in English (a branch with no unit under it), several as several', () => {
    setLang('en');
    const hantai = { name: 'Hantai', filed: 4, solved: 3 };
    expect(unitsSummary([hantai])).toBe('Most cases solved: Hantai 3 solved (4 filed); one unit in all');
    expect(unitsSummary([hantai, { ...hantai, name: 'Station', solved: 1 }])).toMatch(/; 2 units in all$/);
  });
});
