import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { and, count, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, clues, problems } from '../../db/schema';
import { openClueStates, openProblemStates } from '../../engine';
import { signIn, testApp, type Session } from '../../test/support/api-client';
import { demoPassword, testDatabase, testNow } from '../../test/support/test-database';
import { startTestServer } from '../../test/support/test-server';
import { insertClueCopies } from '../../test/support/clue-copies';
import { listColumnLabels, listPage as listPageSchema, type ListPage } from '../contracts/lists';

let database: Awaited<ReturnType<typeof testDatabase>>;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 200, problems: 30 });
  office = await signIn(testApp(database), 'office');
});
afterAll(() => database.drop());

async function page(session: Session, list: string, query = ''): Promise<ListPage> {
  const response = await session.get(`/api/campaigns/1/lists/${list}${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as ListPage;
  expect(listPageSchema.safeParse(body).success).toBe(true);
  return body;
}

/** Every item of a list under a query, page by page through the cursors. */
async function everyPage(session: Session, list: string, query: string, limit: number): Promise<{ pages: number; items: ListPage['items']; total: number }> {
  const items: ListPage['items'] = [];
  let cursor: string | null = null;
  let pages = 0;
  let total = 0;
  do {
    const sep: string = query === '' ? '?' : '&';
    const body: ListPage = await page(session, list, `${query}${sep}limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`);
    items.push(...body.items);
    total = body.total;
    cursor = body.next;
    pages += 1;
  } while (cursor !== null);
  return { pages, items, total };
}

const ids = async (where: SQL | undefined) =>
  (await database.db.select({ id: clues.id }).from(clues).where(where)).map((r) => r.id).sort((a, b) => b - a);

describe('GET /api/campaigns/:id/lists/clues', () => {
  it('pages through every clue once, newest first, with the total over all pages', async () => {
    const all = await everyPage(office, 'clues', '', 70);
    const [row] = await database.db.select({ n: count() }).from(clues);
    expect(all.total).toBe(row?.n);
    expect(all.pages).toBe(Math.ceil((row?.n ?? 0) / 70));
    expect(all.items.map((i) => i.id)).toEqual(await ids(undefined));
  });

  it('filters by unit, category, state, assignee, overdue and text, each as independent SQL counts them', async () => {
    const [sample] = await database.db.select().from(clues).where(and(eq(clues.state, 'verifying')));
    expect(sample).toBeDefined();
    if (sample === undefined) return;
    const cases: [string, Awaited<ReturnType<typeof ids>>][] = [
      [`?unit=${sample.unitId}`, await ids(eq(clues.unitId, sample.unitId))],
      [`?category=${sample.categoryId ?? 'none'}`, await ids(sample.categoryId === null ? isNull(clues.categoryId) : eq(clues.categoryId, sample.categoryId))],
      ['?state=filed', await ids(eq(clues.state, 'filed'))],
      [
        `?unit=${sample.unitId}&state=verifying&category=${sample.categoryId ?? 'none'}`,
        await ids(and(eq(clues.unitId, sample.unitId), eq(clues.state, 'verifying'), sample.categoryId === null ? isNull(clues.categoryId) : eq(clues.categoryId, sample.categoryId))),
      ],
      [`?assignee=${sample.assigneeId}`, await ids(eq(clues.assigneeId, sample.assigneeId ?? 0))],
      ['?assignee=none', await ids(isNull(clues.assigneeId))],
      ['?overdue=true', await ids(lt(clues.dueAt, testNow.toISOString()))],
      [`?q=${encodeURIComponent(sample.title.slice(0, 4))}`, await ids(sql`instr(${clues.title}, ${sample.title.slice(0, 4)}) > 0`)],
      [`?q=${sample.id}`, await ids(sql`${clues.id} = ${sample.id} or instr(${clues.title}, ${String(sample.id)}) > 0`)],
      // The number as every card shows it, #60, or typed with a Chinese keyboard's ＃.
      [`?q=${encodeURIComponent(`#${sample.id}`)}`, await ids(sql`${clues.id} = ${sample.id} or instr(${clues.title}, ${`#${sample.id}`}) > 0`)],
      [`?q=${encodeURIComponent(`＃${sample.id}`)}`, await ids(sql`${clues.id} = ${sample.id} or instr(${clues.title}, ${`＃${sample.id}`}) > 0`)],
      [`?unit=${sample.unitId}&state=verifying&overdue=false`, await ids(and(eq(clues.unitId, sample.unitId), eq(clues.state, 'verifying'), sql`(${clues.dueAt} is null or ${clues.dueAt} >= ${testNow.toISOString()})`))],
    ];
    for (const [query, expected] of cases) {
      const all = await everyPage(office, 'clues', query, 500);
      expect(all.items.map((i) => i.id), query).toEqual(expected);
      expect(all.total, query).toBe(expected.length);
    }
    expect((await page(office, 'clues', '?overdue=true')).items.every((i) => i.level >= 2)).toBe(true);
  });

  it('shows a unit lead their own unit only, as the board does', async () => {
    const lead = await signIn(testApp(database), 'hantai.lead');
    const all = await everyPage(lead, 'clues', '', 500);
    expect(all.items.map((i) => i.id)).toEqual(await ids(eq(clues.unitId, 'hantai')));
    expect(all.items.length).toBeGreaterThan(0);
    // Another unit's filter (a link the office shared) is refused by name, on the list and the board: answered with
    // nothing, it read as a unit with no clues.
    for (const path of ['/api/campaigns/1/lists/clues?unit=chenggu', '/api/campaigns/1/board?unit=chenggu']) {
      const other = await lead.get(path);
      expect(other.status, path).toBe(400);
      expect(((await other.json()) as { fields: unknown[] }).fields).toEqual([
        { field: 'query.unit', message: { zh: '城固县公安局不在您可查看的范围内（您可查看本单位及下级单位的事项）', en: 'Chenggu County Bureau is outside the units you see (your own and those below it)' } },
      ]);
    }
    // Their own unit, or one below it, is a filter still.
    expect((await page(lead, 'clues', '?unit=hantai')).total).toBe(all.items.length);
  });

  it('answers bad filters with problem+json naming the field', async () => {
    for (const [query, field] of [
      ['?state=rectifying', 'query.state'],
      ['?unit=atlantis', 'query.unit'],
      ['?category=abc', 'query.category'],
      ['?category=9999', 'query.category'],
      ['?assignee=100000', 'query.assignee'],
      ['?overdue=maybe', 'query.overdue'],
      ['?cursor=bm90LWEta2V5', 'query.cursor'],
      ['?sort=title', 'query'],
    ] as const) {
      const response = await office.get(`/api/campaigns/1/lists/clues${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = (await response.json()) as { code: string; fields: { field: string; message: { zh: string; en: string } }[] };
      expect(body.code).toBe('bad_request');
      expect(body.fields.map((f) => f.field).some((f) => f === field || f.startsWith(`${field}.`)), `${query}: ${JSON.stringify(body.fields)}`).toBe(true);
      expect(body.fields[0]?.message.zh).not.toBe('');
    }
    // An id filter that is neither a number nor `none` says what it takes, not just that the format is wrong.
    const notAnId = (await (await office.get('/api/campaigns/1/lists/clues?assignee=abc')).json()) as { fields: { field: string; message: { zh: string; en: string } }[] };
    expect(notAnId.fields).toEqual([{ field: 'query.assignee', message: { zh: '应为数字，或 none（无）', en: 'A number, or none' } }]);
    // Every filter that names nothing is said at once, not the first alone.
    const none = (await (await office.get('/api/campaigns/1/lists/problems?unit=atlantis&category=9999&assignee=100000&state=verifying')).json()) as { fields: { field: string }[] };
    expect(none.fields.map((f) => f.field)).toEqual(['query.unit', 'query.category', 'query.assignee', 'query.state']);
    expect((await office.get('/api/campaigns/1/lists/suspects')).status).toBe(400);
    expect((await office.get('/api/campaigns/99/lists/clues')).status).toBe(404);
  });
});

