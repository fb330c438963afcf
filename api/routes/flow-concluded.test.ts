import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/support/api-client';
import { json, TestCampaign } from '../../test/support/campaign-steps';
import { testDatabase } from '../../test/support/test-database';
import { clueStates } from '../../engine';
import type { Flow } from '../contracts/flow';
import type { report } from '../contracts/report';

// A campaign of June 2026 that the office concluded on 10 June at 16:00, read on the 15th. Nothing can change after its
// conclusion: its whole-campaign and date-range charts run to the day of it, as its report counts, not on to today.

type Report = z.infer<typeof report>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let campaign: TestCampaign;

/** Beijing time, as the bureau reads its clock. */
const beijing = (local: string) => new Date(`${local}+08:00`);
const officeAt = (at: string): Promise<Session> => campaign.officeAt(beijing(at));
const concludedAt = beijing('2026-06-10T16:00:00').toISOString();

const windows = { survey: { start: '2026-06-01', end: '2026-06-03' }, crackdown: { start: '2026-06-04', end: '2026-06-06' }, consolidation: { start: '2026-06-07', end: '2026-06-10' } };

beforeAll(async () => {
  database = await testDatabase({ clues: 5, problems: 1 });
  campaign = await TestCampaign.create(database, beijing('2026-06-01T09:00:00'), { code: 'june-2026', nameZh: '六月专项', nameEn: 'June campaign', startsOn: '2026-06-01', endsOn: '2026-06-30', windows });
  const first = await campaign.find(await officeAt('2026-06-02T10:00:00'), '线索1');
  await campaign.find(await officeAt('2026-06-02T11:00:00'), '线索2');
  await campaign.advance(await officeAt('2026-06-04T09:00:00'));
  await campaign.solve(await officeAt('2026-06-05T10:00:00'), first, '汉公(刑)立字[2026]0601号');
  await campaign.advance(await officeAt('2026-06-07T09:00:00'));
  await campaign.advance(await officeAt('2026-06-10T16:00:00'));
}, 60_000);
afterAll(() => database.drop());

/** The flow as the office reads it on the 15th. */
const flowOf = (query: string): Promise<Flow> => campaign.flowAt(beijing('2026-06-15T10:00:00'), query);

describe('a concluded campaign’s charts of a range of days', () => {
  it('run to its conclusion, not to today, and say it', async () => {
    const whole = await json<Report>(await (await officeAt('2026-06-15T10:00:00')).get(`/api/campaigns/${campaign.id}/report`));
    expect(whole.span.to).toBe(concludedAt);
    // The whole campaign as its report page asks for it (its first and last days), and a range ending after the conclusion.
    for (const query of ['?from=2026-06-01&to=2026-06-30', '?from=2026-06-05&to=2026-06-20', '?from=2026-06-01']) {
      const f = await flowOf(query);
      expect(f.window.end, query).toBe('2026-06-10');
      expect(f.days.at(-1)?.date, query).toBe('2026-06-10');
      expect(f.concludedAt, query).toBe(concludedAt);
      expect(f.phaseEndedAt).toBeNull();
    }
    const f = await flowOf('?from=2026-06-01&to=2026-06-30');
    const last = f.days.at(-1);
    if (last === undefined) throw new Error('the campaign has no day');
    expect(clueStates.reduce((n, s) => n + last.counts[s], 0)).toBe(whole.total.figures.cluesFound);
    expect(last.counts.solved).toBe(whole.total.figures.casesSolved);
  });

  it('leave a range ended before the conclusion as asked, the conclusion unsaid', async () => {
    const f = await flowOf('?from=2026-06-01&to=2026-06-08');
    expect(f.window).toEqual({ start: '2026-06-01', end: '2026-06-08' });
    expect(f.concludedAt).toBeNull();
  });

  it('leave the last phase’s charts to the advance out of it, as before', async () => {
    const f = await flowOf('?phase=consolidation');
    expect(f.window).toEqual({ start: '2026-06-07', end: '2026-06-10' });
    expect(f.phaseEndedAt).toBe(concludedAt);
    expect(f.concludedAt).toBeNull();
  });
});
