import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type Session } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { users } from '../../db/schema';
import { clueStates } from '../../engine';
import type { CampaignDetail } from '../contracts/campaign';
import type { CampaignSettings } from '../contracts/campaign-admin';
import { flow as flowSchema, type Flow } from '../contracts/flow';
import type { report } from '../contracts/report';

// A campaign of June 2026 that the office concluded on 10 June at 16:00, read on the 15th. Nothing can change after its
// conclusion: its whole-campaign and date-range charts run to the day of it, as its report counts, not on to today.

type Report = z.infer<typeof report>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let campaign: CampaignSettings;
let hantaiOfficer: number;

/** Beijing time, as the bureau reads its clock. */
const beijing = (local: string) => new Date(`${local}+08:00`);
const officeAt = (at: string): Promise<Session> => signIn(testApp(database, beijing(at)), 'office');
const concludedAt = beijing('2026-06-10T16:00:00').toISOString();

async function json<T>(response: Response, status = 200): Promise<T> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body as T;
}

type Clue = { id: number; version: number };

const outcome = { organisationType: 'none', suspectsCaught: 1, criminallyDetained: 1, arrested: 0, gunsSeized: 0, assetsSeizedYuan: 0, moneyInvolvedYuan: 0, moneyStoppedYuan: 0, moneyFrozenYuan: 0, moneyReturnedYuan: 0, victimsWarned: 0 };

async function find(office: Session, title: string): Promise<Clue> {
  const body = { campaignId: campaign.id, unitId: 'hantai', assigneeId: hantaiOfficer, title, source: 'platform110' };
  return json<Clue>(await office.send('POST', '/api/clues', body), 201);
}

async function move(office: Session, clue: Clue, to: string, payload?: unknown): Promise<Clue> {
  return json<Clue>(await office.send('POST', `/api/clues/${clue.id}/transitions`, { to, version: clue.version, ...(payload === undefined ? {} : { payload }) }));
}

async function advance(office: Session): Promise<void> {
  const detail = await json<CampaignDetail>(await office.get(`/api/campaigns/${campaign.id}`));
  const reason = detail.unmet.length > 0 ? { reason: '按部署转段' } : {};
  await json(await office.send('POST', `/api/campaigns/${campaign.id}/advance`, { version: detail.version, ...reason }));
}

const windows = { survey: { start: '2026-06-01', end: '2026-06-03' }, crackdown: { start: '2026-06-04', end: '2026-06-06' }, consolidation: { start: '2026-06-07', end: '2026-06-10' } };

beforeAll(async () => {
  database = await testDatabase({ clues: 5, problems: 1 });
  const [officer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
  if (officer === undefined) throw new Error('the demo has no hantai.officer');
  hantaiOfficer = officer.id;
  const creating = await officeAt('2026-06-01T09:00:00');
  const created = await json<CampaignSettings>(
    await creating.send('POST', '/api/campaigns', { code: 'june-2026', nameZh: '六月专项', nameEn: 'June campaign', startsOn: '2026-06-01', endsOn: '2026-06-30' }),
    201,
  );
  campaign = await json<CampaignSettings>(await creating.send('PATCH', `/api/campaigns/${created.id}/settings`, { revision: created.revision, windows }));
  await advance(creating);
  const first = await find(await officeAt('2026-06-02T10:00:00'), '线索1');
  await find(await officeAt('2026-06-02T11:00:00'), '线索2');
  await advance(await officeAt('2026-06-04T09:00:00'));
  const working = await officeAt('2026-06-05T10:00:00');
  const verifying = await move(working, first, 'verifying');
  const filed = await move(working, verifying, 'filed', { caseNumber: '汉公(刑)立字[2026]0601号', conclusion: '经核查属实' });
  await move(working, filed, 'solved', { outcome });
  await advance(await officeAt('2026-06-07T09:00:00'));
  await advance(await officeAt('2026-06-10T16:00:00'));
}, 60_000);
afterAll(() => database.drop());

async function flowOf(query: string): Promise<Flow> {
  const body = await json<Flow>(await (await officeAt('2026-06-15T10:00:00')).get(`/api/campaigns/${campaign.id}/flow${query}`));
  expect(flowSchema.safeParse(body).success).toBe(true);
  return body;
}

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
