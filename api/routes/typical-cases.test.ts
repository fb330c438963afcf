import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, categories, clues, users } from '../../db/schema';
import { movingClockApp, signIn, type Session } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import type { HistoryEntry, ItemDetail } from '../contracts/items';
import { typicalCases as typicalCasesSchema, type TypicalCases } from '../contracts/typical-cases';
import { staleVersionOf } from '../../test/support/stale-version';

let database: Awaited<ReturnType<typeof testDatabase>>;
let setClock: (at: Date) => void;
let office: Session;
let viewer: Session;

/** Minutes after the test's instant (mid-crackdown): the clock each step runs at. */
const at = (minutes: number) => new Date(testNow.getTime() + minutes * 60_000);

beforeAll(async () => {
  database = await testDatabase({ clues: 120, problems: 6 });
  const moving = movingClockApp(database, testNow);
  setClock = moving.setClock;
  office = await signIn(moving.app, 'office');
  viewer = await signIn(moving.app, 'viewer');
});
afterAll(() => database.drop());

/** Solved or prosecuted clues, by id: each test takes its own. */
async function solvedClues(): Promise<{ id: number; unitId: string; categoryId: number | null }[]> {
  return database.db.select({ id: clues.id, unitId: clues.unitId, categoryId: clues.categoryId }).from(clues).where(inArray(clues.state, ['solved', 'prosecuted'])).orderBy(asc(clues.id));
}

const item = async (id: number) => (await (await office.get(`/api/clues/${id}`)).json()) as ItemDetail;

async function register(query: string): Promise<TypicalCases> {
  const response = await viewer.get(`/api/campaigns/1/typical-cases${query}`);
  expect(response.status, query).toBe(200);
  const body = (await response.json()) as TypicalCases;
  expect(typicalCasesSchema.safeParse(body).success).toBe(true);
  return body;
}

const entries = async () => (await database.db.select({ seq: auditLog.seq }).from(auditLog)).length;

