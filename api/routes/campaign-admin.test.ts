import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, escalations, users } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import type { Board } from '../contracts/board';
import { campaignSettings, type CampaignSettings } from '../contracts/campaign-admin';
import { problem as problemSchema } from '../contracts/common';
import { sweepDeadlines, webhookSignature } from '../services/deadline-sweep';

// A campaign created from scratch through the API, configured, and run: its
// windows, time limits, thresholds and WIP limits govern the board and the
// escalations. The demo campaign (id 1) is the one copied from.

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;
let hantaiOfficer: number;

const hour = 3_600_000;
const day = 24 * hour;

beforeAll(async () => {
  database = await testDatabase({ clues: 40, problems: 4 });
  app = testApp(database);
  office = await signIn(app, 'office');
  const [officer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
  if (officer === undefined) throw new Error('the demo has no hantai.officer');
  hantaiOfficer = officer.id;
}, 60_000);
afterAll(() => database.drop());

interface Problem {
  status: number;
  code: string;
  reason: { zh: string; en: string };
  fields?: { field: string; message: { zh: string; en: string } }[];
  current?: CampaignSettings;
}

async function settingsOf(response: Response, status = 200): Promise<CampaignSettings> {
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  // Every answer matches the schema the OpenAPI document gives for it.
  expect(campaignSettings.safeParse(body).success).toBe(true);
  return body as CampaignSettings;
}

async function problemOf(response: Response, status: number): Promise<Problem> {
  const body = (await response.json()) as Problem;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(problemSchema.safeParse(body).success).toBe(true);
  return body;
}

const fieldsOf = (p: Problem) => (p.fields ?? []).map((f) => f.field);

async function createClue(campaignId: number, title: string, extra: Record<string, unknown> = {}) {
  const response = await office.send('POST', '/api/clues', { campaignId, unitId: 'hantai', assigneeId: hantaiOfficer, title, source: 'platform110', ...extra });
  const body = (await response.json()) as { id: number; version: number; dueAt: string | null; state: string; context: { categoryId: number | null } };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

async function move(id: number, version: number, to: string) {
  const response = await office.send('POST', `/api/clues/${id}/transitions`, { to, version });
  const body = (await response.json()) as { version: number; dueAt: string | null };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

describe("a campaign's first phase", () => {
  it("counts the clues entered while the campaign was being prepared (筹备) in the survey's report: its span begins at the campaign's creation", async () => {
    const officeAt = (iso: string) => signIn(testApp(database, new Date(iso)), 'office');
    const creating = await officeAt('2026-06-10T01:00:00.000Z');
    const created = await settingsOf(await creating.send('POST', '/api/campaigns', { code: 'backlog-2026', nameZh: '积案专项', nameEn: 'Backlog campaign', startsOn: '2026-06-01', endsOn: '2026-12-31' }), 201);
    const importing = await officeAt('2026-06-12T03:00:00.000Z');
    const clue = await importing.send('POST', '/api/clues', { campaignId: created.id, unitId: 'hantai', title: '筹备期间录入的线索', source: 'platform110' });
    expect(clue.status).toBe(201);
    const advanced = await office.send('POST', `/api/campaigns/${created.id}/advance`, { version: 1 });
    expect(advanced.status, await advanced.clone().text()).toBe(200);
    const report = (await (await office.get(`/api/campaigns/${created.id}/report?phase=survey`)).json()) as { span: { from: string }; total: { figures: { cluesFound: number } } };
    expect(report.span.from).toBe('2026-06-10T01:00:00.000Z');
    expect(report.total.figures.cluesFound).toBe(1);
  });
});

describe('a campaign, a category and a unit named in Chinese only', () => {
  it('take the Chinese name for the English one, which follows a rename until an English one is typed', async () => {
    let named = await settingsOf(await office.send('POST', '/api/campaigns', { code: 'zh-only-2026', nameZh: '净网专项', startsOn: '2026-06-01', endsOn: '2026-12-31' }), 201);
    expect(named.nameEn).toBe('净网专项');
    named = await settingsOf(await office.send('PATCH', `/api/campaigns/${named.id}/settings`, { revision: named.revision, nameZh: '净网二〇二六' }));
    expect([named.nameZh, named.nameEn]).toEqual(['净网二〇二六', '净网二〇二六']);
    named = await settingsOf(await office.send('PATCH', `/api/campaigns/${named.id}/settings`, { revision: named.revision, nameEn: 'Clean Net 2026' }));
    named = await settingsOf(await office.send('PATCH', `/api/campaigns/${named.id}/settings`, { revision: named.revision, nameZh: '净网专项行动', nameEn: 'Clean Net 2026' }));
    expect([named.nameZh, named.nameEn]).toEqual(['净网专项行动', 'Clean Net 2026']);
    // Emptied, the Chinese name stands in again (the settings form sends the field as shown, empty).
    named = await settingsOf(await office.send('PATCH', `/api/campaigns/${named.id}/settings`, { revision: named.revision, nameEn: '' }));
    expect(named.nameEn).toBe('净网专项行动');

    named = await settingsOf(await office.send('POST', `/api/campaigns/${named.id}/categories`, { nameZh: '网络水军' }), 201);
    const category = named.categories.find((c) => c.nameZh === '网络水军');
    expect(category?.nameEn).toBe('网络水军');
    // A second of the same name is refused once, by its Chinese name (its English one is that name standing in).
    const twice = await problemOf(await office.send('POST', `/api/campaigns/${named.id}/categories`, { nameZh: '网络水军' }), 422);
    expect(fieldsOf(twice)).toEqual(['nameZh']);
    named = await settingsOf(await office.send('PATCH', `/api/campaigns/${named.id}/categories/${category?.id ?? 0}`, { nameZh: '网络水军团伙' }));
    expect(named.categories.find((c) => c.id === category?.id)).toMatchObject({ nameZh: '网络水军团伙', nameEn: '网络水军团伙' });

    const admin = await signIn(app, 'admin');
    const unit = await admin.send('POST', '/api/admin/units', { id: 'zh-only-team', parentId: 'hantai', kind: 'other', nameZh: '网安专班' });
    expect(unit.status, await unit.clone().text()).toBe(201);
    expect(((await unit.json()) as { nameEn: string }).nameEn).toBe('网安专班');
    const renamed = await admin.send('PATCH', '/api/admin/units/zh-only-team', { nameZh: '网安大队专班' });
    expect(((await renamed.json()) as { nameEn: string }).nameEn).toBe('网安大队专班');
  });
});

describe('a campaign created from scratch and run', () => {
  let campaign: CampaignSettings;

  it('is created blank in the planned state, its windows splitting its dates, with one audit entry', async () => {
    campaign = await settingsOf(
      await office.send('POST', '/api/campaigns', { code: 'fresh-2026', nameZh: '新专项', nameEn: 'Fresh campaign', startsOn: '2026-06-01', endsOn: '2026-12-31' }),
      201,
    );
    expect(campaign).toMatchObject({ state: 'planned', startsOn: '2026-06-01', endsOn: '2026-12-31', categories: [], map: null });
    expect(campaign.config.windows.survey.start).toBe('2026-06-01');
    expect(campaign.config.windows.consolidation.end).toBe('2026-12-31');
    expect(campaign.config.timeLimits.clue.found).toBe(3);
    // The bureau's usual exit criteria, not none: a blank campaign's survey was left with clues untouched in 新发现, its
    // advance said to meet every criterion.
    expect(campaign.config.exitCriteria).toEqual({
      survey: [{ kind: 'noCluesIn', states: ['found'] }, { kind: 'responsibilityComplete' }],
      crackdown: [{ kind: 'noOpenEscalations', atOrAbove: 3 }],
      consolidation: [
        { kind: 'noCluesIn', states: ['found', 'verifying'] },
        { kind: 'noProblemsIn', states: ['identified', 'rectifying', 'rectified'] },
      ],
    });
    const [entry] = await database.db.select().from(auditLog).where(and(eq(auditLog.subject, 'campaign'), eq(auditLog.subjectId, campaign.id)));
    expect(entry).toMatchObject({ event: 'campaign.create', toState: 'planned', seq: campaign.revision });
  });

  it('is configured: windows, criteria, limits, thresholds, WIP limits, targets and a category, each change one audit entry', async () => {
    const before = campaign.revision;
    campaign = await settingsOf(
      await office.send('PATCH', `/api/campaigns/${campaign.id}/settings`, {
        revision: campaign.revision,
        windows: { survey: { start: '2026-06-01', end: '2026-07-31' }, crackdown: { start: '2026-07-15', end: '2026-10-31' }, consolidation: { start: '2026-11-01', end: '2026-12-31' } },
        exitCriteria: { survey: [{ kind: 'noCluesIn', states: ['found'] }, { kind: 'unitTargetsMet' }], crackdown: [], consolidation: [] },
        timeLimits: { clue: { found: 2, verifying: 10, filed: 40, solved: 20 }, problem: { identified: 5, rectifying: 20, rectified: 5 } },
        escalation: { dueSoonHours: 12, longOverdueDays: 3 },
        wipLimits: { clue: { found: 1 }, problem: {} },
        targets: [{ unitId: 'hantai', phase: 'survey', metric: 'cluesVerified', value: 2 }],
      }),
    );
    expect(campaign.config.escalation).toEqual({ dueSoonHours: 12, longOverdueDays: 3 });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.seq, campaign.revision));
    expect(entry).toMatchObject({ event: 'campaign.configure', subject: 'campaign', subjectId: campaign.id, at: testNow.toISOString() });
    const payload = JSON.parse(entry?.payload ?? '{}') as { changes: Record<string, { from: unknown; to: unknown }> };
    expect(Object.keys(payload.changes).sort()).toEqual(['escalation', 'exitCriteria', 'targets', 'timeLimits', 'windows', 'wipLimits']);
    expect(payload.changes.escalation).toEqual({ from: { dueSoonHours: 24, longOverdueDays: 7 }, to: { dueSoonHours: 12, longOverdueDays: 3 } });
    expect(campaign.revision).toBeGreaterThan(before);

    campaign = await settingsOf(await office.send('POST', `/api/campaigns/${campaign.id}/categories`, { nameZh: '网络赌博', nameEn: 'Online gambling' }), 201);
    expect(campaign.categories).toMatchObject([{ code: 'category-1', nameZh: '网络赌博', retired: false }]);
  });

  it('runs by its configuration: the window lets it open, its limits set due times, its WIP limit flags the board, its thresholds the escalations', async () => {
    const advanced = await office.send('POST', `/api/campaigns/${campaign.id}/advance`, { version: 1 });
    expect(advanced.status, await advanced.clone().text()).toBe(200);
    const first = await createClue(campaign.id, '新专项线索一');
    const second = await createClue(campaign.id, '新专项线索二');
    // Found on 15 June (Asia/Shanghai) with two days: due at the end of 17 June, local time.
    expect(first.dueAt).toBe('2026-06-17T16:00:00.000Z');

    const boardResponse = await office.get(`/api/campaigns/${campaign.id}/board?kind=clue&swimlane=unit`);
    expect(boardResponse.status).toBe(200);
    const board = (await boardResponse.json()) as Board;
    const found = board.columns.find((c) => c.state === 'found');
    expect(found).toMatchObject({ count: 2, wipLimit: 1, unitsOver: 1 });
    expect(board.lanes.find((l) => l.key === 'hantai')?.over).toEqual(['found']);

    // 13 hours before the due time: on time with a 12-hour warning (the default 24 would say due soon).
    const early = new Date(Date.parse(first.dueAt ?? '') - 13 * hour);
    const levelAt = async (now: Date) => {
      const b = (await (await signIn(testApp(database, now), 'office')).get(`/api/campaigns/${campaign.id}/board?kind=clue`).then((r) => r.json())) as Board;
      return b.columns.find((c) => c.state === 'found')?.cards.find((c) => c.id === second.id)?.level;
    };
    expect(await levelAt(early)).toBe(0);
    expect(await levelAt(new Date(early.getTime() + 2 * hour))).toBe(1);
    // Three days and an hour past due: long overdue with a 3-day span (the default 7 would still say overdue), and the sweep raises level 3.
    const late = new Date(Date.parse(first.dueAt ?? '') + 3 * day + hour);
    expect(await levelAt(late)).toBe(3);
    await sweepDeadlines(database, late);
    const raised = await database.db
      .select({ level: escalations.level, recipient: escalations.recipient })
      .from(escalations)
      .where(and(eq(escalations.subject, 'clue'), eq(escalations.subjectId, second.id)));
    expect(raised).toEqual([{ level: 3, recipient: 'office' }]);
    // Signing in days later cleared the sessions that had expired by then, the office's among them.
    office = await signIn(app, 'office');
  });

  it('applies a changed time limit to states entered after the change; due times already set stay', async () => {
    const a = await createClue(campaign.id, '限期变更前进入核查');
    const b = await createClue(campaign.id, '限期变更后进入核查');
    const movedA = await move(a.id, a.version, 'verifying');
    expect(movedA.dueAt).toBe('2026-06-25T16:00:00.000Z'); // 10 days

    campaign = await settingsOf(
      await office.send('PATCH', `/api/campaigns/${campaign.id}/settings`, {
        revision: (await settingsOf(await office.get(`/api/campaigns/${campaign.id}/settings`))).revision,
        timeLimits: { ...campaign.config.timeLimits, clue: { ...campaign.config.timeLimits.clue, verifying: 20 } },
      }),
    );
    const stillA = (await (await office.get(`/api/clues/${a.id}`)).json()) as { dueAt: string };
    expect(stillA.dueAt).toBe('2026-06-25T16:00:00.000Z');
    const movedB = await move(b.id, b.version, 'verifying');
    expect(movedB.dueAt).toBe('2026-07-05T16:00:00.000Z'); // 20 days, the new limit
    // Configuration entries change no statechart: the audit chain still verifies and replays.
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('retires a category: it leaves new clues, old clues keep it', async () => {
    const [category] = campaign.categories;
    if (category === undefined) throw new Error('no category');
    const old = await createClue(campaign.id, '已分类线索', { categoryId: category.id });
    campaign = await settingsOf(await office.send('PATCH', `/api/campaigns/${campaign.id}/categories/${category.id}`, { retired: true }));
    expect(campaign.categories[0]).toMatchObject({ id: category.id, retired: true });
    const refused = await problemOf(
      await office.send('POST', '/api/clues', { campaignId: campaign.id, unitId: 'hantai', title: '停用类别', source: 'other', categoryId: category.id }),
      422,
    );
    expect(fieldsOf(refused)).toEqual(['categoryId']);
    const kept = (await (await office.get(`/api/clues/${old.id}`)).json()) as { context: { categoryId: number } };
    expect(kept.context.categoryId).toBe(category.id);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, campaign.id)).orderBy(desc(auditLog.seq)).limit(1);
    expect(entry?.event).toBe('category.retire');
  });

  it('takes a map of polygons with feature ids, and says which units it leaves undrawn', async () => {
    const square = (x: number) => [[[x, 33], [x + 0.5, 33], [x + 0.5, 33.5], [x, 33.5], [x, 33]]];
    const map = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: '610702', properties: { name: '汉台区' }, geometry: { type: 'Polygon', coordinates: square(107) } },
        { type: 'Feature', id: 610721, properties: { name: '南郑区' }, geometry: { type: 'MultiPolygon', coordinates: [square(106), square(105)] } },
      ],
    };
    campaign = await settingsOf(await office.send('PUT', `/api/campaigns/${campaign.id}/map`, map));
    expect(campaign.map?.features).toEqual([{ id: '610702', name: '汉台区' }, { id: '610721', name: '南郑区' }]);
    expect(campaign.map?.unitsWithoutFeature.map((u) => u.unitId)).toContain('chenggu');
    expect(campaign.map?.unitsWithoutFeature.map((u) => u.unitId)).not.toContain('hantai');
    const served = await office.get(`/api/campaigns/${campaign.id}/map`);
    expect(((await served.json()) as { features: unknown[] }).features).toHaveLength(2);

    const point = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [107, 33] } }] };
    const refused = await problemOf(await office.send('PUT', `/api/campaigns/${campaign.id}/map`, point), 422);
    expect(fieldsOf(refused)).toEqual(['features.0.id', 'features.0.geometry.type']);
    const open = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'x', geometry: { type: 'Polygon', coordinates: [[[107, 33], [108, 33], [108, 34], [107, 34]]] } }] };
    expect(fieldsOf(await problemOf(await office.send('PUT', `/api/campaigns/${campaign.id}/map`, open), 422))).toEqual(['features.0.geometry.coordinates']);
    // A county drawn as a point (every corner the same): no shape to see or click.
    const flat = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'x', geometry: { type: 'Polygon', coordinates: [[[107, 33], [107, 33], [107, 33], [107, 33]]] } }] };
    const flatRefused = await problemOf(await office.send('PUT', `/api/campaigns/${campaign.id}/map`, flat), 422);
    expect(flatRefused.fields?.map((f) => [f.field, f.message.en])).toEqual([['features.0.geometry.coordinates', 'The coordinates are not valid GeoJSON (the outer ring encloses no area)']]);
    const huge = JSON.stringify({ type: 'FeatureCollection', features: [], padding: 'x'.repeat(9 * 1024 * 1024) });
    expect((await office.send('PUT', `/api/campaigns/${campaign.id}/map`, huge)).status).toBe(413);

    // A new upload replaces the map, and its audit entry says so.
    const one = { type: 'FeatureCollection', features: [map.features[0]] };
    campaign = await settingsOf(await office.send('PUT', `/api/campaigns/${campaign.id}/map`, one));
    expect(campaign.map?.features).toEqual([{ id: '610702', name: '汉台区' }]);
    expect(((await (await office.get(`/api/campaigns/${campaign.id}/map`)).json()) as { features: unknown[] }).features).toHaveLength(1);
    const uploads = (await database.db.select().from(auditLog).where(eq(auditLog.subjectId, campaign.id))).filter((e) => e.subject === 'campaign' && e.event === 'campaign.map');
    expect(uploads.map((e) => (JSON.parse(e.payload as string) as { replaced: boolean }).replaced)).toEqual([false, true]);
  });

  it('removes the map: the battle map has no outline, units keep their feature ids, and the removal is one audit entry', async () => {
    const entries = async () => (await database.db.select().from(auditLog).where(eq(auditLog.subjectId, campaign.id))).filter((e) => e.subject === 'campaign');
    const before = (await entries()).length;
    campaign = await settingsOf(await office.send('DELETE', `/api/campaigns/${campaign.id}/map`));
    expect(campaign.map).toBeNull();
    expect((await office.get(`/api/campaigns/${campaign.id}/map`)).status).toBe(404);
    expect(((await (await office.get(`/api/campaigns/${campaign.id}/battle-map`)).json()) as { hasMap: boolean }).hasMap).toBe(false);
    expect(campaign.units.find((u) => u.id === 'hantai')?.mapFeatureId).toBe('610702');
    // Removing what is not there changes nothing.
    await settingsOf(await office.send('DELETE', `/api/campaigns/${campaign.id}/map`));
    expect((await entries()).map((e) => e.event).slice(before)).toEqual(['campaign.map_remove']);
    await problemOf(await (await signIn(app, 'hantai.lead')).send('DELETE', `/api/campaigns/${campaign.id}/map`), 403);
  });

  it("changes a category's code, refusing one the campaign already uses; its clues keep the category", async () => {
    campaign = await settingsOf(await office.send('POST', `/api/campaigns/${campaign.id}/categories`, { code: 'gambling', nameZh: '跨境网络赌博', nameEn: 'Cross-border online gambling' }), 201);
    const [first, second] = campaign.categories;
    if (first === undefined || second === undefined) throw new Error('two categories needed');
    const filed = await createClue(campaign.id, '改代号前的线索', { categoryId: second.id });
    const taken = await problemOf(await office.send('PATCH', `/api/campaigns/${campaign.id}/categories/${second.id}`, { code: first.code }), 422);
    expect(fieldsOf(taken)).toEqual(['code']);
    expect(taken.fields?.[0]?.message.zh).toContain(first.code);
    campaign = await settingsOf(await office.send('PATCH', `/api/campaigns/${campaign.id}/categories/${second.id}`, { code: 'online-gambling' }));
    expect(campaign.categories.find((c) => c.id === second.id)?.code).toBe('online-gambling');
    const kept = (await (await office.get(`/api/clues/${filed.id}`)).json()) as { context: { categoryId: number } };
    expect(kept.context.categoryId).toBe(second.id);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, campaign.id)).orderBy(desc(auditLog.seq)).limit(1);
    expect(entry?.event).toBe('category.change');
    expect(JSON.parse(entry?.payload ?? '{}')).toMatchObject({ categoryId: second.id, changes: { code: { from: 'gambling', to: 'online-gambling' } } });
  });

  it('refuses a category named as another of the campaign is, in either language, a retired one named as such', async () => {
    const [first] = campaign.categories;
    if (first === undefined) throw new Error('a category needed');
    const before = campaign.categories.length;
    const twice = await problemOf(await office.send('POST', `/api/campaigns/${campaign.id}/categories`, { nameZh: first.nameZh, nameEn: first.nameEn.toUpperCase() }), 422);
    expect(twice.fields?.map((f) => [f.field, f.message.zh])).toEqual([
      ['nameZh', `本专项已有名为“${first.nameZh}”的类别${first.retired ? '（已停用，可恢复）' : ''}`],
      ['nameEn', `本专项已有英文名为“${first.nameEn.toUpperCase()}”的类别${first.retired ? '（已停用，可恢复）' : ''}`],
    ]);
    expect((await settingsOf(await office.get(`/api/campaigns/${campaign.id}/settings`))).categories).toHaveLength(before);
    // Renaming another to its name is refused the same way; renaming it to its own name changes nothing.
    campaign = await settingsOf(await office.send('POST', `/api/campaigns/${campaign.id}/categories`, { nameZh: '网络水军', nameEn: 'Paid online posters' }), 201);
    const added = campaign.categories.find((c) => c.nameZh === '网络水军');
    const renamed = await problemOf(await office.send('PATCH', `/api/campaigns/${campaign.id}/categories/${added?.id}`, { nameZh: first.nameZh }), 422);
    expect(fieldsOf(renamed)).toEqual(['nameZh']);
    await settingsOf(await office.send('PATCH', `/api/campaigns/${campaign.id}/categories/${first.id}`, { nameZh: first.nameZh, nameEn: first.nameEn }));
  });
});

