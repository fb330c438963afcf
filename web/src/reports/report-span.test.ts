import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import { spanShown, surveyBacklogFrom } from './report-span';

const zone = 'Asia/Shanghai';
// The demo's survey: from 07:30 on 1 January to the advance at 17:00 on 31 March, Beijing time.
const survey = { from: '2025-12-31T23:30:00.000Z', to: '2026-03-31T09:00:00.000Z' };

describe("a report's period", () => {
  afterEach(() => setLang('zh'));

  it("says a phase as the days it ran, the instants it counts between in the title, in both languages", () => {
    setLang('zh');
    expect(spanShown(survey, true, zone, undefined)).toEqual({ text: '2026年1月1日 – 2026年3月31日', title: '2026年1月1日 07:30 – 2026年3月31日 17:00' });
    setLang('en');
    expect(spanShown(survey, true, zone, undefined)).toEqual({ text: '1 Jan 2026 – 31 Mar 2026', title: '1 Jan 2026, 07:30 – 31 Mar 2026, 17:00' });
  });

  it('ends a phase left at midnight on the day before, and a phase under way "now"', () => {
    setLang('zh');
    expect(spanShown({ from: '2026-03-31T16:00:00.000Z', to: '2026-08-31T16:00:00.000Z' }, true, zone, undefined).text).toBe('2026年4月1日 – 2026年8月31日');
    expect(spanShown({ from: '2026-09-01T00:30:00.000Z', to: '9999-12-31T23:59:59.999Z' }, true, zone, undefined)).toEqual({ text: '2026年9月1日 – 至今', title: '2026年9月1日 08:30 – 至今' });
  });

  it('says a date range and the whole campaign as before, to the minute', () => {
    setLang('zh');
    expect(spanShown({ from: '2026-05-31T16:00:00.000Z', to: '2026-06-12T16:00:00.000Z' }, false, zone, undefined)).toEqual({ text: '2026年6月1日 00:00 – 2026年6月12日 24:00', title: undefined });
    expect(spanShown({ from: '0000-01-01T00:00:00.000Z', to: '9999-12-31T23:59:59.999Z' }, false, zone, '2026-06-15T02:00:00.000Z').text).toBe('专项开始 – 2026年6月15日 10:00');
  });
});

describe('the survey counted from the campaign’s creation', () => {
  // Created on 20 December (Beijing time), the survey entered on 1 January at 07:30.
  const created = '2025-12-20T02:00:00.000Z';
  const entered = '2025-12-31T23:30:00.000Z';

  it('is said when its report counts from an earlier day than the survey began', () => {
    expect(surveyBacklogFrom({ phase: 'survey', span: { from: created } }, entered, zone)).toBe(entered);
  });

  it('is not said for a survey counted from the day it began (the demo’s), for another phase, or the whole campaign', () => {
    expect(surveyBacklogFrom({ phase: 'survey', span: { from: entered } }, entered, zone)).toBeUndefined();
    // Made at 06:00 and begun at 07:30 on the same day: the period reads as the phase's days.
    expect(surveyBacklogFrom({ phase: 'survey', span: { from: '2025-12-31T22:00:00.000Z' } }, entered, zone)).toBeUndefined();
    expect(surveyBacklogFrom({ phase: 'crackdown', span: { from: created } }, entered, zone)).toBeUndefined();
    expect(surveyBacklogFrom({ phase: null, span: { from: created } }, entered, zone)).toBeUndefined();
    expect(surveyBacklogFrom({ phase: 'survey', span: { from: created } }, undefined, zone)).toBeUndefined();
  });
});