describe('GET /api/campaigns/:id/lists/responsibility', () => {
  it('lists every open clue and problem, unit → person → due time, with groups that add up', async () => {
    const all = await everyPage(office, 'responsibility', '', 45);
    const [openClues] = await database.db.select({ n: count() }).from(clues).where(inArray(clues.state, [...openClueStates]));
    const [openProblems] = await database.db.select({ n: count() }).from(problems).where(inArray(problems.state, [...openProblemStates]));
    expect(all.total).toBe((openClues?.n ?? 0) + (openProblems?.n ?? 0));
    expect(all.items).toHaveLength(all.total);
    expect(new Set(all.items.map((i) => `${i.kind}${i.id}`)).size).toBe(all.total);
    expect(all.items.some((i) => i.kind === 'problem')).toBe(true);
    // Small pages start inside a person's items more often: the same items, in the same order.
    const small = await everyPage(office, 'responsibility', '', 7);
    expect(small.items.map((i) => `${i.kind}${i.id}`)).toEqual(all.items.map((i) => `${i.kind}${i.id}`));

    const first = await page(office, 'responsibility', '');
    expect(first.groups.reduce((n, g) => n + g.open, 0)).toBe(all.total);
    // The items come in the groups' order, and within a person most urgent first.
    const groupOrder = first.groups.map((g) => `${g.unitId}|${g.assigneeId}`);
    const seen = all.items.map((i) => `${i.unitId}|${i.assigneeId}`).filter((key, i, keys) => key !== keys[i - 1]);
    expect(seen).toEqual(groupOrder);
    for (const group of first.groups) {
      const items = all.items.filter((i) => i.unitId === group.unitId && i.assigneeId === group.assigneeId);
      expect(items).toHaveLength(group.open);
      expect(items.filter((i) => i.level >= 2)).toHaveLength(group.overdue);
      const dues = items.map((i) => i.dueAt ?? '~');
      expect(dues).toEqual([...dues].sort());
      expect(group.nextDueAt).toBe(items.find((i) => i.dueAt !== null)?.dueAt ?? null);
    }
  });

  it('takes an open state of either kind, and refuses a closed one', async () => {
    const rectifying = await page(office, 'responsibility', '?state=rectifying&limit=500');
    const [row] = await database.db.select({ n: count() }).from(problems).where(eq(problems.state, 'rectifying'));
    expect(rectifying.total).toBe(row?.n);
    expect(rectifying.items.every((i) => i.kind === 'problem')).toBe(true);
    expect((await office.get('/api/campaigns/1/lists/responsibility?state=prosecuted')).status).toBe(400);
  });
});

