import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/support/api-client';
import { json, TestCampaign } from '../../test/support/campaign-steps';
import { testDatabase } from '../../test/support/test-database';
import { clueStates } from '../../engine';
import type { Flow } from '../contracts/flow';
import type { report } from '../contracts/report';

// A survey whose window ended on 10 June, not yet advanced on the 15th: the units went on finding and solving clues on
// the 12th and the 14th. Its report counts them, to now; its charts must too, and say where the window ended.

type Report = z.infer<typeof report>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let campaign: TestCampaign;

/** Beijing time, as the bureau reads its clock. */
const beijing = (local: string) => new Date(`${local}+08:00`);
const officeAt = (at: string): Promise<Session> => campaign.officeAt(beijing(at));

const windows = { survey: { start: '2026-06-01', end: '2026-06-10' }, crackdown: { start: '2026-06-08', end: '2026-09-30' }, consolidation: { start: '2026-10-01', end: '2026-12-31' } };

beforeAll(async () => {
  database = await testDatabase({ clues: 5, problems: 1 });
  campaign = await TestCampaign.create(database, beijing('2026-06-01T09:00:00'), { code: 'late-2026', nameZh: '超期专项', nameEn: 'Late campaign', startsOn: '2026-06-01', endsOn: '2026-12-31', windows });

  const inWindow = await officeAt('2026-06-03T10:00:00');
  const first = await campaign.find(inWindow, '摸排线索1');
  await campaign.find(inWindow, '摸排线索2');
  // Past the window's end, the survey not advanced: its work goes on, and is the survey's.
  const late = await officeAt('2026-06-12T10:00:00');
  await campaign.find(late, '摸排线索3');
  await campaign.solve(late, first, '汉公(刑)立字[2026]071号');
  await campaign.find(await officeAt('2026-06-14T15:00:00'), '摸排线索4');
}, 60_000);
afterAll(() => database.drop());

/** The flow as the office reads it on the 15th. */
const flowOf = (query: string): Promise<Flow> => campaign.flowAt(beijing('2026-06-15T10:00:00'), query);

describe('a phase under way past its window: its charts’ days', () => {
  it('run on to today, as its report counts, with the window’s end said', async () => {
    const office = await officeAt('2026-06-15T10:00:00');
    const live = await json<Report>(await office.get(`/api/campaigns/${campaign.id}/report?phase=survey`));
    expect(live.span.asOf).toBe(beijing('2026-06-15T10:00:00').toISOString());
    expect(live.total.figures.cluesFound).toBe(4);

    for (const query of ['?phase=survey', '']) {
      const f = await flowOf(query);
      expect(f.phase).toBe('survey');
      expect(f.window, query).toEqual({ start: '2026-06-01', end: '2026-06-15' });
      expect(f.windowEndedOn).toBe('2026-06-10');
      expect(f.phaseEndedAt).toBeNull();
      expect(f.today).toBe('2026-06-15');
      expect(f.days.map((d) => d.date).slice(-6)).toEqual(['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14', '2026-06-15']);
      const day = (date: string) => f.days.find((d) => d.date === date);
      expect(day('2026-06-10')?.counts).toMatchObject({ found: 2, solved: 0 });
      expect(day('2026-06-12')?.counts).toMatchObject({ found: 2, solved: 1 });
      // The last point plots what the tables count: every clue of the report, the one solved among them.
      const last = f.days.at(-1);
      if (last === undefined) throw new Error('the survey has no day');
      expect(clueStates.reduce((n, s) => n + last.counts[s], 0)).toBe(live.total.figures.cluesFound);
      expect(last.counts.solved).toBe(live.total.figures.casesSolved);
      expect(last.open).toBe(live.total.openAtEnd);
    }
  });

  it('end with the window for a report as of an instant inside it, and run to the day of one after it', async () => {
    const inside = await flowOf(`?phase=survey&asOf=${encodeURIComponent('2026-06-09T18:00:00+08:00')}`);
    expect(inside.window).toEqual(windows.survey);
    expect(inside.windowEndedOn).toBeNull();
    expect(inside.days.at(-1)?.date).toBe('2026-06-09');

    const after = await flowOf(`?phase=survey&asOf=${encodeURIComponent('2026-06-12T18:00:00+08:00')}`);
    expect(after.window).toEqual({ start: '2026-06-01', end: '2026-06-12' });
    expect(after.windowEndedOn).toBe('2026-06-10');
    expect(after.days.at(-1)?.counts).toMatchObject({ found: 2, solved: 1 });
  });

  it('leave the phases not entered over their windows, the window’s end unsaid', async () => {
    const crackdown = await flowOf('?phase=crackdown');
    expect(crackdown.window).toEqual(windows.crackdown);
    expect(crackdown.windowEndedOn).toBeNull();
  });
});