describe('validation', () => {
  let current: CampaignSettings;
  const change = async (body: Record<string, unknown>, status: number) => {
    current = await settingsOf(await office.get('/api/campaigns/1/settings'));
    return problemOf(await office.send('PATCH', '/api/campaigns/1/settings', { revision: current.revision, ...body }), status);
  };
  const windows = (survey: [string, string], crackdown: [string, string], consolidation: [string, string]) => ({
    survey: { start: survey[0], end: survey[1] },
    crackdown: { start: crackdown[0], end: crackdown[1] },
    consolidation: { start: consolidation[0], end: consolidation[1] },
  });

  it('refuses a window outside the campaign and windows in the wrong order, naming each field', async () => {
    const outside = await change({ windows: windows(['2025-12-01', '2026-03-31'], ['2026-03-01', '2026-08-31'], ['2026-09-01', '2027-01-31']) }, 422);
    expect(outside.code).toBe('payload_invalid');
    expect(fieldsOf(outside)).toEqual(['windows.survey.start', 'windows.consolidation.end']);
    expect(outside.fields?.[0]?.message.zh).toContain('超出专项行动的起止日期');
    const order = await change({ windows: windows(['2026-01-01', '2026-09-30'], ['2026-02-01', '2026-08-31'], ['2026-09-01', '2026-12-31']) }, 422);
    expect(fieldsOf(order)).toEqual(['windows.crackdown.end']);
    const reversed = await change({ windows: windows(['2026-03-31', '2026-01-01'], ['2026-04-01', '2026-08-31'], ['2026-09-01', '2026-12-31']) }, 422);
    expect(fieldsOf(reversed)).toEqual(['windows.survey.end']);
    expect(fieldsOf(await change({ startsOn: '2027-01-01' }, 422))).toContain('endsOn');
  });

  it('refuses criteria that cannot be met and conflicting targets', async () => {
    const closed = await change({ exitCriteria: { survey: [{ kind: 'noCluesIn', states: ['found', 'prosecuted'] }], crackdown: [{ kind: 'unitTargetsMet' }], consolidation: [] } }, 422);
    expect(fieldsOf(closed)).toEqual(['exitCriteria.survey.0.states']);
    expect(closed.fields?.[0]?.message.en).toContain('could never be met');
    // Targets met, in a phase with no targets set, could never be checked.
    const settings = await settingsOf(await office.get('/api/campaigns/1/settings'));
    const leftAlone = settings.config.targets.filter((t) => t.phase !== 'consolidation');
    const twice = await change({ exitCriteria: { survey: [{ kind: 'responsibilityComplete' }, { kind: 'responsibilityComplete' }], crackdown: [], consolidation: [{ kind: 'unitTargetsMet' }] }, targets: leftAlone }, 422);
    expect(fieldsOf(twice)).toEqual(['exitCriteria.survey.1', 'exitCriteria.consolidation.0']);
    const target = { unitId: 'hantai', phase: 'consolidation', metric: 'casesSolved', value: 3 };
    const targets = await change({ targets: [...leftAlone, target, { ...target, value: 4 }, { ...target, unitId: 'atlantis' }] }, 422);
    expect(fieldsOf(targets)).toEqual([`targets.${leftAlone.length + 1}`, `targets.${leftAlone.length + 2}.unitId`]);
  });

  it("keeps the targets of a phase it has left, frozen with its report: changed, added or removed, each is refused by name; the phase under way's change", async () => {
    // Mid-June: the survey was left in March, the crackdown is under way.
    const settings = await settingsOf(await office.get('/api/campaigns/1/settings'));
    const all = settings.config.targets;
    const at = all.findIndex((t) => t.phase === 'survey');
    const raised = all.map((t, i) => (i === at ? { ...t, value: t.value + 2 } : t));
    const changed = await change({ targets: raised }, 422);
    expect(fieldsOf(changed)).toEqual([`targets.${at}`]);
    expect(changed.fields?.[0]?.message).toEqual({ zh: '摸排核查阶段已结束，其目标已随阶段报告定稿，不能再改', en: 'The survey phase has ended: its targets were frozen with its report and cannot be changed' });
    expect(fieldsOf(await change({ targets: [...all, { unitId: 'xingzhen', phase: 'survey', metric: 'cluesFound', value: 3 }] }, 422))).toEqual([`targets.${all.length}`]);
    expect(fieldsOf(await change({ targets: all.filter((_t, i) => i !== at) }, 422))).toEqual(['targets']);
    expect((await settingsOf(await office.get('/api/campaigns/1/settings'))).config.targets).toEqual(all);
    // Reordered, they are the same targets; the crackdown's, under way, change.
    const crackdown = all.findIndex((t) => t.phase === 'crackdown');
    const reordered = [...all].reverse().map((t) => (t === all[crackdown] ? { ...t, value: t.value + 1 } : t));
    const saved = await settingsOf(await office.send('PATCH', '/api/campaigns/1/settings', { revision: settings.revision, targets: reordered }));
    expect(saved.config.targets).toEqual(reordered);
    await settingsOf(await office.send('PATCH', '/api/campaigns/1/settings', { revision: saved.revision, targets: all }));
  });

  it('refuses negative and fractional limits (storage for files too) and a warning longer than the shortest limit', async () => {
    current = await settingsOf(await office.get('/api/campaigns/1/settings'));
    const limits = current.config.timeLimits;
    const negative = await change({ timeLimits: { ...limits, clue: { ...limits.clue, found: -1 } } }, 400);
    expect(fieldsOf(negative)).toEqual(['timeLimits.clue.found']);
    expect(fieldsOf(await change({ wipLimits: { clue: { found: 2.5 }, problem: {} } }, 400))).toEqual(['wipLimits.clue.found']);
    expect(fieldsOf(await change({ escalation: { dueSoonHours: 72, longOverdueDays: 7 } }, 422))).toEqual(['escalation.dueSoonHours']);
    // The storage limit for files: a whole number of megabytes from 1 (null: none).
    for (const attachmentQuotaMb of [0, 1.5, 'many']) expect(fieldsOf(await change({ attachmentQuotaMb }, 400))).toEqual(['attachmentQuotaMb']);
    // Nothing was written by any refused change.
    expect((await settingsOf(await office.get('/api/campaigns/1/settings'))).revision).toBe(current.revision);
  });

  it('refuses a change on a revision someone else already changed, with the settings as they are now', async () => {
    const now = await settingsOf(await office.get('/api/campaigns/1/settings'));
    const conflict = await problemOf(await office.send('PATCH', '/api/campaigns/1/settings', { revision: now.revision - 1, nameEn: 'Stale' }), 409);
    expect(conflict.current?.revision).toBe(now.revision);
  });

  it('takes a campaign code typed with capitals as its lower-case letters, and so a category code', async () => {
    const made = await office.send('POST', '/api/campaigns', { code: 'FZ-2027', nameZh: '反诈二〇二七', nameEn: 'Fraud 2027', startsOn: '2027-01-01', endsOn: '2027-06-30' });
    expect(made.status, await made.clone().text()).toBe(201);
    const { id } = (await made.json()) as { id: number };
    expect(((await (await office.get(`/api/campaigns/${id}/settings`)).json()) as { code: string }).code).toBe('fz-2027');
    const category = await office.send('POST', `/api/campaigns/${id}/categories`, { code: 'Online-Gambling', nameZh: '网络赌博', nameEn: 'Online gambling' });
    expect(category.status).toBe(201);
    const settings = (await category.json()) as { categories: { code: string }[] };
    expect(settings.categories.map((c) => c.code)).toContain('online-gambling');
  });

  it('refuses a name of only invisible characters and a campaign of more than five years (0001 to 9999 made its charts millions of days long)', async () => {
    expect(fieldsOf(await change({ nameZh: '\u200b\u202e', nameEn: ' \u200b\ufeff' }, 400))).toEqual(['nameZh', 'nameEn']);
    // Said together, not one more on each try: an emptied name and a time zone that is none.
    const both = (await change({ nameZh: '', timeZone: 'Mars/Olympus' }, 400)) as Problem;
    expect(both.fields?.map((f) => [f.field, f.message.zh])).toEqual([
      ['nameZh', '不能为空'],
      ['timeZone', '不是可识别的时区：请填 IANA 时区名，如 Asia/Shanghai'],
    ]);
    const request = { code: 'forever', nameZh: '永远', nameEn: 'Forever', startsOn: '0001-01-01', endsOn: '9999-12-31' };
    const forever = await problemOf(await office.send('POST', '/api/campaigns', request), 422);
    expect(fieldsOf(forever)).toEqual(['endsOn']);
    expect(forever.fields?.[0]?.message.zh).toBe('专项行动最长 5 年（至多到 0005-12-31）');
    expect(fieldsOf(await problemOf(await office.send('POST', '/api/campaigns', { ...request, nameZh: '\u200b' }), 400))).toContain('nameZh');
    // A new campaign's end before its start is said with its other slips (a bad code, an unknown zone), not after them.
    const slips = await problemOf(await office.send('POST', '/api/campaigns', { ...request, code: 'Bad Code!', timeZone: 'Mars/Olympus', startsOn: '2027-03-01', endsOn: '2027-01-31' }), 400);
    expect(slips.fields?.map((f) => [f.field, f.message.zh])).toEqual([
      ['code', '只能使用小写字母、数字、短横线和下划线'],
      ['timeZone', '不是可识别的时区：请填 IANA 时区名，如 Asia/Shanghai'],
      ['endsOn', '结束日期早于开始日期'],
    ]);
    expect(slips.fields?.find((f) => f.field === 'endsOn')?.message.en).toBe('The campaign ends before it starts');
    expect(fieldsOf(await change({ endsOn: '2031-01-01' }, 422))).toEqual(['endsOn']);
    expect((await office.get('/api/campaigns')).status).toBe(200);
    const campaigns = (await (await office.get('/api/campaigns')).json()) as { code: string }[];
    expect(campaigns.map((c) => c.code)).not.toContain('forever');
  });

  it('refuses a code already in use, and a copy of no campaign', async () => {
    const request = { code: 'hz-2026', nameZh: '重复', nameEn: 'Duplicate', startsOn: '2027-01-01', endsOn: '2027-12-31' };
    expect(fieldsOf(await problemOf(await office.send('POST', '/api/campaigns', request), 422))).toEqual(['code']);
    expect(fieldsOf(await problemOf(await office.send('POST', '/api/campaigns', { ...request, code: 'nowhere', copyFrom: 999 }), 422))).toEqual(['copyFrom']);
  });
});

