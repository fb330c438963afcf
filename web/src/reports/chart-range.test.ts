import { describe, expect, test } from 'vitest';
import { chartRange } from './chart-range';

const campaign = { startsOn: '2026-01-01', endsOn: '2026-12-31', timeZone: 'Asia/Shanghai' };

describe("the days a report's charts span", () => {
  test("a date range's own days, in the campaign's zone, its end day included", () => {
    // 15 March to 15 April in Beijing, as the report page asks for it: from 00:00 on the 15th to 00:00 on 16 April.
    const span = { from: '2026-03-14T16:00:00.000Z', to: '2026-04-15T16:00:00.000Z' };
    expect(chartRange({ report: { phase: null, span }, campaign })).toEqual({ from: '2026-03-15', to: '2026-04-15' });
  });

  test("the whole campaign's: its first day to its last, or to the day it was concluded", () => {
    const open = { from: '0000-01-01T00:00:00.000Z', to: '9999-12-31T23:59:59.999Z' };
    expect(chartRange({ report: { phase: null, span: open }, campaign })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    // Concluded at 00:30 on 20 December in Beijing (16:30 on the 19th in UTC).
    const concluded = { from: open.from, to: '2026-12-19T16:30:00.000Z' };
    expect(chartRange({ report: { phase: null, span: concluded }, campaign })).toEqual({ from: '2026-01-01', to: '2026-12-20' });
  });

  test("a phase's report keeps its phase's window", () => {
    expect(chartRange({ report: { phase: 'crackdown', span: { from: '2026-03-31T09:00:00.000Z', to: '2026-09-01T00:30:00.000Z' } }, campaign })).toBeUndefined();
  });
});
