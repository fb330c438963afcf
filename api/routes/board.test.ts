import { and, count, eq, inArray, lt, max, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, clues, users } from '../../db/schema';
import { clueStates, openClueStates, type OpenClueState } from '../../engine';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { board as boardSchema, type Board, type Card } from '../contracts/board';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase();
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

async function board(session: Session, query = ''): Promise<Board> {
  const response = await session.get(`/api/campaigns/1/board${query}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as Board;
  // Every answer matches the schema the OpenAPI document gives for it.
  expect(boardSchema.safeParse(body).success).toBe(true);
  return body;
}

/**
 * A column's first page as the board shows it once opened: a side column comes without cards in the
 * whole board, with a cursor to its first page (none when it is empty), read as the board reads it.
 */
async function cardsOf(session: Session, query: string, column: Board['columns'][number]): Promise<Card[]> {
  if (!column.side) return column.cards;
  expect(column.cards, column.state).toEqual([]);
  expect(column.next === null, column.state).toBe(column.count === 0);
  if (column.next === null) return [];
  const page = await board(session, `${query}${query.includes('?') ? '&' : '?'}state=${column.state}&cursor=${column.next}`);
  expect(page.columns.map((c) => c.count)).toEqual([column.count]);
  return page.columns[0]?.cards ?? [];
}

async function total(unitIds?: string[]) {
  const [row] = await database.db
    .select({ n: count() })
    .from(clues)
    .where(unitIds === undefined ? undefined : inArray(clues.unitId, unitIds));
  return row?.n ?? 0;
}

describe('GET /api/campaigns/:id/board', () => {
  it('gives every clue state as a column, in order, with counts that add up to the campaign', async () => {
    const b = await board(office);
    expect(b.columns.map((c) => c.state)).toEqual([...clueStates]);
    expect(b.columns.reduce((sum, c) => sum + c.count, 0)).toBe(await total());
    expect(b.columns.find((c) => c.state === 'found')?.wipLimit).toBe(4);
    expect(b.columns.filter((c) => c.side).map((c) => c.state)).toEqual(['unfounded', 'merged']);
  });

  it('gives a side column its count without its cards; its cursor reads it from the first card, page by page', async () => {
    const whole = await board(office, '?limit=2');
    for (const side of whole.columns.filter((c) => c.side)) {
      const [direct] = await database.db.select({ n: count() }).from(clues).where(and(eq(clues.campaignId, 1), eq(clues.state, side.state as 'unfounded')));
      expect(side.count, side.state).toBe(direct?.n);
      expect(side.count, `the seeded campaign has ${side.state} clues`).toBeGreaterThan(2);
      expect(side.cards).toEqual([]);
      const seen: number[] = [];
      let next = side.next;
      while (next !== null) {
        const page = await board(office, `?limit=2&state=${side.state}&cursor=${next}`);
        seen.push(...(page.columns[0]?.cards.map((c) => c.id) ?? []));
        next = page.columns[0]?.next ?? null;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(side.count);
      // Read on its own (as the board refreshes a column after a change), a side column comes with its first page.
      const alone = await board(office, `?limit=2&state=${side.state}`);
      expect(alone.columns[0]?.cards.map((c) => c.id)).toEqual(seen.slice(0, 2));
    }
  });

  it('orders each column most urgent first: escalation level falling, then due time', async () => {
    const b = await board(office, '?limit=500');
    for (const column of b.columns) {
      const keys = column.cards.map((card) => [card.level, card.dueAt ?? '9999'] as const);
      const sorted = [...keys].sort((x, y) => y[0] - x[0] || x[1].localeCompare(y[1]));
      expect(keys, column.state).toEqual(sorted);
    }
  });

  it('pages a column with its cursor until every card was seen exactly once', async () => {
    const first = await board(office, '?limit=7');
    const verifying = first.columns.find((c) => c.state === 'verifying');
    if (verifying === undefined) throw new Error('no verifying column');
    const seen = verifying.cards.map((c) => c.id);
    let next = verifying.next;
    while (next !== null) {
      const page = await board(office, `?limit=7&state=verifying&cursor=${next}`);
      expect(page.columns).toHaveLength(1);
      seen.push(...(page.columns[0]?.cards.map((c) => c.id) ?? []));
      next = page.columns[0]?.next ?? null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(verifying.count);
  });

  it('shows a lead only the clues of their unit, and marks which moves and changes they may make', async () => {
    const lead = await signIn(app, 'hantai.lead');
    const b = await board(lead, '?limit=500');
    const cards = b.columns.flatMap((c) => c.cards);
    expect(cards.length).toBeGreaterThan(0);
    expect(new Set(cards.map((c) => c.unitId))).toEqual(new Set(['hantai']));
    expect(b.columns.reduce((sum, c) => sum + c.count, 0)).toBe(await total(['hantai']));
    const found = cards.find((c) => c.state === 'found');
    expect(found?.allowed.map((m) => m.to)).toContain('verifying');
    // The changes that keep the state, for a batch of cards (多选): a lead assigns, transfers and extends their unit's clues.
    expect(found?.changes).toEqual(expect.arrayContaining(['clue.assign', 'clue.transfer', 'clue.extend']));
  });

  it('gives a viewer every card with no moves at all', async () => {
    const viewer = await signIn(app, 'viewer');
    const b = await board(viewer);
    expect(b.columns.reduce((sum, c) => sum + c.count, 0)).toBe(await total());
    expect(b.columns.flatMap((c) => c.cards).every((c) => c.allowed.length === 0 && c.changes.length === 0)).toBe(true);
  });

  it('filters by unit, category, overdue and text', async () => {
    const byUnit = await board(office, '?unit=nanzheng&limit=500');
    expect(byUnit.columns.flatMap((c) => c.cards).every((c) => c.unitId === 'nanzheng')).toBe(true);
    const overdue = await board(office, '?overdue=true&limit=500');
    expect(overdue.columns.flatMap((c) => c.cards).every((c) => c.level >= 2)).toBe(true);
    // Every overdue card, and only those: each column's count and cards against the clues counted directly.
    const late = await database.db
      .select({ state: clues.state, n: count() })
      .from(clues)
      .where(and(eq(clues.campaignId, 1), lt(clues.dueAt, testNow.toISOString())))
      .groupBy(clues.state);
    for (const column of overdue.columns) {
      const n = late.find((l) => l.state === column.state)?.n ?? 0;
      expect(column.count, column.state).toBe(n);
      expect((await cardsOf(office, '?overdue=true&limit=500', column)).length, column.state).toBe(Math.min(n, 500));
    }
    const [some] = await database.db.select({ id: clues.id, title: clues.title, categoryId: clues.categoryId }).from(clues).where(eq(clues.id, 5));
    // Text: each column holds the clues whose title contains it, or whose number it is, counted directly.
    for (const text of [some?.title.slice(0, 6) ?? '', some?.title.slice(2, 4) ?? '', '5', '没有这样的标题']) {
      const byText = await board(office, `?q=${encodeURIComponent(text)}&limit=500`);
      const matching = await database.db
        .select({ state: clues.state, n: count() })
        .from(clues)
        .where(and(eq(clues.campaignId, 1), sql`(instr(${clues.title}, ${text}) > 0 or ${clues.id} = ${Number(text) || -1})`))
        .groupBy(clues.state);
      const shown: Card[] = [];
      for (const column of byText.columns) {
        const n = matching.find((m) => m.state === column.state)?.n ?? 0;
        const cards = await cardsOf(office, `?q=${encodeURIComponent(text)}&limit=500`, column);
        expect(column.count, `${text} ${column.state}`).toBe(n);
        expect(cards.length, `${text} ${column.state}`).toBe(Math.min(n, 500));
        for (const card of cards) expect(card.title.includes(text) || String(card.id) === text, `${text} ${card.id}`).toBe(true);
        shown.push(...cards);
      }
      if (text === (some?.title.slice(0, 6) ?? '')) expect(shown.map((c) => c.id)).toContain(5);
    }
    const byCategory = await board(office, `?category=${some?.categoryId}&limit=500`);
    const [inCategory] = await database.db.select({ n: count() }).from(clues).where(and(eq(clues.categoryId, some?.categoryId ?? -1)));
    expect(byCategory.columns.reduce((sum, c) => sum + c.count, 0)).toBe(inCategory?.n);
  });

  it('finds by a phone number, account or web address a clue holds, however it is written, and by a case number or its beginning', async () => {
    const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '“易借”App暴力催收', description: '催收电话 139-2233-4455，座机（0916）2621234转8001，微信号：yijie_kefu8，QQ：8998906721，网址 https://www.YiJie-Loan.cn/app/', source: 'platform110' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const found = async (text: string) => (await board(office, `?q=${encodeURIComponent(text)}&limit=500`)).columns.flatMap((c) => c.cards.map((card) => card.id));
    // The phone as an officer may hold it: spaced, with the country code, in full-width digits.
    for (const text of ['13922334455', '139 2233 4455', '+86 139-2233-4455', '１３９２２３３４４５５', '微信号 yijie_kefu8', 'yijie-loan.cn']) expect(await found(text), text).toContain(id);
    // A landline with its area code, however written; its local number alone, or another line, is not it.
    for (const text of ['0916-2621234', '09162621234', '+86 916 262 1234', '(0916)2621234-8001']) expect(await found(text), text).toContain(id);
    for (const text of ['2621234', '0916-2621235', '029-2621234']) expect(await found(text), text).not.toContain(id);
    // An account typed alone, as an officer holds it, without the platform's word: a QQ number, a WeChat ID.
    for (const text of ['8998906721', 'yijie_kefu8', 'YiJie_Kefu8', ' ８９９８９０６７２１ ']) expect(await found(text), text).toContain(id);
    expect(await found('8998906722')).not.toContain(id);
    // Another number is not it; nor part of one (a phone is read whole, as intake reads it).
    expect(await found('13922334456')).not.toContain(id);
    expect(await found('2233')).not.toContain(id);
    // A unit lead elsewhere does not see it on their board, found or not.
    const nanzheng = await signIn(app, 'nanzheng.lead');
    expect((await board(nanzheng, `?q=13922334455&limit=500`)).columns.flatMap((c) => c.cards.map((card) => card.id))).not.toContain(id);

    // A case number whole finds the clues filed under it, and only those.
    const [filed] = await database.db.select({ id: clues.id, caseNumber: sql<string>`json_extract(${clues.context}, '$.caseNumber')` }).from(clues).where(sql`json_extract(${clues.context}, '$.caseNumber') is not null`).limit(1);
    if (filed === undefined) throw new Error('no clue with a case number');
    const underIt = await database.db.select({ id: clues.id }).from(clues).where(sql`json_extract(${clues.context}, '$.caseNumber') = ${filed.caseNumber}`);
    expect((await found(filed.caseNumber)).sort((a, b) => a - b)).toEqual(underIt.map((r) => r.id).sort((a, b) => a - b));
    // Its beginning (four characters or more) finds every clue whose case number begins so; three are too few to mean one.
    const prefix = filed.caseNumber.slice(0, 6);
    const beginning = await database.db.select({ id: clues.id }).from(clues).where(sql`substr(json_extract(${clues.context}, '$.caseNumber'), 1, 6) = ${prefix}`);
    expect(beginning.length).toBeGreaterThan(underIt.length);
    expect(await found(prefix)).toEqual(expect.arrayContaining(beginning.map((r) => r.id)));
    expect(await found(filed.caseNumber.slice(0, 3))).not.toContain(filed.id);
    // As a Chinese input method in full-width mode types it, or in lower case: whole or its beginning, it is the number stored.
    const fullWidth = filed.caseNumber.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const text of [filed.caseNumber.toLowerCase(), fullWidth, ` ${fullWidth.slice(0, 6)} `, prefix.toLowerCase()]) expect(await found(text), text).toContain(filed.id);
    // A case number written as a case document heads it (汉公(刑)立字[2026]0815号): its beginning has no digit in it.
    const [officer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
    const verifying = await office.send('POST', `/api/clues/${id}/transitions`, { to: 'verifying', version: 1, payload: { assigneeId: officer?.id } });
    const before = verifying.status === 200 ? ((await verifying.json()) as { version: number }) : null;
    if (before === null) throw new Error(`not moved to verifying: ${verifying.status} ${await verifying.text()}`);
    const filedNow = await office.send('POST', `/api/clues/${id}/transitions`, { to: 'filed', version: before.version, payload: { caseNumber: '汉公(刑)立字[2026]0815号', conclusion: '经核查属实' } });
    expect(filedNow.status).toBe(200);
    for (const text of ['汉公(刑)立字', '汉公(刑', '汉公(刑)立字[2026]0815号']) expect(await found(text), text).toContain(id);
    expect(await found('汉公(民)')).not.toContain(id);
    // The responsibility list's search finds the same.
    const listed = (await (await office.get(`/api/campaigns/1/lists/clues?q=${encodeURIComponent('+86 139-2233-4455')}`)).json()) as { items: { id: number }[] };
    expect(listed.items.map((item) => item.id)).toEqual([id]);
  });

  it('finds a title by its Latin letters and digits in either case and width, and its other characters as written', async () => {
    const made = async (title: string) => {
      const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title, description: '', source: 'platform110' });
      expect(created.status).toBe(201);
      return ((await created.json()) as { id: number }).id;
    };
    // As a Chinese input method in full-width mode types it, and as it is typed in half width.
    const wideTitle = await made('冒充客服的ＡＰＰ“ＧＢＫ２０２６”');
    const narrowTitle = await made('仿冒App“gbk2026”，百分之50%返利');
    const found = async (text: string) => (await board(office, `?q=${encodeURIComponent(text)}&limit=500`)).columns.flatMap((c) => c.cards.map((card) => card.id));
    for (const text of ['gbk2026', 'ＧＢＫ２０２６', 'Gbk２026', 'app“gbk']) {
      const shown = await found(text);
      expect(shown, text).toContain(wideTitle);
      expect(shown, text).toContain(narrowTitle);
    }
    // Chinese punctuation is not read as its Latin look-alike, and a pattern's characters are themselves.
    expect(await found('”，百分之')).toEqual([narrowTitle]);
    expect(await found('"gbk')).toEqual([]);
    expect(await found('50%')).toEqual([narrowTitle]);
    for (const text of ['5_%', 'gbk*', '仿冒?pp', '[g]bk', '仿冒_', '之%']) expect(await found(text), text).toEqual([]);
  });

  it('filters by the phase an item was found in: the phases partition the campaign', async () => {
    const counts = await Promise.all(['survey', 'crackdown', 'consolidation'].map(async (phase) => (await board(office, `?phase=${phase}`)).columns.reduce((sum, c) => sum + c.count, 0)));
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBeGreaterThan(0);
    // Mid-June: consolidation has not begun.
    expect(counts[2]).toBe(0);
    // Clues found before the survey began (planned) are in no phase; none exist in the demo.
    expect(counts.reduce((a, n) => a + (n ?? 0), 0)).toBe(await total());
  });

  it('filters by no progress for some days (open items only), shows on each card when it last had a work note, and a note or a file takes a card out', async () => {
    const cutoff = new Date(testNow.getTime() - 15 * 86_400_000).toISOString();
    // Counted here from the stored items: entered their state before the cutoff, no work note since, and no file attached since.
    const rows = await database.db.select({ id: clues.id, state: clues.state, enteredAt: clues.enteredAt, context: clues.context }).from(clues).where(eq(clues.campaignId, 1));
    const filed = await database.db.select({ id: attachments.subjectId, at: attachments.attachedAt }).from(attachments).where(eq(attachments.subject, 'clue'));
    const attachedSince = new Set(filed.filter((f) => f.at >= cutoff).map((f) => f.id));
    // The demo attaches files along the way: some clues quiet by their notes have had one lately.
    expect(rows.some((r) => attachedSince.has(r.id) && openClueStates.includes(r.state as OpenClueState) && r.enteredAt < cutoff && (r.context.lastNoteAt ?? '') < cutoff)).toBe(true);
    const isQuiet = (r: (typeof rows)[number]) => openClueStates.includes(r.state as OpenClueState) && r.enteredAt < cutoff && (r.context.lastNoteAt ?? '') < cutoff && !attachedSince.has(r.id);
    const quiet = await board(office, '?quiet=15&limit=500');
    expect(quiet.columns.reduce((sum, c) => sum + c.count, 0)).toBe(rows.filter(isQuiet).length);
    for (const column of quiet.columns) {
      const expected = rows.filter((r) => r.state === column.state && isQuiet(r)).map((r) => r.id);
      expect(column.count, column.state).toBe(expected.length);
      const cards = await cardsOf(office, '?quiet=15&limit=500', column);
      expect(cards.map((c) => c.id).sort((a, b) => a - b), column.state).toEqual(expected.sort((a, b) => a - b).slice(0, 500));
    }

    const target = quiet.columns.find((c) => !c.side && c.state !== 'prosecuted' && c.cards.length > 0)?.cards[0];
    if (target === undefined) throw new Error('no quiet card in an open column');
    expect(target.lastNoteAt === null || target.lastNoteAt < cutoff).toBe(true);
    expect((await office.send('POST', `/api/clues/${target.id}/notes`, { text: '已约谈举报人，明日复核' })).status).toBe(200);
    const after = await board(office, '?quiet=15&limit=500');
    const column = (b: Board) => b.columns.find((c) => c.state === target.state);
    expect(column(after)?.count).toBe((column(quiet)?.count ?? 0) - 1);
    expect(column(after)?.cards.map((c) => c.id)).not.toContain(target.id);
    // The card itself, read as the unfiltered board shows it, says when the note was written.
    const found = column(await board(office, `?q=${target.id}`))?.cards.find((c) => c.id === target.id);
    expect(found?.lastNoteAt).toBe(testNow.toISOString());
    // A file attached (a bank's reply, a statement) is progress too.
    const next = column(after)?.cards[0];
    if (next === undefined) throw new Error('no second quiet card');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const attached = await app.request(`/api/clues/${next.id}/attachments?name=${encodeURIComponent('银行回函.png')}`, { method: 'POST', headers: { cookie: office.cookie, 'content-type': 'image/png' }, body: png });
    expect(attached.status).toBe(201);
    const afterFile = await board(office, '?quiet=15&limit=500');
    expect(column(afterFile)?.count).toBe((column(after)?.count ?? 0) - 1);
    expect(column(afterFile)?.cards.map((c) => c.id)).not.toContain(next.id);

    const bad = await office.get('/api/campaigns/1/board?quiet=0');
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { fields: { field: string; message: { en: string } }[]; reason: { zh: string; en: string } };
    expect(problem.fields.map((f) => f.field)).toEqual(['query.quiet']);
    // Plain words for the field and for the answer as a whole, in both languages.
    expect(problem.fields[0]?.message.en).toBe('Must be 1 or more');
    expect(problem.reason).toEqual({ zh: '有 1 处填写有误，请看标出的字段', en: '1 value is not valid; see the marked field' });
  });

  it('counts lanes per unit and names units over their WIP limit', async () => {
    const b = await board(office, '?swimlane=unit');
    const laneTotal = b.lanes.reduce((sum, lane) => sum + Object.values(lane.counts).reduce((a, n) => a + n, 0), 0);
    expect(laneTotal).toBe(await total());
    for (const lane of b.lanes) for (const state of lane.over) expect(lane.counts[state] ?? 0).toBeGreaterThan(b.columns.find((c) => c.state === state)?.wipLimit ?? Infinity);
  });

  it('judges a unit over its WIP limit by all its cards in the state, whatever the filters show', async () => {
    const whole = await board(office, '?swimlane=unit');
    const limits = new Map(whole.columns.flatMap((c) => (c.wipLimit === null ? [] : [[c.state, c.wipLimit] as const])));
    const groups = await database.db
      .select({ state: clues.state, unitId: clues.unitId, n: count() })
      .from(clues)
      .where(eq(clues.campaignId, 1))
      .groupBy(clues.state, clues.unitId);
    const overloaded = groups.filter((g) => g.n > (limits.get(g.state) ?? Infinity));
    const [unit] = overloaded;
    if (unit === undefined) throw new Error('the seed has no unit over a WIP limit');
    const limit = limits.get(unit.state) ?? Infinity;
    const unitsOver = (b: Board) => b.columns.find((c) => c.state === unit.state)?.unitsOver;
    expect(unitsOver(whole)).toBe(overloaded.filter((g) => g.state === unit.state).length);
    const [card] = await database.db
      .select({ id: clues.id, categoryId: clues.categoryId, assigneeId: clues.assigneeId })
      .from(clues)
      .where(and(eq(clues.unitId, unit.unitId), eq(clues.state, unit.state), sql`${clues.categoryId} is not null`))
      .limit(1);
    if (card === undefined) throw new Error('the overloaded unit has no card with a category');
    // Filters that show fewer of the unit's cards in the state (overdue perhaps none of them), some no more than its limit.
    const shown: number[] = [];
    for (const filter of [`category=${card.categoryId}`, 'overdue=true', 'escalated=true', `assignee=${card.assigneeId ?? 'none'}`, `q=${card.id}`]) {
      const b = await board(office, `?swimlane=unit&${filter}`);
      expect(unitsOver(b), filter).toBe(unitsOver(whole));
      const lane = b.lanes.find((l) => l.key === unit.unitId);
      expect(lane?.over, filter).toContain(unit.state);
      expect(lane?.held[unit.state], filter).toBe(unit.n);
      shown.push(lane?.counts[unit.state] ?? 0);
      // A unit within its limits is marked over nowhere, filtered or not.
      for (const other of b.lanes) for (const state of other.over) expect(other.held[state] ?? 0, `${filter} ${other.key}`).toBeGreaterThan(limits.get(state) ?? Infinity);
    }
    expect(Math.min(...shown)).toBeLessThanOrEqual(limit);
  });

  it('refuses an unknown filter, a bad cursor and an unknown campaign clearly', async () => {
    expect((await office.get('/api/campaigns/1/board?colour=red')).status).toBe(400);
    expect((await office.get('/api/campaigns/1/board?state=verifying&cursor=nonsense')).status).toBe(400);
    expect((await office.get('/api/campaigns/1/board?kind=task')).status).toBe(400);
    expect((await office.get('/api/campaigns/99/board')).status).toBe(404);
    // A unit no campaign has (an old bookmark, a mistyped address) is named, as the lists name it, not answered with an empty board.
    const noUnit = await office.get('/api/campaigns/1/board?unit=nope');
    expect(noUnit.status).toBe(400);
    expect(((await noUnit.json()) as { fields: { field: string; message: { zh: string } }[] }).fields).toEqual([{ field: 'query.unit', message: { zh: '没有这个单位', en: 'No unit nope' } }]);
    // So is a category the campaign has not.
    const noCategory = await office.get('/api/campaigns/1/board?category=9999');
    expect(noCategory.status).toBe(400);
    expect(((await noCategory.json()) as { fields: { field: string; message: { zh: string } }[] }).fields).toEqual([
      { field: 'query.category', message: { zh: '本专项没有这个类别', en: 'This campaign has no category 9999' } },
    ]);
    // Every filter refused is named at once, each with why, not the first alone.
    const neither = await office.get('/api/campaigns/1/board?unit=nope&category=9999');
    expect(neither.status).toBe(400);
    expect(((await neither.json()) as { fields: { field: string }[] }).fields.map((issue) => issue.field)).toEqual(['query.unit', 'query.category']);
    // And an assignee who is no one: an empty board would say they have nothing to do.
    const noAssignee = await office.get('/api/campaigns/1/board?assignee=100000');
    expect(noAssignee.status).toBe(400);
    expect(((await noAssignee.json()) as { fields: unknown }).fields).toEqual([{ field: 'query.assignee', message: { zh: '没有这个用户', en: 'No user 100000' } }]);
  });

  it('shows the cards no one is assigned, column by column, as the lists do with assignee=none', async () => {
    const b = await board(office, '?assignee=none&limit=500');
    const rows = await database.db
      .select({ state: clues.state, n: count() })
      .from(clues)
      .where(and(eq(clues.campaignId, 1), sql`${clues.assigneeId} is null`))
      .groupBy(clues.state);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThan(0);
    for (const column of b.columns) {
      expect(column.count, column.state).toBe(rows.find((r) => r.state === column.state)?.n ?? 0);
      for (const card of column.cards) expect(card.assigneeId, `#${card.id}`).toBeNull();
    }
  });

  it('serves the problem board with its own columns', async () => {
    const b = await board(office, '?kind=problem');
    expect(b.columns.map((c) => c.state)).toEqual(['identified', 'rectifying', 'rectified', 'verified']);
  });

  // Last: it moves a clue.
  it('says which changes it already shows (the newest audit entry when read), so a live stream can start from there', async () => {
    const [head] = await database.db.select({ seq: max(auditLog.seq) }).from(auditLog);
    const before = await board(office);
    expect(before.seq).toBe(head?.seq);
    const movable = before.columns.find((c) => c.state === 'found')?.cards.find((c) => c.allowed.some((m) => m.to === 'verifying' && m.needs.length === 0));
    if (movable === undefined) throw new Error('the seed has no found clue that moves to verifying without input');
    expect((await office.send('POST', `/api/clues/${movable.id}/transitions`, { to: 'verifying', version: movable.version })).status).toBe(200);
    const after = await board(office);
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(after.columns.find((c) => c.state === 'verifying')?.cards.some((c) => c.id === movable.id)).toBe(true);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every route the app serves', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} /api${path}`));
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json' && !r.path.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(new Set(documented)).toEqual(new Set(served));
  });

  it('writes each pattern as JSON Schema reads it: a display name in Chinese passes the one a client would check it by', async () => {
    const text = await (await app.request('/api/openapi.json')).text();
    const patterns = [...text.matchAll(/"pattern":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1] ?? '""') as string);
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(() => new RegExp(pattern, 'u'), pattern).not.toThrow();
    const doc = JSON.parse(text) as { components: { schemas: Record<string, { properties?: Record<string, { pattern?: string }> }> } };
    const displayName = doc.components.schemas.NewUser?.properties?.displayName?.pattern;
    expect(displayName).toBeDefined();
    expect(new RegExp(displayName ?? '', 'u').test('汉台分局民警')).toBe(true);
    expect(new RegExp(displayName ?? '', 'u').test('两行\n名字')).toBe(false);
  });
});

describe('GET /api/docs', () => {
  it('serves the API docs from local files only, under a CSP with no inline scripts', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(sources.every((s) => s.startsWith('/api/docs/'))).toBe(true);
    for (const source of sources) expect((await app.request(source)).status, source).toBe(200);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