describe('list exports', () => {
  it('say the filters they were made under: in the file\'s name, on the sheet\'s tab, and on a sheet of their own beside the table, printed in its page header', async () => {
    const filtered = '/api/campaigns/1/lists/clues?unit=hantai&overdue=true&quiet=30&q=%E7%BD%91%E7%BB%9C';
    const csv = await office.get(`${filtered}&format=csv&lang=zh`);
    expect(csv.headers.get('content-disposition')).toMatch(/filename="hz-\d{4}-hantai-overdue-quiet30-search-clues-2026-06-15\.csv"/);
    const zh = new ExcelJS.Workbook();
    await zh.xlsx.load(await (await office.get(`${filtered}&format=xlsx&lang=zh`)).arrayBuffer());
    expect(zh.worksheets.map((sheet) => sheet.name)).toEqual(['线索清单（已筛选）', '说明']);
    const said = zh.worksheets[1]?.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(said).toEqual(['筛选条件：汉台分局 · 仅看超期 · 30 天无进展 · “网络”', expect.stringMatching(/^导出时间 2026-06-15 \d{2}:\d{2}（北京时间）$/)]);
    expect(zh.worksheets[0]?.headerFooter.oddHeader).toContain('筛选条件：汉台分局');
    // The table is still headed on its first row, to be sorted, filtered or imported as any other.
    expect(zh.worksheets[0]?.getRow(1).getCell(1).value).toBe(listColumnLabels.id.zh);

    const en = new ExcelJS.Workbook();
    await en.xlsx.load(await (await office.get(`/api/campaigns/1/lists/problems?assignee=none&category=none&format=xlsx&lang=en`)).arrayBuffer());
    expect(en.worksheets.map((sheet) => sheet.name)).toEqual(['Problem list (filtered)', 'About']);
    expect(en.worksheets[1]?.getColumn(1).values.filter((v) => typeof v === 'string')[0]).toBe('Filters: Uncategorised · Unassigned');

    // A whole list says nothing of filters: one sheet, named as the list.
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load(await (await office.get('/api/campaigns/1/lists/clues?format=xlsx&lang=zh')).arrayBuffer());
    expect(whole.worksheets.map((sheet) => sheet.name)).toEqual(['线索清单']);
  });

  it('writes the whole filtered list as CSV and XLSX that parse back to the same items, headed in the chosen language', async () => {
    const json = await everyPage(office, 'clues', '?state=filed', 500);
    const csv = await office.get('/api/campaigns/1/lists/clues?state=filed&format=csv&lang=zh&limit=5');
    expect(csv.status).toBe(200);
    // Named for what it holds: the state asked for.
    expect(csv.headers.get('content-disposition')).toMatch(/filename="hz-\d{4}-filed-clues-2026-06-15\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // The byte order mark Excel needs (fetch's text() would hide it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes)).data;
    expect(rows[0]?.slice(0, 3)).toEqual([listColumnLabels.id.zh, listColumnLabels.title.zh, listColumnLabels.state.zh]);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(json.items.map((i) => i.id));
    expect(rows.slice(1).map((r) => r[1])).toEqual(json.items.map((i) => i.title));
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['已立案侦查']));
    // A deadline as its last day, as the card says it: it is the end of a local day (Asia/Shanghai, UTC+8), not the next day's 00:00.
    const due = rows[0]?.indexOf(listColumnLabels.dueAt.zh) ?? -1;
    const lastDay = (at: string | null) => (at === null ? '' : new Date(Date.parse(at) - 1 + 8 * 3_600_000).toISOString().slice(0, 10));
    expect(json.items.some((i) => i.dueAt !== null)).toBe(true);
    expect(rows.slice(1).map((r) => r[due])).toEqual(json.items.map((i) => lastDay(i.dueAt)));

    const xlsx = await office.get('/api/campaigns/1/lists/responsibility?format=xlsx&lang=en');
    expect(xlsx.headers.get('content-disposition')).toMatch(/filename="hz-\d{4}-responsibility-2026-06-15\.xlsx"/);
    // A lead's list is of their unit, and its file says so: not the name of the office's whole campaign.
    const lead = await signIn(testApp(database), 'hantai.lead');
    expect((await lead.get('/api/campaigns/1/lists/clues?format=csv')).headers.get('content-disposition')).toMatch(/filename="hz-\d{4}-hantai-clues-2026-06-15\.csv"/);
    expect((await office.get('/api/campaigns/1/lists/clues?format=csv&unit=nanzheng&category=8')).headers.get('content-disposition')).toMatch(/filename="hz-\d{4}-nanzheng-fraud-clues-2026-06-15\.csv"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Responsibility list');
    // A campaign still running judges its deadlines now, the file's day: nothing says otherwise (see concluded-deadlines.test.ts).
    expect(workbook.worksheets).toHaveLength(1);
    // ExcelJS reads a sheet with no printed header as none at all.
    expect(sheet?.headerFooter ?? null).toBeNull();
    const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 4)).toEqual([listColumnLabels.unit.en, listColumnLabels.assignee.en, listColumnLabels.kind.en, listColumnLabels.id.en]);
    // The deadline's status is headed as such beside the deadline itself, not "Deadline" over "On time" beside "Due" over a date.
    expect(values(1).slice(-2)).toEqual(['Due', 'Deadline status']);
    expect(rows[0]?.slice(-2)).toEqual(['办理时限', '时限状态']);
    const responsibility = await everyPage(office, 'responsibility', '', 500);
    expect(sheet?.rowCount).toBe(responsibility.total + 1);
    // Every row in the order the pages give, sorted here for the export as SQL sorts a page.
    expect(Array.from({ length: responsibility.total }, (_, i) => values(i + 2)[3])).toEqual(responsibility.items.map((i) => i.id));
    expect(values(responsibility.total + 1)[4]).toBe(responsibility.items.at(-1)?.title);
    // Times and days are the spreadsheet's dates, in the campaign's zone (UTC+8), so that a clerk can sort and filter by them.
    const entered = values(1).indexOf(listColumnLabels.enteredAt.en);
    const dueDay = values(1).indexOf(listColumnLabels.dueAt.en);
    const dated = responsibility.items.findIndex((i) => i.dueAt !== null);
    const item = responsibility.items[dated];
    if (item?.dueAt == null) throw new Error('no item with a deadline');
    const row = sheet?.getRow(dated + 2);
    const enteredMs = Date.parse(item.enteredAt);
    expect(row?.getCell(entered + 1).value).toEqual(new Date(enteredMs - (enteredMs % 60_000) + 8 * 3_600_000));
    expect(row?.getCell(entered + 1).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row?.getCell(dueDay + 1).value).toEqual(new Date(`${lastDay(item.dueAt)}T00:00:00Z`));
    expect(row?.getCell(dueDay + 1).numFmt).toBe('yyyy-mm-dd');
  });

  it('shows when each item of the responsibility list last had a work note, on the page and in the export', async () => {
    const [item] = (await page(office, 'responsibility', '?limit=1')).items;
    if (item === undefined) throw new Error('an empty responsibility list');
    expect((await office.send('POST', `/api/${item.kind === 'clue' ? 'clues' : 'problems'}/${item.id}/notes`, { text: '已督促责任人' })).status).toBe(200);
    expect((await page(office, 'responsibility', '?limit=1')).items[0]).toMatchObject({ id: item.id, lastNoteAt: testNow.toISOString() });

    const all = await everyPage(office, 'responsibility', '', 500);
    const rows = Papa.parse<string[]>(await (await office.get('/api/campaigns/1/lists/responsibility?format=csv&lang=zh')).text()).data;
    const column = rows[0]?.indexOf(listColumnLabels.lastNoteAt.zh) ?? -1;
    expect(column).toBeGreaterThan(0);
    // Each row's note time is the page's, in the campaign's zone (Asia/Shanghai, UTC+8 all year); testNow is 10:00 there.
    const local = (at: string | null) => (at === null ? '' : new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
    expect(rows.slice(1).filter((r) => r.length > 1).map((r) => [r[3], r[column]])).toEqual(all.items.map((i) => [String(i.id), local(i.lastNoteAt)]));
    expect(rows.find((r) => r[3] === String(item.id))?.[column]).toBe('2026-06-15 10:00');
    // The demo's units have written notes of their own along the way.
    expect(all.items.filter((i) => i.lastNoteAt !== null && i.id !== item.id).length).toBeGreaterThan(10);
  });

  it('finds the items with no progress for some days (no work note, no file attached and no move into their state since), and a note takes one out', async () => {
    const cutoff = new Date(testNow.getTime() - 30 * 86_400_000).toISOString();
    const filed = await database.db.select({ subject: attachments.subject, id: attachments.subjectId, at: attachments.attachedAt }).from(attachments);
    const attachedSince = new Set(filed.filter((f) => f.at >= cutoff).map((f) => `${f.subject}:${f.id}`));
    const quietSince = (i: ListPage['items'][number]) => i.enteredAt < cutoff && (i.lastNoteAt === null || i.lastNoteAt < cutoff) && !attachedSince.has(`${i.kind}:${i.id}`);
    const all = await everyPage(office, 'responsibility', '', 500);
    const quiet = await everyPage(office, 'responsibility', '?quiet=30', 500);
    expect(quiet.items.length).toBeGreaterThan(0);
    expect(quiet.items.map((i) => i.id)).toEqual(all.items.filter(quietSince).map((i) => i.id));
    expect(quiet.total).toBe(quiet.items.length);

    const [first] = quiet.items;
    if (first === undefined) throw new Error('nothing quiet');
    expect((await office.send('POST', `/api/${first.kind === 'clue' ? 'clues' : 'problems'}/${first.id}/notes`, { text: '已电话督促' })).status).toBe(200);
    const after = await everyPage(office, 'responsibility', '?quiet=30', 500);
    expect(after.items.map((i) => `${i.kind}:${i.id}`)).not.toContain(`${first.kind}:${first.id}`);
    expect(after.total).toBe(quiet.total - 1);
    // The clue list takes the filter too; a span out of range is refused by name.
    const clues = await everyPage(office, 'clues', '?quiet=30', 500);
    expect(clues.items.every(quietSince)).toBe(true);
    // A closed clue waits for no one: it is never "without progress".
    expect(clues.items.length).toBeGreaterThan(0);
    expect(clues.items.every((i) => (openClueStates as readonly string[]).includes(i.state))).toBe(true);
    const bad = await office.get('/api/campaigns/1/lists/responsibility?quiet=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['query.quiet']);
  });

  it('writes a title that looks like a formula as text: a quote in CSV, a string cell in XLSX', async () => {
    const title = '=HYPERLINK("http://evil.example/","点击查看")';
    const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title, source: 'other' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    for (const lead of ['+86 138', '-1+1', '@SUM(A1)']) {
      expect((await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: `${lead} 线索`, source: 'other' })).status).toBe(201);
    }

    const csv = Papa.parse<string[]>((await (await office.get(`/api/campaigns/1/lists/clues?q=${id}&format=csv`)).text())).data;
    expect(csv[1]?.[1]).toBe(`'${title}`);
    const others = Papa.parse<string[]>((await (await office.get(`/api/campaigns/1/lists/clues?q=${encodeURIComponent(' 线索')}&unit=hantai&format=csv`)).text())).data;
    const titles = others.slice(1).map((r) => r[1]);
    for (const lead of ['+86 138', '-1+1', '@SUM(A1)']) expect(titles).toContain(`'${lead} 线索`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await office.get(`/api/campaigns/1/lists/clues?q=${id}&format=xlsx`)).arrayBuffer());
    const cell = workbook.worksheets[0]?.getRow(2).getCell(2);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe(title);
  });
});

