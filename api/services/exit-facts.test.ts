import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type Session } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { users } from '../../db/schema';
import type { BattleMap } from '../contracts/battle-map';
import type { CampaignDetail } from '../contracts/campaign';
import type { CampaignSettings } from '../contracts/campaign-admin';
import type { TargetMetric } from '../../engine';

// A bureau imports its backlog while the campaign is still being prepared (筹备), then opens the survey: the survey's
// report counts that backlog (its span begins at the campaign's creation), and so must the units' targets on the
// battle map and in the advance dialog's exit criterion. Later phases count from their entry, targets and report alike.

let database: Awaited<ReturnType<typeof testDatabase>>;
let campaign: CampaignSettings;
let hantaiOfficer: number;

/** The office signed in at a moment of the campaign's life: the clock stands still in each test app. */
const officeAt = (iso: string): Promise<Session> => signIn(testApp(database, new Date(iso)), 'office');

async function json<T>(response: Response, status = 200): Promise<T> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body as T;
}

type Clue = { id: number; version: number };

async function importClues(office: Session, n: number, title: string): Promise<Clue[]> {
  const imported: Clue[] = [];
  for (let i = 1; i <= n; i++) {
    const body = { campaignId: campaign.id, unitId: 'hantai', assigneeId: hantaiOfficer, title: `${title}${i}`, source: 'platform110' };
    imported.push(await json<Clue>(await office.send('POST', '/api/clues', body), 201));
  }
  return imported;
}

/** Verifies a clue (查否 concludes its verification as 核查 counts it). */
async function verify(office: Session, clue: Clue | undefined): Promise<void> {
  if (clue === undefined) throw new Error('no clue to verify');
  const moved = await json<Clue>(await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }));
  await json(await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: moved.version, payload: { conclusion: '经核查不属实' } }));
}

async function advance(office: Session): Promise<void> {
  const detail = await json<CampaignDetail>(await office.get(`/api/campaigns/${campaign.id}`));
  const reason = detail.unmet.length > 0 ? { reason: '按计划推进' } : {};
  await json(await office.send('POST', `/api/campaigns/${campaign.id}/advance`, { version: detail.version, ...reason }));
}

const actualOf = (map: BattleMap, metric: TargetMetric) => map.targets.find((t) => t.unitId === 'hantai' && t.metric === metric)?.actual;

async function hantaiFigures(office: Session, phase: string): Promise<Record<string, number>> {
  const report = await json<{ total: { figures: Record<string, number> } }>(await office.get(`/api/campaigns/${campaign.id}/report?phase=${phase}&unit=hantai`));
  return report.total.figures;
}

beforeAll(async () => {
  database = await testDatabase({ clues: 10, problems: 2 });
  const [officer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
  if (officer === undefined) throw new Error('the demo has no hantai.officer');
  hantaiOfficer = officer.id;
  const creating = await officeAt('2026-06-10T01:00:00.000Z');
  const created = await json<CampaignSettings>(
    await creating.send('POST', '/api/campaigns', { code: 'targets-2026', nameZh: '目标专项', nameEn: 'Targets campaign', startsOn: '2026-06-01', endsOn: '2026-12-31' }),
    201,
  );
  campaign = await json<CampaignSettings>(
    await creating.send('PATCH', `/api/campaigns/${created.id}/settings`, {
      revision: created.revision,
      windows: { survey: { start: '2026-06-01', end: '2026-06-30' }, crackdown: { start: '2026-06-16', end: '2026-10-31' }, consolidation: { start: '2026-11-01', end: '2026-12-31' } },
      exitCriteria: { survey: [{ kind: 'unitTargetsMet' }], crackdown: [], consolidation: [] },
      targets: [
        { unitId: 'hantai', phase: 'survey', metric: 'cluesFound', value: 5 },
        { unitId: 'hantai', phase: 'survey', metric: 'cluesVerified', value: 1 },
        { unitId: 'hantai', phase: 'crackdown', metric: 'cluesFound', value: 4 },
        { unitId: 'hantai', phase: 'crackdown', metric: 'cluesVerified', value: 1 },
      ],
    }),
  );
}, 60_000);
afterAll(() => database.drop());

describe("a unit's targets", () => {
  it("count the survey's backlog, imported while the campaign was being prepared, as the survey's report does", async () => {
    const preparing = await officeAt('2026-06-12T03:00:00.000Z');
    const backlog = await importClues(preparing, 13, '筹备期间导入的线索');
    await verify(preparing, backlog[0]);
    await advance(await officeAt('2026-06-13T01:00:00.000Z'));

    const office = await officeAt('2026-06-14T01:00:00.000Z');
    const map = await json<BattleMap>(await office.get(`/api/campaigns/${campaign.id}/battle-map`));
    const figures = await hantaiFigures(office, 'survey');
    expect(figures.cluesFound).toBe(13);
    expect(actualOf(map, 'cluesFound')).toBe(figures.cluesFound);
    expect(actualOf(map, 'cluesVerified')).toBe(figures.cluesVerified);
    expect(figures.cluesVerified).toBe(1);
    // The advance dialog's criterion reads the same facts: 13 of 5 and 1 of 1 are met.
    const detail = await json<CampaignDetail>(await office.get(`/api/campaigns/${campaign.id}`));
    expect(detail.unmet.map((u) => u.criterion.kind)).not.toContain('unitTargetsMet');
  });

  it('count a later phase from its entry, as its report does: the survey’s work is not the crackdown’s', async () => {
    const surveying = await officeAt('2026-06-15T01:00:00.000Z');
    await importClues(surveying, 2, '摸排期间发现的线索');
    await advance(await officeAt('2026-06-16T01:00:00.000Z'));
    const crackingDown = await officeAt('2026-06-17T01:00:00.000Z');
    const [found] = await importClues(crackingDown, 1, '打击期间发现的线索');
    await verify(crackingDown, found);

    const map = await json<BattleMap>(await crackingDown.get(`/api/campaigns/${campaign.id}/battle-map`));
    const figures = await hantaiFigures(crackingDown, 'crackdown');
    expect([figures.cluesFound, figures.cluesVerified]).toEqual([1, 1]);
    expect(actualOf(map, 'cluesFound')).toBe(figures.cluesFound);
    expect(actualOf(map, 'cluesVerified')).toBe(figures.cluesVerified);
  });
});
