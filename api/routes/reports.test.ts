import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaigns, categories, clues, frozenReports, problems, units, users } from '../../db/schema';
import { reportHash } from '../services/report';
import { reportBySql } from '../services/report-sql';
import { buildReport, reportColumnLabels, reportFigureLabels, type ReportEntry } from '../../engine';
import { movingClockApp, signIn, testApp, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { sweepDeadlines } from '../services/deadline-sweep';
import { report as reportSchema } from '../contracts/report';
import type { z } from 'zod';

type Report = z.infer<typeof reportSchema>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 200, problems: 20 });
  app = testApp(database);
});
afterAll(() => database.drop());

async function get(path: string, at: Date = testNow): Promise<Response> {
  const a = at === testNow ? app : testApp(database, at);
  return (await signIn(a, 'viewer')).get(path);
}

async function reportAt(query: string, at?: Date): Promise<Report> {
  const response = await get(`/api/campaigns/1/report${query}`, at);
  expect(response.status).toBe(200);
  const body = (await response.json()) as Report;
  expect(reportSchema.safeParse(body).success).toBe(true);
  return body;
}

/** Independent SQL: events of a kind in a span, and a sum over their payloads. */
async function countEvents(event: string, from: string, to: string) {
  const [row] = await database.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(and(eq(auditLog.event, event), gte(auditLog.at, from), lt(auditLog.at, to)));
  return Number(row?.n ?? 0);
}
async function sumOutcome(field: string, from: string, to: string) {
  const [row] = await database.db
    .select({ n: sql<number>`coalesce(sum(json_extract(${auditLog.payload}, ${`$.outcome.${field}`})), 0)` })
    .from(auditLog)
    .where(and(eq(auditLog.event, 'clue.solve'), gte(auditLog.at, from), lt(auditLog.at, to)));
  return Number(row?.n ?? 0);
}

