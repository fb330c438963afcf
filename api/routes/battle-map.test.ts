import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, clues } from '../../db/schema';
import { movingClockApp, signIn, testApp, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { concludeCampaign } from '../../test/support/concluded-campaign';
import { battleMap, type BattleMap } from '../contracts/battle-map';
import type { report } from '../contracts/report';
import type { z } from 'zod';

type Report = z.infer<typeof report>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 150, problems: 5 });
  app = testApp(database);
});
afterAll(() => database.drop());

describe('GET /api/campaigns/:id/battle-map', () => {
  it('counts each unit’s phase targets as its row of the phase’s report does, by the unit that did the work, transfers after it kept', async () => {
    const office = await signIn(app, 'office');
    const read = async () => (await (await office.get('/api/campaigns/1/battle-map')).json()) as BattleMap;
    const before = await read();
    const since = before.timeline.find((p) => p.phase === 'crackdown')?.enteredAt;
    expect(since).toBeTruthy();
    // A case solved in the crackdown moves to another unit: the solving stays the work of the unit that solved it.
    const [solved] = (
      await database.client.execute({
        sql: `select c.id, c.version, c.unit_id from clues c where c.state = 'solved'
                and exists (select 1 from audit_log a where a.subject = 'clue' and a.subject_id = c.id and a.event = 'clue.solve' and a.at >= ?) limit 1`,
        args: [since ?? ''],
      })
    ).rows;
    expect(solved).toBeDefined();
    const from = String(solved?.unit_id);
    const to = from === 'nanzheng' ? 'hantai' : 'nanzheng';
    const moved = await office.send('POST', `/api/clues/${Number(solved?.id)}/transfer`, { unitId: to, reason: '属地管辖', version: Number(solved?.version) });
    expect(moved.status, await moved.clone().text()).toBe(200);

    const after = await read();
    expect(after.targets.length).toBeGreaterThan(0);
    const actualOf = (b: BattleMap, unitId: string) => b.targets.find((t) => t.unitId === unitId && t.metric === 'casesSolved')?.actual;
    expect(actualOf(after, to)).toBe(actualOf(before, to));
    expect(actualOf(after, from)).toBe(actualOf(before, from));
    // Each target equals the unit's figure in the crackdown's report, and an independent count of the log's entries.
    const report = (await (await office.get('/api/campaigns/1/report?phase=crackdown')).json()) as Report;
    const events: Record<string, string[]> = { casesSolved: ['clue.solve'], cluesVerified: ['clue.file', 'clue.dismiss'], casesFiled: ['clue.file'], cluesFound: ['clue.create'] };
    for (const target of after.targets) {
      const kinds = events[target.metric];
      if (kinds === undefined) throw new Error(`no independent count for ${target.metric}`);
      const [row] = (
        await database.client.execute({
          sql: `select count(*) as n from audit_log a where a.campaign_id = 1 and a.unit_id = ? and a.subject = 'clue'
                  and a.event in (${kinds.map(() => '?').join(', ')}) and a.at >= ?`,
          args: [target.unitId, ...kinds, since ?? ''],
        })
      ).rows;
      expect(target.actual, `${target.unitId} ${target.metric}`).toBe(Number(row?.n));
      expect(target.actual, `${target.unitId} ${target.metric} in the report`).toBe(report.byUnit[target.unitId]?.figures[target.metric] ?? 0);
    }
  });

  it('gives every role the wall chart, with figures equal to independent counts', async () => {
    const lead = await signIn(app, 'hantai.lead');
    const response = await lead.get('/api/campaigns/1/battle-map');
    expect(response.status).toBe(200);
    const body = (await response.json()) as BattleMap;
    expect(battleMap.safeParse(body).success).toBe(true);
    // Aggregates are for every role: a lead sees every unit's figures.
    expect(body.units).toHaveLength(16);
    const nanzheng = body.units.find((u) => u.unitId === 'nanzheng');
    const open = ['found', 'verifying', 'filed', 'solved'] as const;
    const [row] = await database.db
      .select({ n: sql<number>`count(*)` })
      .from(clues)
      .where(and(eq(clues.unitId, 'nanzheng'), inArray(clues.state, [...open])));
    expect(nanzheng?.open).toBe(Number(row?.n));
    const [late] = await database.db
      .select({ n: sql<number>`count(*)` })
      .from(clues)
      .where(and(eq(clues.unitId, 'nanzheng'), inArray(clues.state, [...open]), lt(clues.dueAt, testNow.toISOString())));
    expect(nanzheng?.overdue).toBe(Number(late?.n));
    expect(nanzheng?.mapFeatureId).toBe('610721');
    const gridTotal = body.grid.reduce((sum, cell) => sum + cell.total, 0);
    const [all] = await database.db.select({ n: sql<number>`count(*)` }).from(clues);
    expect(gridTotal).toBe(Number(all?.n));
    expect(body.timeline.map((p) => p.phase)).toEqual(['survey', 'crackdown', 'consolidation']);
    expect(body.timeline[1]?.enteredAt).not.toBeNull();

    // Every unit's measures and every cell of the grid, against the clues counted directly.
    const counted = await database.client.execute({
      sql: `select unit_id, category_id, count(*) as total,
              sum(state in ('found', 'verifying', 'filed', 'solved')) as open,
              sum(state in ('found', 'verifying', 'filed', 'solved') and due_at < ?) as overdue,
              sum(state in ('filed', 'solved', 'prosecuted')) as filed,
              sum(state in ('solved', 'prosecuted')) as solved
            from clues where campaign_id = 1 group by unit_id, category_id`,
      args: [testNow.toISOString()],
    });
    const cells = counted.rows.map((r) => ({ unitId: String(r.unit_id), categoryId: r.category_id === null ? null : Number(r.category_id), total: Number(r.total), open: Number(r.open) }));
    const byCell = (c: { unitId: string; categoryId: number | null }) => `${c.unitId}|${c.categoryId}`;
    expect([...body.grid].sort((a, b) => byCell(a).localeCompare(byCell(b)))).toEqual(cells.sort((a, b) => byCell(a).localeCompare(byCell(b))));
    for (const unit of body.units) {
      const rows = counted.rows.filter((r) => r.unit_id === unit.unitId);
      const sum = (k: string) => rows.reduce((n, r) => n + Number(r[k]), 0);
      expect({ total: unit.total, open: unit.open, overdue: unit.overdue, filed: unit.filed, solved: unit.solved }, unit.unitId).toEqual({
        total: sum('total'),
        open: sum('open'),
        overdue: sum('overdue'),
        filed: sum('filed'),
        solved: sum('solved'),
      });
    }
  });

  it('shows the office as a unit once it holds clues itself, so the units add up to every clue there is', async () => {
    const office = await signIn(app, 'office');
    const before = (await (await office.get('/api/campaigns/1/battle-map')).json()) as BattleMap;
    expect(before.units.some((u) => u.kind === 'office')).toBe(false);
    const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'office', title: '专项办直接受理的线索', source: 'other' });
    expect(created.status, await created.clone().text()).toBe(201);
    const after = (await (await office.get('/api/campaigns/1/battle-map')).json()) as BattleMap;
    expect(after.units.find((u) => u.kind === 'office')).toMatchObject({ unitId: 'office', mapFeatureId: null, total: 1, open: 1 });
    const [all] = await database.db.select({ n: sql<number>`count(*)` }).from(clues);
    expect(after.units.reduce((sum, u) => sum + u.total, 0)).toBe(Number(all?.n));
  });

  it('serves the campaign map as GeoJSON whose features the county branches link to', async () => {
    const viewer = await signIn(app, 'viewer');
    const response = await viewer.get('/api/campaigns/1/map');
    expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const map = (await response.json()) as { features: { id: string }[] };
    const body = (await (await viewer.get('/api/campaigns/1/battle-map')).json()) as BattleMap;
    const linked = body.units.flatMap((u) => (u.mapFeatureId === null ? [] : [u.mapFeatureId]));
    expect(linked).toHaveLength(11);
    expect(new Set(map.features.map((f) => f.id))).toEqual(new Set(linked));

    // Kept by the browser but asked again each time, so a newly uploaded map shows at once.
    const tag = response.headers.get('etag');
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await app.request('/api/campaigns/1/map', { headers: { cookie: viewer.cookie, 'if-none-match': tag ?? '' } });
    expect(again.status).toBe(304);
    const other = await app.request('/api/campaigns/1/map', { headers: { cookie: viewer.cookie, 'if-none-match': '"stale"' } });
    expect(other.status).toBe(200);
  });
  it('counts a police station in its county’s shape and targets, and draws no tile for it', async () => {
    const admin = await signIn(app, 'admin');
    const office = await signIn(app, 'office');
    const made = await admin.send('POST', '/api/admin/units', { id: 'nanzheng-pcs', parentId: 'nanzheng', kind: 'station', nameZh: '南郑派出所', nameEn: 'Nanzheng police station' });
    expect(made.status, await made.clone().text()).toBe(201);
    const read = async () => (await (await office.get('/api/campaigns/1/battle-map')).json()) as BattleMap;
    const before = await read();
    const county = (b: BattleMap) => b.units.find((u) => u.unitId === 'nanzheng');
    const solvedTarget = (b: BattleMap) => b.targets.find((t) => t.unitId === 'nanzheng' && t.metric === 'casesSolved');
    // A case of another unit handed to the station, and solved there in the crackdown: the station's work is its county's.
    const [filed] = (await database.client.execute(`select id, version from clues where state = 'filed' and unit_id not like 'nanzheng%' limit 1`)).rows;
    if (filed === undefined) throw new Error('no filed case outside Nanzheng');
    // An hour before the test's now, which a later test makes the conclusion's instant: the solve is then before it.
    const earlier = await signIn(testApp(database, new Date(testNow.getTime() - 3_600_000)), 'office');
    const moved = await earlier.send('POST', `/api/clues/${Number(filed.id)}/transfer`, { unitId: 'nanzheng-pcs', reason: '属地管辖', version: Number(filed.version) });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const outcome = { organisationType: 'none', suspectsCaught: 1, criminallyDetained: 1, arrested: 0, gunsSeized: 0, assetsSeizedYuan: 0, moneyInvolvedYuan: 0, moneyStoppedYuan: 0, moneyFrozenYuan: 0, moneyReturnedYuan: 0, victimsWarned: 0 };
    const solved = await earlier.send('POST', `/api/clues/${Number(filed.id)}/transitions`, { to: 'solved', version: ((await moved.json()) as { version: number }).version, payload: { outcome } });
    expect(solved.status, await solved.clone().text()).toBe(200);

    const after = await read();
    expect(after.units.some((u) => u.unitId === 'nanzheng-pcs')).toBe(false);
    expect(county(after)).toMatchObject({ total: (county(before)?.total ?? 0) + 1, subUnits: 1, mapFeatureId: '610721' });
    expect(after.grid.some((c) => c.unitId === 'nanzheng-pcs')).toBe(false);
    const [all] = await database.db.select({ n: sql<number>`count(*)` }).from(clues);
    expect(after.units.reduce((sum, u) => sum + u.total, 0)).toBe(Number(all?.n));
    expect(after.grid.reduce((sum, c) => sum + c.total, 0)).toBe(Number(all?.n));
    expect(solvedTarget(before)).toBeDefined();
    expect(solvedTarget(after)?.actual).toBe((solvedTarget(before)?.actual ?? 0) + 1);
  });
});