describe('exporting a long list', () => {
  it('writes every item once, newest first, and lets other requests through while it writes', async () => {
    const large = await testDatabase({ clues: 20, problems: 2 });
    // 12,000 copies of a clue: more than two parts of what the export reads and writes between turns.
    await insertClueCopies(large, 12000, { title: '导出测试' });
    const server = await startTestServer(large);
    try {
      const login = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office', password: demoPassword }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const finished: string[] = [];
      const exporting = fetch(`${server.url}/api/campaigns/1/lists/clues?format=csv`, { headers: { cookie } }).then((r) => {
        finished.push('export');
        return r.text();
      });
      // Sent while the export is being written, over a real socket: answered between its parts, before the
      // export's answer begins, not after all of it.
      await new Promise((settled) => setTimeout(settled, 30));
      const health = fetch(`${server.url}/api/health`).then((r) => {
        finished.push('health');
        return r.status;
      });
      const [csv, status] = await Promise.all([exporting, health]);
      expect(status).toBe(200);
      expect(finished).toEqual(['health', 'export']);
      const rows = Papa.parse<string[]>(csv.slice(1)).data.slice(1).filter((row) => row.length > 1);
      const ids = rows.map((row) => Number(row[0]));
      const [stored] = await large.db.select({ n: count() }).from(clues);
      expect(ids.length).toBe(stored?.n);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    } finally {
      await server.close();
      await large.drop();
    }
  }, 60_000);
});
