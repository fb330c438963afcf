import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type Session } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { users } from '../../db/schema';
import type { CampaignDetail } from '../contracts/campaign';
import type { CampaignSettings } from '../contracts/campaign-admin';
import type { report } from '../contracts/report';

// The office may advance a phase with its completion criteria unmet if it writes why (推进理由). The bureau reads the
// phase's record in its frozen report: who advanced it, when, what was unmet then, and the reason, read from the
// advance's audit entry.

type Report = z.infer<typeof report>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let campaign: CampaignSettings;
let officeName: string;

const officeAt = (iso: string): Promise<Session> => signIn(testApp(database, new Date(iso)), 'office');

async function json<T>(response: Response, status = 200): Promise<T> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body as T;
}

async function advance(office: Session, reason?: string): Promise<void> {
  const detail = await json<CampaignDetail>(await office.get(`/api/campaigns/${campaign.id}`));
  await json(await office.send('POST', `/api/campaigns/${campaign.id}/advance`, { version: detail.version, ...(reason === undefined ? {} : { reason }) }));
}

const reason = '摸排阶段按部署如期结束，剩余线索转入打击阶段继续核查';

beforeAll(async () => {
  database = await testDatabase({ clues: 5, problems: 1 });
  const [office] = await database.db.select({ name: users.displayName }).from(users).where(eq(users.username, 'office'));
  if (office === undefined) throw new Error('the demo has no office');
  officeName = office.name;
  const creating = await officeAt('2026-12-06T08:00:00Z');
  const created = await json<CampaignSettings>(
    await creating.send('POST', '/api/campaigns', { code: 'reasons-2026', nameZh: '理由专项', nameEn: 'Reasons campaign', startsOn: '2026-10-01', endsOn: '2027-03-31' }),
    201,
  );
  campaign = await json<CampaignSettings>(
    await creating.send('PATCH', `/api/campaigns/${created.id}/settings`, {
      revision: created.revision,
      windows: { survey: { start: '2026-10-01', end: '2026-12-10' }, crackdown: { start: '2026-12-01', end: '2027-02-28' }, consolidation: { start: '2027-03-01', end: '2027-03-31' } },
      exitCriteria: { survey: [{ kind: 'noCluesIn', states: ['found'] }, { kind: 'responsibilityComplete' }], crackdown: [], consolidation: [] },
    }),
  );
  await advance(await officeAt('2026-12-06T08:01:00Z'));
  // Two clues left as found, with no one to work them: both survey criteria are unmet at the advance.
  const surveying = await officeAt('2026-12-06T08:05:00Z');
  for (const title of ['未核查线索一', '未核查线索二']) {
    await json(await surveying.send('POST', '/api/clues', { campaignId: campaign.id, unitId: 'hantai', title, source: 'platform110' }), 201);
  }
  await advance(await officeAt('2026-12-06T08:27:00Z'), reason);
  await advance(await officeAt('2027-03-01T02:00:00Z'));
}, 60_000);
afterAll(() => database.drop());

describe('a frozen phase report', () => {
  it('says who advanced out of the phase, when, the criteria unmet then, and the reason written for going on', async () => {
    const later = await officeAt('2027-03-02T02:00:00Z');
    const frozen = await json<Report>(await later.get(`/api/campaigns/${campaign.id}/reports/survey`));
    expect(frozen.frozen?.advance).toEqual({
      at: '2026-12-06T08:27:00.000Z',
      actorName: officeName,
      unmet: [
        { description: { zh: '没有处于“新发现”的线索', en: 'No clue left in Found' }, blocking: 2 },
        { description: { zh: '责任清单完整：每条在办线索和问题都有责任单位和承办人', en: 'Responsibility list complete: every open clue and problem has a unit and an assignee' }, blocking: 2 },
      ],
      reason,
    });
  });

  it('says a phase left with every criterion met was, with no reason asked for', async () => {
    const later = await officeAt('2027-03-02T02:00:00Z');
    const frozen = await json<Report>(await later.get(`/api/campaigns/${campaign.id}/reports/crackdown`));
    expect(frozen.frozen?.advance).toEqual({ at: '2027-03-01T02:00:00.000Z', actorName: officeName, unmet: [], reason: null });
  });
});