describe('a copy of the demo campaign', () => {
  it('takes its configuration with the windows moved to the new dates, its active categories and its map', async () => {
    const demo = await settingsOf(await office.get('/api/campaigns/1/settings'));
    const copy = await settingsOf(
      await office.send('POST', '/api/campaigns', { code: 'hz-2027', nameZh: '2027 专项', nameEn: '2027 campaign', startsOn: '2027-01-01', endsOn: '2027-12-31', copyFrom: 1 }),
      201,
    );
    expect(copy.config.windows).toEqual({
      survey: { start: '2027-01-01', end: '2027-03-31' },
      crackdown: { start: '2027-03-01', end: '2027-08-31' },
      consolidation: { start: '2027-09-01', end: '2027-12-31' },
    });
    expect(copy.config.timeLimits).toEqual(demo.config.timeLimits);
    expect(copy.config.targets).toEqual(demo.config.targets);
    expect(copy.categories.map((c) => c.code)).toEqual(demo.categories.filter((c) => !c.retired).map((c) => c.code));
    expect(copy.map?.features.length).toBe(demo.map?.features.length);
    // Listed first, as the latest to start (the start page still opens the one under way).
    const listed = (await (await office.get('/api/campaigns')).json()) as { code: string; startsOn: string }[];
    expect(listed[0]?.code).toBe('hz-2027');
    expect(listed.map((c) => c.startsOn)).toEqual([...listed.map((c) => c.startsOn)].sort().reverse());
  });
});