describe('choosing a typical case', () => {
  it('keeps the clue’s state, records the summary in its history, and lists it in the phase’s register', async () => {
    const [clue] = await solvedClues();
    if (clue === undefined) throw new Error('no solved clue');
    const before = await item(clue.id);
    setClock(at(1));
    const response = await office.send('POST', `/api/clues/${clue.id}/typical`, { version: before.version, summary: '  破获“好运来”网络赌博平台案，抓获犯罪嫌疑人12名  ' });
    expect(response.status).toBe(200);
    const chosen = (await response.json()) as ItemDetail;
    expect(chosen).toMatchObject({ state: before.state, version: before.version + 1, context: { typical: { summary: '破获“好运来”网络赌博平台案，抓获犯罪嫌疑人12名', markedAt: at(1).toISOString() } } });
    const history = (await (await office.get(`/api/clues/${clue.id}/history`)).json()) as HistoryEntry[];
    expect(history.at(-1)).toMatchObject({ event: 'clue.markTypical', fromState: before.state, toState: before.state, payload: { summary: '破获“好运来”网络赌博平台案，抓获犯罪嫌疑人12名' } });
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
    // Its card on the board is marked, as are those of its column the register lists (the demo's unit leads chose some), and no other.
    const board = (await (await office.get(`/api/campaigns/1/board?kind=clue&state=${before.state}&limit=500`)).json()) as { columns: { cards: { id: number; typical: boolean }[] }[] };
    const cards = board.columns[0]?.cards ?? [];
    expect(cards.find((c) => c.id === clue.id)?.typical).toBe(true);
    const registered = (await register('')).cases.filter((c) => c.state === before.state).map((c) => c.clueId);
    expect(cards.filter((c) => c.typical).map((c) => c.id).sort((a, b) => a - b)).toEqual(registered.sort((a, b) => a - b));

    const listed = (await register('?phase=crackdown')).cases.find((c) => c.clueId === clue.id);
    expect(listed).toMatchObject({
      title: before.title,
      caseNumber: before.context.caseNumber,
      unitId: clue.unitId,
      categoryId: clue.categoryId,
      state: before.state,
      summary: '破获“好运来”网络赌博平台案，抓获犯罪嫌疑人12名',
      chosenAt: at(1).toISOString(),
      revisedAt: at(1).toISOString(),
      outcome: before.context.outcome,
    });
    // Not in the survey's register, nor in a range that ended before it was chosen.
    expect((await register('?phase=survey')).cases.some((c) => c.clueId === clue.id)).toBe(false);
    expect((await register(`?to=${at(0).toISOString()}`)).cases.some((c) => c.clueId === clue.id)).toBe(false);
  });

  it('revises the summary when chosen again, the register showing each as it stood', async () => {
    const [, clue] = await solvedClues();
    if (clue === undefined) throw new Error('no second solved clue');
    setClock(at(10));
    const first = (await (await office.send('POST', `/api/clues/${clue.id}/typical`, { version: (await item(clue.id)).version, summary: '初稿' })).json()) as ItemDetail;
    setClock(at(20));
    expect((await office.send('POST', `/api/clues/${clue.id}/typical`, { version: first.version, summary: '定稿' })).status).toBe(200);
    const now = (await register('')).cases.find((c) => c.clueId === clue.id);
    expect(now).toMatchObject({ summary: '定稿', chosenAt: at(10).toISOString(), revisedAt: at(20).toISOString() });
    const then = (await register(`?asOf=${at(15).toISOString()}`)).cases.find((c) => c.clueId === clue.id);
    expect(then).toMatchObject({ summary: '初稿', revisedAt: at(10).toISOString() });
  });

  it('withdraws a case with a reason, and a case chosen again counts from then', async () => {
    const [, , clue] = await solvedClues();
    if (clue === undefined) throw new Error('no third solved clue');
    setClock(at(30));
    const chosen = (await (await office.send('POST', `/api/clues/${clue.id}/typical`, { version: (await item(clue.id)).version, summary: '拟宣传' })).json()) as ItemDetail;
    setClock(at(40));
    const withdrawn = await office.send('POST', `/api/clues/${clue.id}/typical/withdraw`, { version: chosen.version, reason: '案件尚在审查起诉，暂不宣传' });
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as ItemDetail).context).toMatchObject({ typical: null });
    expect((await register('')).cases.some((c) => c.clueId === clue.id)).toBe(false);
    expect((await register(`?asOf=${at(35).toISOString()}`)).cases.some((c) => c.clueId === clue.id)).toBe(true);
    setClock(at(50));
    await office.send('POST', `/api/clues/${clue.id}/typical`, { version: (await item(clue.id)).version, summary: '判决后宣传' });
    expect((await register('')).cases.find((c) => c.clueId === clue.id)).toMatchObject({ chosenAt: at(50).toISOString(), summary: '判决后宣传' });
  });

  it('answers every screen from one read while nothing changed, and the change at once after one, within the same minute', async () => {
    const [, , , clue] = await solvedClues();
    if (clue === undefined) throw new Error('no fourth solved clue');
    setClock(at(60));
    // Ten screens asking together get the same answer (one read of the log, see SharedAnswers).
    const screens = await Promise.all(Array.from({ length: 10 }, () => register('')));
    expect(new Set(screens.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(screens[0]?.cases.some((c) => c.clueId === clue.id)).toBe(false);
    // Chosen in the same minute: the next read has it, and so has a branch's register.
    const chosen = (await (await office.send('POST', `/api/clues/${clue.id}/typical`, { version: (await item(clue.id)).version, summary: '大屏展示' })).json()) as ItemDetail;
    expect((await register('')).cases.at(-1)).toMatchObject({ clueId: clue.id, summary: '大屏展示' });
    expect((await register(`?unit=${clue.unitId}`)).cases.some((c) => c.clueId === clue.id)).toBe(true);
    // Withdrawn in the same minute: gone again.
    await office.send('POST', `/api/clues/${clue.id}/typical/withdraw`, { version: chosen.version, reason: '撤下' });
    expect((await register('')).cases.some((c) => c.clueId === clue.id)).toBe(false);
    expect((await register(`?unit=${clue.unitId}`)).cases.some((c) => c.clueId === clue.id)).toBe(false);
  });

  it('withdraws a typical case merged into another clue, with the clue', async () => {
    const [, , , clue, target] = await solvedClues();
    if (clue === undefined || target === undefined) throw new Error('too few solved clues');
    setClock(at(55));
    const chosen = (await (await office.send('POST', `/api/clues/${clue.id}/typical`, { version: (await item(clue.id)).version, summary: '并案前选定' })).json()) as ItemDetail;
    expect((await register('')).cases.some((c) => c.clueId === clue.id)).toBe(true);
    setClock(at(56));
    const merged = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'merged', version: chosen.version, payload: { targetId: target.id, reason: '同一团伙' } });
    expect(merged.status).toBe(200);
    expect(((await merged.json()) as ItemDetail).context).toMatchObject({ typical: null, mergedInto: target.id });
    expect((await register('')).cases.some((c) => c.clueId === clue.id)).toBe(false);
    expect((await register(`?asOf=${at(55).toISOString()}`)).cases.some((c) => c.clueId === clue.id)).toBe(true);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('lists a unit’s cases under it and the units above it, and a category’s under it', async () => {
    const [clue] = await solvedClues();
    if (clue === undefined) throw new Error('no solved clue');
    const other = clue.unitId === 'hantai' ? 'nanzheng' : 'hantai';
    expect((await register(`?unit=${clue.unitId}`)).cases.some((c) => c.clueId === clue.id)).toBe(true);
    expect((await register('?unit=office')).cases.some((c) => c.clueId === clue.id)).toBe(true);
    expect((await register(`?unit=${other}`)).cases.some((c) => c.clueId === clue.id)).toBe(false);
    if (clue.categoryId !== null) {
      expect((await register(`?category=${clue.categoryId}`)).cases.every((c) => c.categoryId === clue.categoryId)).toBe(true);
      expect((await register(`?category=${clue.categoryId}`)).cases.some((c) => c.clueId === clue.id)).toBe(true);
    }
    // A case with no category (the demo gives each one: this one's is taken off before it is solved): listed under
    // category=none, as the lists and the report's 未分类 row take it, with no other.
    const [uncategorised] = await database.db.select({ id: clues.id }).from(clues).where(eq(clues.state, 'filed')).orderBy(asc(clues.id)).limit(1);
    if (uncategorised === undefined) throw new Error('no filed clue');
    setClock(at(70));
    expect((await office.send('PATCH', `/api/clues/${uncategorised.id}`, { categoryId: null, version: (await item(uncategorised.id)).version })).status).toBe(200);
    const outcome = { organisationType: 'none', suspectsCaught: 1, criminallyDetained: 1, arrested: 0, gunsSeized: 0, assetsSeizedYuan: 0, moneyInvolvedYuan: 0, moneyStoppedYuan: 0, moneyFrozenYuan: 0, moneyReturnedYuan: 0, victimsWarned: 0 };
    const solved = await office.send('POST', `/api/clues/${uncategorised.id}/transitions`, { to: 'solved', version: (await item(uncategorised.id)).version, payload: { outcome } });
    expect(solved.status, await solved.clone().text()).toBe(200);
    const chosen = await office.send('POST', `/api/clues/${uncategorised.id}/typical`, { version: (await item(uncategorised.id)).version, summary: '未分类线索的典型案例' });
    expect(chosen.status, await chosen.clone().text()).toBe(200);
    const none = await register('?category=none');
    expect(none.categoryId).toBe('none');
    expect(none.cases.some((c) => c.clueId === uncategorised.id)).toBe(true);
    expect(none.cases).toEqual((await register('')).cases.filter((c) => c.categoryId === null));
    const file = await viewer.get('/api/campaigns/1/typical-cases?format=csv&category=none');
    expect(file.headers.get('content-disposition')).toMatch(/-typical-cases-uncategorised-all-\d{4}-\d{2}-\d{2}\.csv/);
    const unknown = await viewer.get('/api/campaigns/1/typical-cases?unit=nowhere');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('query.unit');
  });

  it('is the unit lead’s or the office’s call, on a solved case, with a summary, at the version seen; a refusal stores nothing', async () => {
    const clue = (await solvedClues()).at(-1);
    if (clue === undefined) throw new Error('no solved clue');
    const { version } = await item(clue.id);
    const [officerRow] = await database.db.select({ username: users.username }).from(users).where(and(eq(users.unitId, clue.unitId), eq(users.role, 'officer'))).limit(1);
    const officer = await signIn(movingClockApp(database, at(60)).app, officerRow?.username ?? '');
    const lead = await signIn(movingClockApp(database, at(60)).app, `${clue.unitId}.lead`);
    const [open] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.state, 'verifying')).limit(1);
    if (open === undefined) throw new Error('no clue in verifying');
    const before = await entries();
    const refusals = [
      [await officer.send('POST', `/api/clues/${clue.id}/typical`, { version, summary: 's' }), 403],
      [await viewer.send('POST', `/api/clues/${clue.id}/typical`, { version, summary: 's' }), 403],
      [await office.send('POST', `/api/clues/${open.id}/typical`, { version: open.version, summary: 's' }), 422],
      [await office.send('POST', `/api/clues/${clue.id}/typical`, { version, summary: '   ' }), 400],
      [await office.send('POST', `/api/clues/${clue.id}/typical`, { version, summary: '长'.repeat(2001) }), 400],
      [await office.send('POST', `/api/clues/${clue.id}/typical`, { version: await staleVersionOf(database, 'clue', clue.id), summary: 's' }), 409],
      [await office.send('POST', `/api/clues/${clue.id}/typical/withdraw`, { version, reason: '不是典型' }), 422],
      [await office.send('POST', `/api/clues/${clue.id}/typical/withdraw`, { version }), 400],
      [await office.send('POST', '/api/clues/999999/typical', { version: 1, summary: 's' }), 404],
    ] as const;
    expect(refusals.map(([response]) => response.status)).toEqual(refusals.map(([, status]) => status));
    const summaryRefusal = (await refusals[3][0].json()) as { fields: { field: string }[] };
    expect(summaryRefusal.fields[0]?.field).toBe('summary');
    expect(await entries()).toBe(before);
    expect((await item(clue.id)).version).toBe(version);
    expect((await lead.send('POST', `/api/clues/${clue.id}/typical`, { version, summary: '分局推荐' })).status).toBe(200);
  });
});