describe('one battle map for every screen that asks', () => {
  const overdueNow = async (at: Date) =>
    Number(
      (
        await database.client.execute({
          sql: `select count(*) as n from clues where campaign_id = 1 and state in ('found', 'verifying', 'filed', 'solved') and due_at < ?`,
          args: [at.toISOString()],
        })
      ).rows[0]?.n,
    );
  const totalOverdue = (b: BattleMap) => b.units.reduce((sum, unit) => sum + unit.overdue, 0);

  it('is counted once while nothing changed, and counted again after a change', async () => {
    const start = new Date(Math.floor(testNow.getTime() / 60_000) * 60_000 + 5_000);
    const { app: wallApp, setClock } = movingClockApp(database, start);
    const office = await signIn(wallApp, 'office');
    const viewer = await signIn(wallApp, 'viewer');
    const read = async (who: typeof office) => (await (await who.get('/api/campaigns/1/battle-map')).json()) as BattleMap;

    const first = await read(office);
    expect(first.now).toBe(start.toISOString());
    // Twenty seconds later, nothing changed: the other screen gets the same count, as of when it was made.
    setClock(new Date(start.getTime() + 20_000));
    const screens = await Promise.all([read(viewer), read(office), read(viewer)]);
    for (const screen of screens) expect(screen).toEqual(first);

    // A clue found: the next screen to ask sees it.
    const found = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '挂图共享测试', source: 'other' });
    expect(found.status, await found.clone().text()).toBe(201);
    const after = await read(viewer);
    expect(after.now).toBe(new Date(start.getTime() + 20_000).toISOString());
    const hantai = (b: BattleMap) => b.units.find((u) => u.unitId === 'hantai');
    expect(hantai(after)?.total).toBe((hantai(first)?.total ?? 0) + 1);
    expect(hantai(after)?.open).toBe((hantai(first)?.open ?? 0) + 1);
  });

  it('counts again when the minute turns, so a clue falling due shows as overdue with no change written', async () => {
    const [next] = (
      await database.client.execute({
        sql: `select due_at from clues where campaign_id = 1 and state in ('found', 'verifying', 'filed', 'solved') and due_at > ? order by due_at limit 1`,
        args: [testNow.toISOString()],
      })
    ).rows;
    const due = new Date(String(next?.due_at));
    const before = new Date(due.getTime() - 30_000);
    const { app: wallApp, setClock } = movingClockApp(database, before);
    const viewer = await signIn(wallApp, 'viewer');
    const read = async () => (await (await viewer.get('/api/campaigns/1/battle-map')).json()) as BattleMap;

    const earlier = await read();
    expect(totalOverdue(earlier)).toBe(await overdueNow(before));
    const later = new Date(due.getTime() + 30_000);
    setClock(later);
    const now = await read();
    expect(now.now).toBe(later.toISOString());
    expect(totalOverdue(now)).toBe(await overdueNow(later));
    expect(totalOverdue(now)).toBeGreaterThan(totalOverdue(earlier));
  });
});