describe('completion reports', () => {
  it('equals independent SQL counts for the survey phase and the whole campaign', async () => {
    const [campaign] = await database.db.select().from(campaigns);
    const from = campaign?.context.phaseEnteredAt.survey ?? '';
    const to = campaign?.context.phaseEnteredAt.crackdown ?? '';
    const survey = await reportAt('?phase=survey');
    expect(survey.span).toMatchObject({ from, to });
    expect(survey.total.figures.cluesFound).toBe(await countEvents('clue.create', from, to));
    expect(survey.total.figures.casesFiled).toBe(await countEvents('clue.file', from, to));
    expect(survey.total.figures.casesSolved).toBe(await countEvents('clue.solve', from, to));
    expect(survey.total.figures.suspectsCaught).toBe(await sumOutcome('suspectsCaught', from, to));
    expect(survey.total.figures.moneyFrozenYuan).toBe(await sumOutcome('moneyFrozenYuan', from, to));
    const units = Object.values(survey.byUnit).reduce((sum, row) => sum + (row.figures.cluesFound ?? 0), 0);
    expect(units).toBe(survey.total.figures.cluesFound);

    const whole = await reportAt('');
    const [all] = await database.db.select({ n: sql<number>`count(*)` }).from(clues);
    expect(whole.total.figures.cluesFound).toBe(Number(all?.n));
    expect(whole.total.figures.casesSolved).toBeGreaterThan(0);
    // How deadlines were handled (延期情况): the demo extends, asks and declines now and then.
    const ofBoth = async (event: string) => (await countEvents(`clue.${event}`, '0000', '9999')) + (await countEvents(`problem.${event}`, '0000', '9999'));
    expect(whole.total.figures.extensionsGranted).toBeGreaterThan(0);
    expect([whole.total.figures.extensionsGranted, whole.total.figures.extensionsAsked, whole.total.figures.extensionsDeclined]).toEqual([await ofBoth('extend'), await ofBoth('requestExtension'), await ofBoth('declineExtension')]);
  });

  it('counts a problem sent back at its check and done again as one problem rectified, with the figures of the submission that stands', async () => {
    // Each submission was counted: the demo's report read 20 problems rectified where 17 had been.
    const office = await signIn(app, 'office');
    const [problem] = await database.db.select({ id: problems.id, version: problems.version }).from(problems).where(eq(problems.state, 'rectifying')).limit(1);
    if (problem === undefined) throw new Error('no problem being rectified in the test data');
    const before = (await reportAt('')).total.figures;
    let version = problem.version;
    const move = async (to: string, payload: Record<string, unknown>) => {
      const response = await office.send('POST', `/api/problems/${problem.id}/transitions`, { to, version, payload });
      expect(response.status, await response.clone().text()).toBe(200);
      version = ((await response.json()) as { version: number }).version;
    };
    await move('rectified', { rectification: { measures: '关停违规网站', websitesShutDown: 2, accountsClosed: 5 } });
    await move('rectifying', { reason: '整改不到位，仍有账号在发布' });
    await move('rectified', { rectification: { measures: '关停违规网站及账号', websitesShutDown: 3, accountsClosed: 7 } });
    const after = (await reportAt('')).total.figures;
    const added = (figure: 'problemsRectified' | 'websitesShutDown' | 'accountsClosed') => (after[figure] ?? 0) - (before[figure] ?? 0);
    expect([added('problemsRectified'), added('websitesShutDown'), added('accountsClosed')]).toEqual([1, 3, 7]);
    expect(after.problemsRectified).toBe((await countEvents('problem.complete', '0000', '9999')) - (await countEvents('problem.reject', '0000', '9999')));
  });

  it('equals the engine\'s reference model (a replay of the audit log) for every figure, unit and category', async () => {
    const rows = await database.db.select().from(auditLog).where(inArray(auditLog.subject, ['clue', 'problem'])).orderBy(asc(auditLog.seq));
    const entries: ReportEntry[] = rows.map((r) => ({ at: r.at, subject: r.subject as 'clue' | 'problem', subjectId: r.subjectId, event: r.event, toState: r.toState, payload: JSON.parse(r.payload) as unknown }));
    const spans = [
      '',
      '?phase=survey',
      '?phase=crackdown',
      '?asOf=2026-04-20T00:00:00.000Z',
      '?from=2026-02-01T00:00:00.000Z&to=2026-05-01T00:00:00.000Z',
      // Ragged ends: whole days come from the tallies, the hours around them from the entries.
      '?from=2026-02-01T13:17:05.250Z&to=2026-05-01T08:00:00.001Z',
      '?from=2026-03-10T23:59:59.999Z&asOf=2026-04-20T11:30:00.000Z',
      '?asOf=2026-04-20T23:59:59.998Z',
      // Less than a day, and within one day.
      '?from=2026-03-15T06:00:00.000Z&to=2026-03-16T05:00:00.000Z',
      '?from=2026-03-15T01:00:00.000Z&to=2026-03-15T20:00:00.000Z',
    ];
    for (const query of spans) {
      const api = await reportAt(query);
      const model = buildReport(entries, api.span);
      expect(api.total, query).toEqual(model.total);
      expect(api.byUnit, query).toEqual(model.byUnit);
      expect(api.byCategory, query).toEqual(model.byCategory);
    }
  });

  /** A police station under Hantai (汉台派出所, `hantai-pcs`) given one of Hantai's clues in verification; made once, by whichever test asks first. */
  async function hantaiStation(): Promise<void> {
    if ((await database.db.select().from(units).where(eq(units.id, 'hantai-pcs'))).length > 0) return;
    const admin = await signIn(app, 'admin');
    expect((await admin.send('POST', '/api/admin/units', { id: 'hantai-pcs', parentId: 'hantai', kind: 'other', nameZh: '汉台派出所', nameEn: 'Hantai police station' })).status).toBe(201);
    const office = await signIn(app, 'office');
    const [clue] = await database.db.select().from(clues).where(and(eq(clues.unitId, 'hantai'), eq(clues.state, 'verifying')));
    expect((await office.send('POST', `/api/clues/${clue?.id}/transfer`, { version: clue?.version, unitId: 'hantai-pcs', reason: '属地管辖' })).status).toBe(200);
  }

  it("gives a branch its own report: what happened in the unit and those below it, equal to the reference model", async () => {
    // A police station under Hantai, given a clue: the branch's report counts it, the station's alone counts only its own.
    await hantaiStation();

    const rows = await database.db.select().from(auditLog).where(inArray(auditLog.subject, ['clue', 'problem'])).orderBy(asc(auditLog.seq));
    const entries: ReportEntry[] = rows.map((r) => ({ at: r.at, subject: r.subject as 'clue' | 'problem', subjectId: r.subjectId, event: r.event, toState: r.toState, payload: JSON.parse(r.payload) as unknown }));
    const scopes = { hantai: ['hantai', 'hantai-pcs'], 'hantai-pcs': ['hantai-pcs'], nanzheng: ['nanzheng'] };
    for (const [unit, counted] of Object.entries(scopes)) {
      for (const span of ['', '?phase=survey', '?from=2026-02-01T13:17:05.250Z&to=2026-05-01T08:00:00.001Z', '?asOf=2026-04-20T23:59:59.998Z']) {
        const query = `${span === '' ? '?' : `${span}&`}unit=${unit}`;
        const api = await reportAt(query);
        const model = buildReport(entries, api.span, { units: new Set(counted) });
        expect(api.unit, query).toBe(unit);
        expect(api.total, query).toEqual(model.total);
        expect(api.byUnit, query).toEqual(model.byUnit);
        expect(api.byCategory, query).toEqual(model.byCategory);
        expect(Object.keys(api.byUnit).every((id) => counted.includes(id)), query).toBe(true);
      }
    }
    const whole = await reportAt('');
    const hantai = await reportAt('?unit=hantai');
    expect(whole.unit).toBeNull();
    expect(hantai.byUnit['hantai-pcs']?.openAtEnd).toBe(1);
    expect(hantai.byUnit.hantai).toEqual(whole.byUnit.hantai);
    expect(hantai.total.figures.cluesFound).toBe((whole.byUnit.hantai?.figures.cluesFound ?? 0) + (whole.byUnit['hantai-pcs']?.figures.cluesFound ?? 0));
    // The office heads every unit: its report is the campaign's.
    const office_ = await reportAt('?unit=office');
    expect(office_.total).toEqual(whole.total);
    expect(office_.byCategory).toEqual(whole.byCategory);
  });

  it("gives a phase's report each unit's target for the phase against its own row and those of the units under it", async () => {
    const [campaign] = await database.db.select().from(campaigns);
    const tree = await database.db.select({ id: units.id, parentId: units.parentId }).from(units);
    const within = (unitId: string): string[] => [unitId, ...tree.filter((u) => u.parentId === unitId).flatMap((u) => within(u.id))];
    const survey = await reportAt('?phase=survey');
    const set = campaign?.config.targets.filter((t) => t.phase === 'survey') ?? [];
    expect(set.length).toBeGreaterThan(1);
    // Hantai's police station (the test before) has a row of its own: Hantai's target counts it.
    expect(within('hantai')).toEqual(['hantai', 'hantai-pcs']);
    expect(survey.targets).toEqual(
      set.map((t) => ({ unitId: t.unitId, metric: t.metric, target: t.value, actual: within(t.unitId).reduce((sum, id) => sum + (survey.byUnit[id]?.figures[t.metric] ?? 0), 0) })),
    );
    expect(survey.targets?.some((t) => t.actual > 0)).toBe(true);

    // The phase under way: the same figures as the battle map's bars, which the exit criterion reads too.
    const crackdown = await reportAt('?phase=crackdown');
    const wall = (await (await get('/api/campaigns/1/battle-map')).json()) as { targets: unknown[] };
    expect(crackdown.targets).toEqual(wall.targets);
    expect(crackdown.targets?.length).toBe(campaign?.config.targets.filter((t) => t.phase === 'crackdown').length);

    // A branch's report has its own units' targets; a category's (a target counts every category) and a span's have none.
    const hantai = await reportAt('?phase=survey&unit=hantai');
    expect(hantai.targets).toEqual(survey.targets?.filter((t) => t.unitId === 'hantai'));
    expect(hantai.targets?.length).toBeGreaterThan(0);
    const [category] = await database.db.select({ id: categories.id }).from(categories).limit(1);
    expect((await reportAt(`?phase=survey&category=${category?.id}`)).targets).toBeUndefined();
    expect((await reportAt('')).targets).toBeUndefined();
    expect((await reportAt('?from=2026-02-01T00:00:00.000Z&to=2026-05-01T00:00:00.000Z')).targets).toBeUndefined();
  });

  it("keeps a left phase's targets as its frozen record has them: a unit moved since does not take its past work to its new parent", async () => {
    const [frozenRow] = await database.db.select().from(frozenReports).where(eq(frozenReports.phase, 'survey'));
    const frozen = JSON.parse(frozenRow?.report ?? '{}') as Report;
    const before = await reportAt('?phase=survey');
    expect(before.targets).toEqual(frozen.targets);
    expect(before.targetsFrozenAt).toBe(frozenRow?.frozenAt);
    // Foping put under Yangxian: counted again, Yangxian's survey target took Foping's clues verified.
    const admin = await signIn(app, 'admin');
    expect((await admin.send('PATCH', '/api/admin/units/foping', { parentId: 'yangxian' })).status).toBe(200);
    try {
      const after = await reportAt('?phase=survey');
      expect(after.targets).toEqual(before.targets);
      expect(after.byUnit.foping).toEqual(before.byUnit.foping);
      // A branch's report of it has its own units' as frozen: Foping's is Yangxian's now, with its frozen figures.
      const yangxian = await reportAt('?phase=survey&unit=yangxian');
      expect(yangxian.targets).toEqual(before.targets?.filter((t) => t.unitId === 'yangxian' || t.unitId === 'foping'));
      // As of an instant before the survey's end, its targets are counted from that report's rows (the tree as it stands).
      const midway = await reportAt('?phase=survey&asOf=2026-02-15T00:00:00.000Z');
      expect(midway.targetsFrozenAt).toBeUndefined();
      const verified = (id: string) => midway.byUnit[id]?.figures.cluesVerified ?? 0;
      expect(midway.targets?.find((t) => t.unitId === 'yangxian' && t.metric === 'cluesVerified')?.actual).toBe(verified('yangxian') + verified('foping'));
      // The phase under way is counted as the tree now stands: Yangxian's target counts Foping's work.
      const crackdown = await reportAt('?phase=crackdown');
      expect(crackdown.targetsFrozenAt).toBeUndefined();
      const of = (unitId: string) => crackdown.targets?.find((t) => t.unitId === unitId && t.metric === 'casesSolved')?.actual ?? 0;
      expect(of('yangxian')).toBe((crackdown.byUnit.yangxian?.figures.casesSolved ?? 0) + (crackdown.byUnit.foping?.figures.casesSolved ?? 0));
    } finally {
      expect((await admin.send('PATCH', '/api/admin/units/foping', { parentId: 'office' })).status).toBe(200);
    }
  });

  it('counts what stood open at the end of a past span the same read in parts of a few items as in one', async () => {
    const unitsOfHantai = ['hantai', 'hantai-pcs'];
    for (const span of [
      { from: '2026-01-01T00:00:00.000Z', to: '2026-03-31T09:00:00.000Z', asOf: testNow.toISOString() },
      { from: '2026-02-01T13:17:05.250Z', to: '2026-05-01T08:00:00.001Z', asOf: testNow.toISOString() },
      { from: '0000-01-01T00:00:00.000Z', to: '9999-12-31T23:59:59.999Z', asOf: '2026-04-20T23:59:59.998Z' },
    ]) {
      for (const scope of [{ units: null, categoryId: null }, { units: unitsOfHantai, categoryId: null }, { units: null, categoryId: 8 }]) {
        const whole = await reportBySql(database.db, 1, span, testNow, scope);
        // Parts of 7 item ids: dozens of parts, several for the clues and the problems, most rows of a unit and category split across them.
        const inParts = await reportBySql(database.db, 1, span, testNow, scope, { itemsPerPart: 7 });
        expect(inParts, JSON.stringify([span, scope])).toEqual(whole);
        expect(whole.total.openAtEnd, JSON.stringify([span, scope])).toBeGreaterThan(0);
      }
    }
  });

  it("gives one crime category's report, alone and within a branch's, equal to the reference model", async () => {
    const rows = await database.db.select().from(auditLog).where(inArray(auditLog.subject, ['clue', 'problem'])).orderBy(asc(auditLog.seq));
    const entries: ReportEntry[] = rows.map((r) => ({ at: r.at, subject: r.subject as 'clue' | 'problem', subjectId: r.subjectId, event: r.event, toState: r.toState, payload: JSON.parse(r.payload) as unknown }));
    const whole = await reportAt('');
    for (const categoryId of [8, 1]) {
      for (const span of ['', '?phase=survey', '?from=2026-02-01T13:17:05.250Z&to=2026-05-01T08:00:00.001Z']) {
        for (const unit of [undefined, 'nanzheng']) {
          const query = `${span === '' ? '?' : `${span}&`}category=${categoryId}${unit === undefined ? '' : `&unit=${unit}`}`;
          const api = await reportAt(query);
          const model = buildReport(entries, api.span, { categoryId, ...(unit === undefined ? {} : { units: new Set([unit]) }) });
          expect(api.categoryId, query).toBe(categoryId);
          expect(api.total, query).toEqual(model.total);
          expect(api.byUnit, query).toEqual(model.byUnit);
          expect(api.byCategory, query).toEqual(model.byCategory);
          expect(Object.keys(api.byCategory), query).toEqual(api.total.figures.cluesFound === 0 && api.total.openAtEnd === 0 ? [] : [String(categoryId)]);
        }
      }
      // The category's report is its row of the whole campaign's.
      const alone = await reportAt(`?category=${categoryId}`);
      expect(alone.total).toEqual(whole.byCategory[String(categoryId)]);
    }
  });

  it("gives the report of the items with no category (category=none), equal to the whole report's 未分类 row and to the reference model", async () => {
    // The demo gives every item a category: clues found without one, one worked on, and one whose category was taken off.
    const office = await signIn(app, 'office');
    const [officer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'nanzheng.officer'));
    for (const unitId of ['nanzheng', 'hantai']) {
      const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId, title: `未分类线索（${unitId}）`, source: 'other', ...(unitId === 'nanzheng' ? { assigneeId: officer?.id } : {}) });
      expect(created.status, await created.clone().text()).toBe(201);
      const clue = (await created.json()) as { id: number; version: number };
      if (unitId === 'nanzheng') expect((await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version })).status).toBe(200);
    }
    const [open] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(and(eq(clues.unitId, 'nanzheng'), eq(clues.state, 'verifying'), sql`${clues.categoryId} is not null`)).limit(1);
    expect((await office.send('PATCH', `/api/clues/${open?.id}`, { categoryId: null, version: open?.version })).status).toBe(200);
    const rows = await database.db.select().from(auditLog).where(inArray(auditLog.subject, ['clue', 'problem'])).orderBy(asc(auditLog.seq));
    const entries: ReportEntry[] = rows.map((r) => ({ at: r.at, subject: r.subject as 'clue' | 'problem', subjectId: r.subjectId, event: r.event, toState: r.toState, payload: JSON.parse(r.payload) as unknown }));
    const whole = await reportAt('');
    expect(whole.byCategory.none?.figures.cluesFound).toBe(2);
    for (const span of ['', '?phase=survey', '?from=2026-02-01T13:17:05.250Z&to=2026-05-01T08:00:00.001Z']) {
      for (const unit of [undefined, 'nanzheng']) {
        const query = `${span === '' ? '?' : `${span}&`}category=none${unit === undefined ? '' : `&unit=${unit}`}`;
        const api = await reportAt(query);
        const model = buildReport(entries, api.span, { categoryId: null, ...(unit === undefined ? {} : { units: new Set([unit]) }) });
        expect(api.categoryId, query).toBe('none');
        expect(api.total, query).toEqual(model.total);
        expect(api.byUnit, query).toEqual(model.byUnit);
        expect(api.byCategory, query).toEqual(model.byCategory);
        expect(Object.keys(api.byCategory), query).toEqual(api.total.figures.cluesFound === 0 && api.total.openAtEnd === 0 ? [] : ['none']);
      }
    }
    const alone = await reportAt('?category=none');
    expect(alone.total).toEqual(whole.byCategory.none);
    // Its file says whose it is, in the name and in the total row.
    const csv = await get('/api/campaigns/1/report?category=none&format=csv&lang=zh');
    expect(csv.headers.get('content-disposition')).toMatch(/"hz-2026-uncategorised-report-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, '')).data.filter((line) => line.length > 1);
    expect(lines.at(-1)?.[0]).toBe('合计（未分类）');
    expect(lines.filter((line) => line[0]?.startsWith('类别：')).map((line) => line[0])).toEqual(['类别：未分类']);
  });

  it('refuses a category that is not the campaign\'s, naming the field', async () => {
    for (const category of ['9999', '0', 'fraud']) {
      const response = await get(`/api/campaigns/1/report?category=${category}`);
      expect(response.status, category).toBe(400);
      const problem = (await response.json()) as { fields: { field: string }[] };
      expect(problem.fields[0]?.field, category).toBe('query.category');
    }
  });

  it('refuses a unit that does not exist, naming the field', async () => {
    const response = await get('/api/campaigns/1/report?unit=atlantis');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { fields: { field: string; message: { zh: string; en: string } }[] };
    expect(problem.fields[0]?.field).toBe('query.unit');
    expect(problem.fields[0]?.message.zh).toBe('没有这个单位');
  });

  it('refuses a span that ends before it starts, naming its end, rather than reporting nothing happened', async () => {
    for (const path of ['report', 'typical-cases']) {
      const response = await get(`/api/campaigns/1/${path}?from=2026-05-01T00:00:00Z&to=${encodeURIComponent('2026-05-01T07:59:59+08:00')}`);
      expect(response.status, path).toBe(400);
      const problem = (await response.json()) as { fields: { field: string; message: { zh: string } }[] };
      expect(problem.fields, path).toEqual([{ field: 'query.to', message: { zh: '截止时间早于起始时间', en: 'The span ends before it starts' } }]);
    }
    // A span of one instant is empty, not backwards.
    expect((await get('/api/campaigns/1/report?from=2026-05-01T00:00:00Z&to=2026-05-01T00:00:00Z')).status).toBe(200);
  });

  it('refuses a phase with dates beside it and an "as of" later than now, by name, rather than answer for another span', async () => {
    const both = { zh: '请选择阶段或时间段（from、to）之一，不能同时指定', en: 'A phase or a span (from, to), not both' };
    const cases: [string, string, { zh: string; en: string }][] = [
      ['?phase=survey&from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z', 'query.from', both],
      ['?phase=survey&to=2026-05-02T00:00:00Z', 'query.to', both],
      ['?asOf=2030-01-01T00:00:00Z', 'query.asOf', { zh: '截至时间不能晚于现在', en: 'As of must not be later than now' }],
    ];
    for (const [query, field, message] of cases) {
      const response = await get(`/api/campaigns/1/report${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { fields: unknown }).fields, query).toEqual([{ field, message }]);
    }
    // An "as of" before what is asked for began: a report of nothing yet, refused rather than shown as zeros.
    const beforePhase = await get('/api/campaigns/1/report?phase=survey&asOf=2020-01-01T00:00:00Z');
    expect(beforePhase.status).toBe(400);
    expect(((await beforePhase.json()) as { fields: unknown }).fields).toEqual([
      { field: 'query.asOf', message: { zh: '截至时间早于该阶段开始（2026-01-01 07:30）', en: 'As of is before the phase began (2026-01-01 07:30)' } },
    ]);
    const beforeSpan = await get('/api/campaigns/1/report?from=2026-05-01T00:00:00Z&asOf=2026-04-01T00:00:00Z');
    expect(beforeSpan.status).toBe(400);
    expect(((await beforeSpan.json()) as { fields: unknown }).fields).toEqual([{ field: 'query.asOf', message: { zh: '截至时间早于统计起始时间', en: 'As of is before the span begins' } }]);
    // A span that begins later than now, asked without an "as of", still answers (with nothing in it yet).
    expect((await get('/api/campaigns/1/report?from=2026-12-01T00:00:00Z')).status).toBe(200);
    // A moment within the minute ahead (a browser's clock, the minute just begun) is read as now, and the span says so.
    const near = await reportAt(`?asOf=${new Date(testNow.getTime() + 30_000).toISOString()}`);
    expect(near.span.asOf).toBe(testNow.toISOString());
    // A phase over is counted once for every instant past its end, but each answer's span is of its own request.
    const first = await reportAt('?phase=survey&asOf=2026-06-01T00:00:00Z');
    const second = await reportAt('?phase=survey');
    expect(first.span.asOf).toBe('2026-06-01T00:00:00.000Z');
    expect(second.span.asOf).toBe(testNow.toISOString());
    expect(second.total).toEqual(first.total);
  });

  it("names an export by the campaign's day, not UTC's", async () => {
    // 04:00 on 15 June in Beijing, still the 14th in UTC.
    const at = new Date('2026-06-14T20:00:00Z');
    for (const path of ['report?format=csv', 'typical-cases?format=csv', 'lists/clues?format=csv']) {
      const response = await get(`/api/campaigns/1/${path}`, at);
      expect(response.headers.get('content-disposition'), path).toMatch(/-2026-06-15\.csv"$/);
    }
    // A span is named by its first and last days (the end is exclusive), an "as of" by its own day: two spans, two names.
    const named = async (query: string) => (await get(`/api/campaigns/1/report?format=csv&${query}`)).headers.get('content-disposition');
    expect(await named(`from=${encodeURIComponent('2026-04-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-07-01T00:00:00+08:00')}`)).toMatch(/-2026-04-01_2026-06-30-2026-06-15\.csv"$/);
    // A span already over holds the same figures whenever it is exported: its own days name it.
    expect(await named(`from=${encodeURIComponent('2026-04-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-05-01T00:00:00+08:00')}`)).toMatch(/-2026-04-01_2026-04-30\.csv"$/);
    // An "as of" names the file where it cuts the span short; past the span's end it changes nothing, nor does the name.
    expect(await named(`phase=crackdown&asOf=${encodeURIComponent('2026-06-01T12:00:00+08:00')}`)).toMatch(/-crackdown-asof-2026-06-01\.csv"$/);
    expect(await named(`phase=survey&asOf=${encodeURIComponent('2026-06-01T12:00:00+08:00')}`)).toMatch(/-survey-2026-03-31\.csv"$/);
    // The typical cases of a span are named as its report is, not as the whole campaign's.
    const typical = async (query: string) => (await get(`/api/campaigns/1/typical-cases?format=csv&${query}`)).headers.get('content-disposition');
    expect(await typical(`from=${encodeURIComponent('2026-04-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-05-01T00:00:00+08:00')}`)).toMatch(/-typical-cases-2026-04-01_2026-04-30\.csv"$/);
    expect(await typical('phase=survey')).toMatch(/-typical-cases-survey-2026-03-31\.csv"$/);
    expect(await typical(`asOf=${encodeURIComponent('2026-06-01T12:00:00+08:00')}`)).toMatch(/-typical-cases-all-asof-2026-06-01\.csv"$/);
    // A phase already over is named by its last day, not the day it is exported: its figures are the same whenever.
    expect(await named('phase=survey')).toMatch(/-survey-2026-03-31\.csv"$/);
    expect(await named('phase=crackdown')).toMatch(/-crackdown-2026-06-15\.csv"$/);
  });

  it('reads instants given with an offset as the same instants in UTC', async () => {
    const beijing = await reportAt(`?from=${encodeURIComponent('2026-02-01T21:17:05+08:00')}&to=${encodeURIComponent('2026-05-01T08:00:00+08:00')}`);
    const utc = await reportAt('?from=2026-02-01T13:17:05.000Z&to=2026-05-01T00:00:00.000Z');
    expect(beijing.span).toEqual(utc.span);
    expect(beijing.total).toEqual(utc.total);
    expect(beijing.total.figures.cluesFound).toBeGreaterThan(0);
  });

  it('keeps its tallies equal to what the migration counts from the log as it stands', async () => {
    // The migration's own statements, run again on emptied tables, must rebuild what the trigger kept entry by entry.
    const tables = async () => ({
      tallies: (await database.client.execute('select * from report_tallies order by campaign_id, day, unit_id, category_id, event, organisation')).rows,
      solves: (await database.client.execute('select * from solve_times order by seq')).rows,
    });
    const kept = await tables();
    expect(kept.solves.length).toBe(await countEvents('clue.solve', '0000', '9999'));
    const migration = readFileSync(new URL('../../db/migrations/0004_report_tallies.sql', import.meta.url), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').filter((s) => /^\s*(--[^\n]*\n\s*)*INSERT INTO/i.test(s));
    expect(backfill).toHaveLength(2);
    await database.write(async (tx) => {
      await tx.run(sql`delete from report_tallies`);
      await tx.run(sql`delete from solve_times`);
      for (const statement of backfill) await tx.run(sql.raw(statement));
    });
    expect(await tables()).toEqual(kept);
  });

  it('as of an instant, does not change when items move afterwards', async () => {
    const asOf = testNow.toISOString();
    const before = await reportAt(`?asOf=${asOf}`);
    const later = new Date(testNow.getTime() + 86_400_000);
    const office = await signIn(testApp(database, later), 'office');
    const [clue] = await database.db.select().from(clues).where(eq(clues.state, 'verifying'));
    expect((await office.send('POST', `/api/clues/${clue?.id}/transitions`, { to: 'unfounded', version: clue?.version, payload: { conclusion: '查无实据' } })).status).toBe(200);
    const after = await reportAt(`?asOf=${asOf}`, later);
    expect(after.total).toEqual(before.total);
    expect((await reportAt('', later)).total.figures.cluesUnfounded).toBe((before.total.figures.cluesUnfounded ?? 0) + 1);
  });

  it('is counted once for everyone asking while nothing changed, and again after a change', async () => {
    const start = new Date(Math.floor(testNow.getTime() / 60_000) * 60_000 + 5_000);
    const { app: reportApp, setClock } = movingClockApp(database, start);
    const [office, viewer] = [await signIn(reportApp, 'office'), await signIn(reportApp, 'viewer')];
    const read = async (who: typeof office) => (await (await who.get('/api/campaigns/1/report')).json()) as Report;
    const first = await read(viewer);
    expect(first.generatedAt).toBe(start.toISOString());
    const later = new Date(start.getTime() + 20_000);
    setClock(later);
    expect(await read(office)).toEqual(first);

    const [clue] = await database.db.select().from(clues).where(eq(clues.state, 'verifying'));
    expect((await office.send('POST', `/api/clues/${clue?.id}/transitions`, { to: 'unfounded', version: clue?.version, payload: { conclusion: '查无实据' } })).status).toBe(200);
    const after = await read(viewer);
    expect(after.generatedAt).toBe(later.toISOString());
    expect(after.total.figures.cluesUnfounded).toBe((first.total.figures.cluesUnfounded ?? 0) + 1);
  });

  it('counts a span that ended before now once: later changes cannot fall inside it, a change to the unit tree can', async () => {
    // Two days on: after every move the tests above made on their own clocks.
    const start = new Date(Math.floor(testNow.getTime() / 60_000) * 60_000 + 2 * 86_400_000 + 5_000);
    const { app: reportApp, setClock } = movingClockApp(database, start);
    const [office, admin] = [await signIn(reportApp, 'office'), await signIn(reportApp, 'admin')];
    const read = async (query: string) => (await (await office.get(`/api/campaigns/1/report${query}`)).json()) as Report;
    const survey = await read('?phase=survey&unit=hantai');
    const whole = await read('');
    expect(survey.generatedAt).toBe(start.toISOString());

    // Two minutes and a move later: the live report is counted again, the survey's is not.
    const later = new Date(start.getTime() + 120_000);
    setClock(later);
    const [clue] = await database.db.select().from(clues).where(and(eq(clues.state, 'verifying'), eq(clues.unitId, 'hantai')));
    expect((await office.send('POST', `/api/clues/${clue?.id}/transitions`, { to: 'unfounded', version: clue?.version, payload: { conclusion: '查无实据' } })).status).toBe(200);
    expect((await read('')).generatedAt).toBe(later.toISOString());
    expect((await read('')).total.figures.cluesUnfounded).toBe((whole.total.figures.cluesUnfounded ?? 0) + 1);
    // The same count (generated at the start), of a span as of the instant it is now asked for.
    const asOfNow = { ...survey, span: { ...survey.span, asOf: later.toISOString() } };
    expect(await read('?phase=survey&unit=hantai')).toEqual(asOfNow);
    // Asked as of a later instant than its end, it is the same report, as of that instant.
    const laterStill = new Date(later.getTime() - 30_000).toISOString();
    expect(await read(`?phase=survey&unit=hantai&asOf=${laterStill}`)).toEqual({ ...survey, span: { ...survey.span, asOf: laterStill } });

    // A unit made under Hantai changes what Hantai's report counts: it is counted again.
    expect((await admin.send('POST', '/api/admin/units', { id: 'hantai-xz', parentId: 'hantai', kind: 'other', nameZh: '汉台巡警', nameEn: 'Hantai patrol' })).status).toBe(201);
    const recounted = await read('?phase=survey&unit=hantai');
    expect(recounted.generatedAt).toBe(later.toISOString());
    expect(recounted.total).toEqual(survey.total);
  });

  it('exports CSV and XLSX that parse back to the same figures, headed in the chosen language', async () => {
    const json = await reportAt('?phase=survey');
    const csv = await get('/api/campaigns/1/report?phase=survey&format=csv&lang=zh');
    expect(csv.headers.get('content-disposition')).toMatch(/hz-\d{4}-survey-\d{4}-\d{2}-\d{2}\.csv/);
    const parsed = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, '')).data;
    const header = parsed[0] ?? [];
    const column = header.indexOf(reportFigureLabels.casesSolved.zh);
    expect(column).toBeGreaterThan(0);
    // The units as the page lists them (their tree's order, not their codes'), then the categories, the total last.
    const lines = parsed.filter((line) => line.length > 1);
    expect(lines.at(-1)?.[0]).toBe('合计');
    expect(Number(lines.at(-1)?.[column])).toBe(json.total.figures.casesSolved);
    const unitLines = lines.filter((line) => line[0]?.startsWith('单位：')).map((line) => line[0]?.slice('单位：'.length));
    const tree = await database.db.select({ id: units.id, nameZh: units.nameZh }).from(units).orderBy(asc(units.sortOrder));
    expect(unitLines).toEqual(tree.filter((u) => json.byUnit[u.id] !== undefined).map((u) => u.nameZh));
    // The solve rate as the page shows it, a percentage, not a fraction read as a count.
    const rateColumn = header.indexOf(reportColumnLabels.solveRate.zh);
    // Headed with how it is counted: a period's rate can pass 100%, and "破案率" alone read such a value as wrong.
    expect(header[rateColumn]).toBe('破案率（破案÷立案）');
    expect(lines.at(-1)?.[rateColumn]).toBe(json.total.solveRate === null ? '' : `${(json.total.solveRate * 100).toFixed(1)}%`);
    expect(json.total.solveRate).not.toBeNull();

    const xlsx = await get('/api/campaigns/1/report?phase=survey&format=xlsx&lang=en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    // Headed as the printed report is: the campaign and span, since and as of when, the escalations; then a blank row.
    const [campaign] = await database.db.select().from(campaigns);
    expect(sheet?.getRow(1).getCell(1).value).toBe(`${campaign?.nameEn} · Survey report`);
    expect(String(sheet?.getRow(2).getCell(1).value)).toMatch(/^From \d{4}-\d{2}-\d{2} \d{2}:\d{2}, as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Shanghai\)$/);
    // Named as the page names them, not "level 1".
    expect(String(sheet?.getRow(3).getCell(1).value)).toBe(`Escalations raised: Due soon ${json.escalationsRaised[1]} · Overdue ${json.escalationsRaised[2]} · Long overdue ${json.escalationsRaised[3]}`);
    // What the solve rate is, which can pass 100%: said above the table, as the page says it under its tables.
    expect(String(sheet?.getRow(4).getCell(1).value)).toMatch(/^Note: Solve rate = cases solved in the period ÷ cases filed in the same period\. .*can exceed 100%/);
    const headings = (sheet?.getRow(6).values as unknown[]).slice(1);
    const at = headings.indexOf(reportFigureLabels.suspectsCaught.en);
    expect(at).toBeGreaterThan(0);
    expect(Number((sheet?.getRow(sheet.rowCount).values as unknown[])[at + 1])).toBe(json.total.figures.suspectsCaught);
    // The solve rate is a number shown as a percentage, as on the page.
    const rate = sheet?.getRow(sheet.rowCount).getCell(headings.indexOf(reportColumnLabels.solveRate.en) + 1);
    expect(rate?.numFmt).toBe('0.0%');
    expect(rate?.value).toBe(json.total.solveRate);
    // Sums of yuan with their thousands grouped, in a column wide enough for them, under a label that wraps.
    const money = headings.indexOf(reportFigureLabels.moneyFrozenYuan.en) + 1;
    expect(sheet?.getRow(sheet.rowCount).getCell(money).numFmt).toBe('#,##0');
    expect(sheet?.getColumn(money).width).toBeGreaterThanOrEqual(16);
    expect(sheet?.getRow(6).getCell(money).alignment?.wrapText).toBe(true);

    // The phase's targets on a sheet of their own, headed as the first, a row each, as the page lists them.
    const targets = workbook.getWorksheet('Targets');
    expect(targets?.getRow(1).getCell(1).value).toBe(`${campaign?.nameEn} · Survey report`);
    expect(String(targets?.getRow(2).getCell(1).value)).toMatch(/^From \d{4}-\d{2}-\d{2} \d{2}:\d{2}, as of /);
    // What the page says beside its table: a unit's Done counts the units under it; the survey's are as frozen.
    expect(String(targets?.getRow(3).getCell(1).value)).toContain('includes the work of the units under it');
    expect(String(targets?.getRow(4).getCell(1).value)).toMatch(/^Note: the phase has ended; its targets and what was done are as frozen \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}\)\.$/);
    expect((targets?.getRow(6).values as unknown[]).slice(1)).toEqual(['Unit', 'Measure', 'Target', 'Done', 'Share', 'Short by', 'Met']);
    const [hantaiTarget] = json.targets ?? [];
    expect(targets?.rowCount).toBe((json.targets?.length ?? 0) + 6);
    expect((targets?.getRow(7).values as unknown[]).slice(1)).toEqual([
      (await database.db.select({ en: units.nameEn }).from(units).where(eq(units.id, hantaiTarget?.unitId ?? '')))[0]?.en,
      'Clues verified',
      hantaiTarget?.target,
      hantaiTarget?.actual,
      (hantaiTarget?.actual ?? 0) / (hantaiTarget?.target ?? 1),
      Math.max(0, (hantaiTarget?.target ?? 0) - (hantaiTarget?.actual ?? 0)),
      (hantaiTarget?.actual ?? 0) >= (hantaiTarget?.target ?? 0) ? 'Yes' : 'No',
    ]);
    expect(targets?.getRow(7).getCell(5).numFmt).toBe('0.0%');
    // The crackdown under way: a target not reached is not yet reached, not missed.
    const crackdown = await reportAt('?phase=crackdown');
    const running = new ExcelJS.Workbook();
    await running.xlsx.load(await (await get('/api/campaigns/1/report?phase=crackdown&format=xlsx&lang=zh')).arrayBuffer());
    // Under way: headed by the report's two lines and the note on units under others, then the table.
    const met = (running.getWorksheet('阶段目标')?.getColumn(7).values as unknown[]).slice(6);
    expect(met).toEqual(crackdown.targets?.map((t) => (t.actual >= t.target ? '是' : '尚未')));
    expect(met).toContain('尚未');
    // A report with no targets (the whole campaign's) has no such sheet.
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load(await (await get('/api/campaigns/1/report?format=xlsx&lang=en')).arrayBuffer());
    expect(whole.worksheets.map((w) => w.name)).toEqual(['Report']);
  });

  it('heads a Chinese workbook in Chinese: the campaign read from its start, the time as Beijing time', async () => {
    const xlsx = await get('/api/campaigns/1/report?format=xlsx&lang=zh');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    // It read "统计时段：专项开始 起，数据截至 …（Asia/Shanghai）": a gap in the sentence and the zone's English id.
    expect(String(workbook.worksheets[0]?.getRow(2).getCell(1).value)).toMatch(/^统计时段：自专项开始起，数据截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    const survey = new ExcelJS.Workbook();
    await survey.xlsx.load(await (await get('/api/campaigns/1/report?phase=survey&format=xlsx&lang=zh')).arrayBuffer());
    expect(String(survey.worksheets[0]?.getRow(2).getCell(1).value)).toMatch(/^统计时段：(自专项开始起|自\d{4}-\d{2}-\d{2} \d{2}:\d{2}起)，数据截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
  });

  it("indents a workbook's unit rows as the page does: a station one step in under its branch, the report's top rows not indented", async () => {
    await hantaiStation();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get('/api/campaigns/1/report?format=xlsx&lang=zh')).arrayBuffer());
    const unitRows: [string, number | undefined][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      const scope = String(row.getCell(1).value);
      if (scope.startsWith('单位：')) unitRows.push([scope.slice('单位：'.length), row.getCell(1).alignment?.indent]);
    });
    const placeOf = (name: string) => unitRows.findIndex(([unit]) => unit === name);
    const indentOf = (name: string) => unitRows[placeOf(name)]?.[1] ?? 0;
    expect(unitRows[0]?.[1]).toBeUndefined();
    expect(placeOf('汉台派出所')).toBeGreaterThan(placeOf('汉台分局'));
    expect(indentOf('汉台派出所')).toBe(indentOf('汉台分局') + 1);
    expect(indentOf('南郑分局')).toBe(indentOf('汉台分局'));
  });

  it("exports a branch's report under its unit's name, its total row naming the unit", async () => {
    const json = await reportAt('?phase=survey&unit=nanzheng');
    const csv = await get('/api/campaigns/1/report?phase=survey&unit=nanzheng&format=csv&lang=zh');
    expect(csv.headers.get('content-disposition')).toMatch(/hz-2026-nanzheng-survey-\d{4}-\d{2}-\d{2}\.csv/);
    const parsed = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, '')).data;
    const column = (parsed[0] ?? []).indexOf(reportFigureLabels.cluesFound.zh);
    const total = parsed.filter((line) => line.length > 1).at(-1);
    expect(total?.[0]).toBe('合计（南郑分局）');
    expect(Number(total?.[column])).toBe(json.total.figures.cluesFound);
    expect(parsed.filter((line) => line[0]?.startsWith('单位：')).map((line) => line[0])).toEqual(['单位：南郑分局']);
    // Every category in use, in the campaign's order, one in which the unit did nothing as a row of zeros: a category
    // missing from a unit's table read as one forgotten.
    const inUse = await database.db.select({ id: categories.id, nameZh: categories.nameZh }).from(categories).where(and(eq(categories.campaignId, 1), isNull(categories.retiredAt))).orderBy(asc(categories.sortOrder));
    const categoryLines = parsed.filter((line) => line[0]?.startsWith('类别：'));
    expect(categoryLines.map((line) => line[0]?.slice('类别：'.length)).filter((name) => name !== '未分类')).toEqual(inUse.map((c) => c.nameZh));
    const quiet = inUse.filter((c) => json.byCategory[String(c.id)] === undefined);
    expect(quiet.length, 'a category in which Nanzheng did nothing in the survey').toBeGreaterThan(0);
    for (const category of quiet) expect(Number(categoryLines.find((line) => line[0] === `类别：${category.nameZh}`)?.[column])).toBe(0);
    const both = await get('/api/campaigns/1/report?phase=survey&unit=nanzheng&category=8&format=csv&lang=zh');
    // The category by its code, as the bureau knows it, not its row's number.
    expect(both.headers.get('content-disposition')).toMatch(/hz-2026-nanzheng-fraud-survey-/);
    expect(Papa.parse<string[]>((await both.text()).replace(/^\uFEFF/, '')).data.filter((line) => line.length > 1).at(-1)?.[0]).toBe('合计（南郑分局 · 电信网络诈骗）');
  });

  it('freezes the report of a phase when the office advances out of it; later edits do not change it', async () => {
    // 2 September: the consolidation window is open; the office advances, with a reason for unmet criteria.
    const at = new Date('2026-09-02T02:00:00Z');
    const office = await signIn(testApp(database, at), 'office');
    const detail = (await (await office.get('/api/campaigns/1')).json()) as { version: number; state: string };
    expect(detail.state).toBe('crackdown');
    expect((await get('/api/campaigns/1/reports/crackdown', at)).status).toBe(404);
    const advanced = await office.send('POST', '/api/campaigns/1/advance', { version: detail.version, reason: '按期转入巩固提升阶段' });
    expect(advanced.status).toBe(200);
    const frozen = (await (await get('/api/campaigns/1/reports/crackdown', at)).json()) as Report;
    expect(frozen.frozen?.hash).toMatch(/^[0-9a-f]{64}$/);
    // The official record says its own period: to the advance, not open-ended (it was frozen before the row said so).
    expect(frozen.span).toEqual({ from: expect.any(String), to: at.toISOString(), asOf: at.toISOString() });
    // Its units' targets against its figures, as they stood at the advance: in the text its hash is of.
    expect(frozen.targets).toEqual((await reportAt('?phase=crackdown', at)).targets);
    expect(frozen.targets?.some((t) => t.actual < t.target)).toBe(true);
    const [stored] = await database.db.select().from(frozenReports).where(eq(frozenReports.phase, 'crackdown'));
    expect((JSON.parse(stored?.report ?? '{}') as Report).targets).toEqual(frozen.targets);
    const [clue] = await database.db.select().from(clues).where(and(eq(clues.state, 'verifying')));
    const later = new Date('2026-09-03T02:00:00Z');
    const office2 = await signIn(testApp(database, later), 'office');
    expect((await office2.send('POST', `/api/clues/${clue?.id}/transitions`, { to: 'unfounded', version: clue?.version, payload: { conclusion: '查无实据' } })).status).toBe(200);
    const again = (await (await get('/api/campaigns/1/reports/crackdown', later)).json()) as Report;
    expect(again).toEqual(frozen);
  });

  it('counts a branch\'s escalations by the unit that held each item when it was raised', async () => {
    const later = new Date('2026-09-10T00:00:00+08:00');
    expect((await sweepDeadlines(database, later)).raised).toBeGreaterThan(0);
    const [whole, hantai, nanzheng] = [await reportAt('', later), await reportAt('?unit=hantai', later), await reportAt('?unit=nanzheng', later)];
    // A branch's report counts the units below it with its own (Hantai has a police station since the test above).
    const raisedFor = async (unit: string) =>
      (
        await database.client.execute({
          sql: 'select level, count(*) as n from escalations where campaign_id = 1 and unit_id in (select id from units where id = ?1 or parent_id = ?1) group by level',
          args: [unit],
        })
      ).rows.reduce(
        (levels, row) => ({ ...levels, [Number(row.level)]: Number(row.n) }),
        { 1: 0, 2: 0, 3: 0 },
      );
    expect(hantai.escalationsRaised).toEqual(await raisedFor('hantai'));
    expect(nanzheng.escalationsRaised).toEqual(await raisedFor('nanzheng'));
    const sum = (levels: Record<1 | 2 | 3, number>) => levels[1] + levels[2] + levels[3];
    expect(sum(hantai.escalationsRaised)).toBeGreaterThan(0);
    expect(sum(whole.escalationsRaised)).toBeGreaterThan(sum(hantai.escalationsRaised) + sum(nanzheng.escalationsRaised));
    // A category's: the escalations of its items.
    const fraud = await reportAt('?category=8', later);
    const fraudRaised = (
      await database.client.execute(`select level, count(*) as n from escalations e where campaign_id = 1 and (
        (subject = 'clue' and subject_id in (select id from clues where category_id = 8)) or (subject = 'problem' and subject_id in (select id from problems where category_id = 8)))
        group by level`)
    ).rows.reduce((levels, row) => ({ ...levels, [Number(row.level)]: Number(row.n) }), { 1: 0, 2: 0, 3: 0 });
    expect(fraud.escalationsRaised).toEqual(fraudRaised);
    expect(sum(fraud.escalationsRaised)).toBeGreaterThan(0);
    expect(sum(fraud.escalationsRaised)).toBeLessThan(sum(whole.escalationsRaised));
    // The items with no category: their escalations.
    const uncategorised = await reportAt('?category=none', later);
    const uncategorisedRaised = (
      await database.client.execute(`select level, count(*) as n from escalations e where campaign_id = 1 and (
        (subject = 'clue' and subject_id in (select id from clues where category_id is null)) or (subject = 'problem' and subject_id in (select id from problems where category_id is null)))
        group by level`)
    ).rows.reduce((levels, row) => ({ ...levels, [Number(row.level)]: Number(row.n) }), { 1: 0, 2: 0, 3: 0 });
    expect(uncategorised.escalationsRaised).toEqual(uncategorisedRaised);
    expect(sum(uncategorised.escalationsRaised)).toBeLessThan(sum(whole.escalationsRaised));
  });
});

describe('the demo history', () => {

  it('counts an escalation raised at the instant a span ends in the span after it, not in both', async () => {
    const later = new Date('2026-09-10T00:00:00+08:00');
    await sweepDeadlines(database, later);
    const [row] = (await database.client.execute('select raised_at as at from escalations where campaign_id = 1 order by raised_at desc limit 1')).rows;
    const at = String(row?.at);
    const sum = (levels: Record<1 | 2 | 3, number>) => levels[1] + levels[2] + levels[3];
    const [before, after, whole] = [await reportAt(`?to=${at}`, later), await reportAt(`?from=${at}`, later), await reportAt('', later)];
    expect(sum(after.escalationsRaised)).toBeGreaterThan(0);
    expect(sum(before.escalationsRaised) + sum(after.escalationsRaised)).toBe(sum(whole.escalationsRaised));
  });
  it('has the reports of the phases it already left frozen at the instant it left them', async () => {
    const fresh = await testDatabase({ clues: 60, problems: 5 });
    const viewer = await signIn(testApp(fresh), 'viewer');
    const response = await viewer.get('/api/campaigns/1/reports/survey');
    expect(response.status).toBe(200);
    const frozen = (await response.json()) as Report;
    const [campaign] = await fresh.db.select().from(campaigns);
    expect(frozen.frozen?.frozenAt).toBe(campaign?.context.phaseEnteredAt.crackdown);
    expect(frozen.generatedAt).toBe(frozen.frozen?.frozenAt);
    expect(frozen.total.figures.cluesFound).toBeGreaterThan(0);
    // Frozen at the instant the survey ended, it equals the live report of the survey (nothing rewrites history).
    const live = (await (await viewer.get('/api/campaigns/1/report?phase=survey')).json()) as Report;
    expect(frozen.total).toEqual(live.total);
    expect(frozen.byUnit).toEqual(live.byUnit);
    expect((await viewer.get('/api/campaigns/1/reports/crackdown')).status).toBe(404);
    expect([frozen.unit, frozen.categoryId]).toEqual([null, null]);

    // A report frozen before reports had a scope has neither field in its stored text: it is read as the whole campaign's, its hash unchanged.
    const [row] = await fresh.db.select().from(frozenReports).where(eq(frozenReports.phase, 'survey'));
    const { unit: _unit, categoryId: _categoryId, ...older } = JSON.parse(row?.report ?? '{}') as Record<string, unknown>;
    const olderText = JSON.stringify(older);
    await fresh.write((tx) => tx.update(frozenReports).set({ report: olderText, hash: reportHash(olderText) }).where(eq(frozenReports.phase, 'survey')));
    const read = (await (await viewer.get('/api/campaigns/1/reports/survey')).json()) as Report;
    expect(reportSchema.safeParse(read).success).toBe(true);
    expect([read.unit, read.categoryId]).toEqual([null, null]);
    expect(read.frozen?.hash).toBe(reportHash(olderText));
    expect(read.total).toEqual(frozen.total);
    await fresh.drop();
  });
});