describe('authorisation', () => {
  it('lets only the campaign office read or change the configuration; the administrator is refused with the reason', async () => {
    const admin = await signIn(app, 'admin');
    const refused = await problemOf(await admin.get('/api/campaigns/1/settings'), 403);
    expect(refused.code).toBe('role_forbidden');
    expect(refused.reason.zh).toContain('只有专项办');
    await problemOf(await admin.send('POST', '/api/campaigns', { code: 'by-admin', nameZh: '管理员', nameEn: 'Admin', startsOn: '2027-01-01', endsOn: '2027-12-31' }), 403);
    const lead = await signIn(app, 'hantai.lead');
    const revision = (await settingsOf(await office.get('/api/campaigns/1/settings'))).revision;
    await problemOf(await lead.send('PATCH', '/api/campaigns/1/settings', { revision, nameEn: 'By a lead' }), 403);
    await problemOf(await lead.send('POST', '/api/campaigns/1/categories', { nameZh: '类', nameEn: 'Category' }), 403);
    await problemOf(await lead.send('PUT', '/api/campaigns/1/map', { type: 'FeatureCollection', features: [] }), 403);
    await problemOf(await app.request('/api/campaigns/1/settings'), 401);
  });
});

describe('the webhook (通知接口)', () => {
  const patch = async (body: Record<string, unknown>, status = 200) => {
    const current = await settingsOf(await office.get('/api/campaigns/1/settings'));
    const response = await office.send('PATCH', '/api/campaigns/1/settings', { revision: current.revision, ...body });
    return status === 200 ? settingsOf(response) : problemOf(response, status);
  };
  const stored = async () => (await database.client.execute('select webhook_url, webhook_secret from campaigns where id = 1')).rows.map((r) => Object.values(r))[0];

  it('is set by the office with its secret, which is never read back nor logged; kept when left out; stopped with null', async () => {
    const first = (await patch({ webhook: { url: 'http://10.1.2.3/hook' } }, 422)) as Problem;
    expect(fieldsOf(first)).toEqual(['webhook.secret']);
    expect(fieldsOf((await patch({ webhook: { url: 'ftp://10.1.2.3/hook', secret: 'a'.repeat(16) } }, 400)) as Problem)).toEqual(['webhook.url']);
    expect(fieldsOf((await patch({ webhook: { url: 'http://10.1.2.3/hook', secret: 'short' } }, 400)) as Problem)).toEqual(['webhook.secret']);
    expect(await stored()).toEqual([null, null]);

    const secret = 'the-bureau-shared-secret';
    const set = (await patch({ webhook: { url: 'http://10.1.2.3/hook', secret } })) as CampaignSettings;
    expect(set.webhook).toMatchObject({ url: 'http://10.1.2.3/hook', secretSet: true });
    expect(JSON.stringify(set)).not.toContain(secret);
    const moved = (await patch({ webhook: { url: 'https://msg.bureau.local/battlemap' } })) as CampaignSettings;
    expect(moved.webhook).toMatchObject({ url: 'https://msg.bureau.local/battlemap', secretSet: true });
    expect(await stored()).toEqual(['https://msg.bureau.local/battlemap', secret]);
    const [entry] = await database.db.select({ payload: auditLog.payload }).from(auditLog).where(eq(auditLog.event, 'campaign.configure')).orderBy(desc(auditLog.seq)).limit(1);
    expect(entry?.payload).toContain('"webhook"');
    const logged = await database.db.select({ payload: auditLog.payload }).from(auditLog);
    expect(logged.some((e) => e.payload.includes(secret))).toBe(false);

    // What waited to be sent goes with the webhook, in the same save: set again before the next delivery run, the old
    // waiting deliveries went to the new address. One already delivered stays in the record.
    await database.client.execute({ sql: "insert into webhook_outbox (campaign_id, url, body, next_attempt_at) values (1, 'https://msg.bureau.local/battlemap', '{}', '2026-06-15T00:00:00.000Z')", args: [] });
    await database.client.execute({ sql: "insert into webhook_outbox (campaign_id, url, body, next_attempt_at, delivered_at) values (1, 'https://msg.bureau.local/battlemap', '{}', '2026-06-15T00:00:00.000Z', '2026-06-15T00:00:01.000Z')", args: [] });
    const stopped = (await patch({ webhook: { url: null } })) as CampaignSettings;
    expect(stopped.webhook).toMatchObject({ url: null, secretSet: false });
    expect(await stored()).toEqual([null, null]);
    const left = await database.client.execute('select delivered_at is null as waiting from webhook_outbox where campaign_id = 1');
    expect(left.rows.map((r) => Number(r.waiting))).toEqual([0]);
  });

  it('refuses an address no delivery can ever reach (a port fetch blocks, a user name and password in it), naming it, and keeps the one set', async () => {
    await patch({ webhook: { url: 'http://10.1.2.3/hook', secret: 'the-bureau-shared-secret' } });
    const before = await stored();
    for (const [url, why] of [
      ['http://127.0.0.1:9/hook', '该端口不能用于推送'],
      ['http://127.0.0.1:25/hook', '该端口不能用于推送'],
      ['http://10.1.2.3:6000/hook', '该端口不能用于推送'],
      ['http://user:pw@10.1.2.3/hook', '推送地址不能含用户名或密码'],
    ] as const) {
      const refused = (await patch({ webhook: { url } }, 400)) as Problem;
      expect(refused.fields?.map((f) => f.field), url).toEqual(['webhook.url']);
      expect(refused.fields?.[0]?.message.zh, url).toContain(why);
      expect(refused.fields?.[0]?.message.en, url).toMatch(/^No delivery can be sent to this address\. [A-Z]/);
    }
    expect(await stored()).toEqual(before);
    // A port fetch does send to is taken.
    expect(((await patch({ webhook: { url: 'https://10.1.2.3:8443/hook' } })) as CampaignSettings).webhook.url).toBe('https://10.1.2.3:8443/hook');
    await patch({ webhook: { url: null } });
  });

  it('sends a signed test delivery now and says what the receiver answered, and how queued deliveries stand', async () => {
    // A POST with no body, as a browser sends one.
    const bodiless = { 'content-length': '0' };
    const secret = 'another-shared-secret';
    const received: { signed: boolean; type: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ signed: req.headers['x-battlemap-signature'] === webhookSignature(body, secret), type: (JSON.parse(body) as { type: string }).type });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    try {
      expect(fieldsOf(await problemOf(await office.send('POST', '/api/campaigns/1/webhook/test', undefined, bodiless), 400))).toEqual(['webhook.url']);
      await patch({ webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, secret } });
      const sent = (await (await office.send('POST', '/api/campaigns/1/webhook/test', undefined, bodiless)).json()) as { delivered: boolean; status: number | null };
      expect(sent).toMatchObject({ delivered: true, status: 204 });
      expect(received).toEqual([{ signed: true, type: 'webhook.test' }]);

      // An address nothing listens on: not delivered, and why.
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((done) => closed.close(done));
      await patch({ webhook: { url: `http://127.0.0.1:${port}/hook` } });
      const refused = (await (await office.send('POST', '/api/campaigns/1/webhook/test', undefined, bodiless)).json()) as { delivered: boolean; status: number | null; error: string };
      expect(refused).toMatchObject({ delivered: false, status: null, reason: { zh: '连接被拒绝：该地址上没有服务在接收' } });
      expect(refused.error).toContain('ECONNREFUSED');

      // Deliveries waiting, one of them failing: the settings say so, with the latest reason.
      await database.client.execute(`insert into webhook_outbox (campaign_id, url, body, attempts, next_attempt_at, last_error) values (1, 'http://x/', '{}', 0, '2026-06-15T02:00:00.000Z', null), (1, 'http://x/', '{}', 2, '2026-06-15T02:05:00.000Z', 'HTTP 503')`);
      const settings = await settingsOf(await office.get('/api/campaigns/1/settings'));
      expect(settings.webhook).toMatchObject({ pending: 2, failing: 1, lastError: 'HTTP 503', lastReason: { zh: '接收方回应 HTTP 503，未表示接收成功', en: 'The receiver answered HTTP 503, not a success' } });
      const lead = await signIn(app, 'hantai.lead');
      await problemOf(await lead.send('POST', '/api/campaigns/1/webhook/test', undefined, bodiless), 403);
    } finally {
      receiver.close();
    }
  });
});