describe('a campaign that has concluded', () => {
  it('counts what stood overdue at its conclusion, on the wall chart and in the whole report, however long after it is read', async () => {
    const concludedAt = testNow.toISOString();
    // Concluded from consolidation, entered the day before.
    await concludeCampaign(database, concludedAt, { consolidation: new Date(testNow.getTime() - 86_400_000).toISOString() });
    const [atEnd] = await database.db
      .select({ n: sql<number>`count(*)` })
      .from(clues)
      .where(and(eq(clues.campaignId, 1), inArray(clues.state, ['found', 'verifying', 'filed', 'solved']), lt(clues.dueAt, concludedAt)));
    const later = testApp(database, new Date(testNow.getTime() + 30 * 86_400_000));
    const viewer = await signIn(later, 'viewer');
    const map = (await (await viewer.get('/api/campaigns/1/battle-map')).json()) as BattleMap;
    expect(map.units.reduce((sum, u) => sum + u.overdue, 0)).toBe(Number(atEnd?.n));
    // Its targets are its last phase's, as they stood at its end: the chart said it had none.
    const [campaign] = await database.db.select({ config: campaigns.config }).from(campaigns).where(eq(campaigns.id, 1));
    const last = campaign?.config.targets.filter((t) => t.phase === 'consolidation') ?? [];
    expect(last.length).toBeGreaterThan(0);
    expect(map.targets.map((t) => [t.unitId, t.metric, t.target])).toEqual(last.map((t) => [t.unitId, t.metric, t.value]));
    const report = (await (await viewer.get('/api/campaigns/1/report')).json()) as { span: { to: string }; total: { overdueAtEnd: number } };
    expect(report.span.to).toBe(concludedAt);
    const atConclusion = (await (await (await signIn(app, 'viewer')).get('/api/campaigns/1/report')).json()) as { total: { overdueAtEnd: number } };
    expect(report.total.overdueAtEnd).toBe(atConclusion.total.overdueAtEnd);
  });
});