describe('the register as a file', () => {
  it('exports CSV and XLSX with each case’s summary whole, in either language', async () => {
    const cases = (await register('')).cases;
    expect(cases.length).toBeGreaterThan(0);
    const csv = await viewer.get('/api/campaigns/1/typical-cases?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/typical-cases-all-\d{4}-\d{2}-\d{2}\.csv/);
    // A category by its code, as the report of the same scope names it.
    const [category] = await database.db.select({ id: categories.id, code: categories.code }).from(categories).where(eq(categories.campaignId, 1)).orderBy(asc(categories.id)).limit(1);
    const scoped = await viewer.get(`/api/campaigns/1/typical-cases?format=csv&unit=hantai&category=${category?.id}`);
    expect(scoped.headers.get('content-disposition')).toMatch(new RegExp(`-typical-cases-hantai-${category?.code}-all-\\d{4}-\\d{2}-\\d{2}\\.csv`));
    const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, '')).data;
    expect(rows[0]?.slice(0, 3)).toEqual(['编号', '案件编号', '线索标题']);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(cases.map((c) => c.clueId));
    expect(rows.slice(1).map((r) => r[7])).toEqual(cases.map((c) => c.summary));

    const xlsx = await viewer.get('/api/campaigns/1/typical-cases?format=xlsx&lang=en&phase=crackdown');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Typical cases');
    expect(sheet?.getRow(1).getCell(8).value).toBe('Summary');
    expect(sheet?.rowCount).toBe((await register('?phase=crackdown')).cases.length + 1);
  });
});
