import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clues } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { nulField } from './nul-characters';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 20, problems: 2 });
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

const nulRefusal = { zh: '不能包含空字符（U+0000）', en: 'must not contain the NUL character (U+0000)' };
const count = async (table: typeof clues | typeof auditLog) => Number((await database.db.select({ n: sql<number>`count(*)` }).from(table))[0]?.n ?? 0);

describe('a NUL character, which SQLite would keep but read back only up to', () => {
  it('is refused in a new clue\'s title, naming the field, and no clue is made', async () => {
    const before = await count(clues);
    const response = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '群众举报\u0000某网络水军团伙', source: 'platform110' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { fields: unknown }).fields).toEqual([{ field: 'title', message: nulRefusal }]);
    expect(await count(clues)).toBe(before);
  });

  it('is refused in a work note, and the note is not written', async () => {
    const [clue] = await database.db.select({ id: clues.id }).from(clues).where(eq(clues.campaignId, 1)).limit(1);
    const before = await count(auditLog);
    const response = await office.send('POST', `/api/clues/${clue?.id}/notes`, { text: '已核实\u0000' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('text');
    expect(await count(auditLog)).toBe(before);
  });

  it('is refused in a query value, named as the query names it', async () => {
    const response = await office.get('/api/campaigns/1/board?q=%E8%AF%88%00');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: unknown }).fields).toEqual([{ field: 'query.q', message: nulRefusal }]);
  });

  it('is not what a backslash and "u0000" typed as text are: that title is kept whole', async () => {
    const title = String.raw`路径 C:\u0000 的截图`;
    const response = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title, source: 'platform110' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: number };
    expect(((await (await office.get(`/api/clues/${created.id}`)).json()) as { title: string }).title).toBe(title);
  });

  it('does not touch an attached file, whatever type it says it is: a JSON file is stored byte for byte', async () => {
    const [clue] = await database.db.select({ id: clues.id }).from(clues).where(eq(clues.campaignId, 1)).limit(1);
    const bytes = Uint8Array.from([...Buffer.from('{"raw":"\\u0000"}'), 0xff, 0xfe]);
    const uploaded = await app.request(`/api/clues/${clue?.id}/attachments?name=export.json`, { method: 'POST', headers: { cookie: office.cookie, 'content-type': 'application/json' }, body: bytes });
    expect(uploaded.status).toBe(201);
    const files = (await (await office.get(`/api/clues/${clue?.id}/attachments`)).json()) as { id: number; name: string }[];
    const file = files.find((f) => f.name === 'export.json');
    const download = await office.get(`/api/clues/${clue?.id}/attachments/${file?.id}`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it('is found wherever it is in a body, keys included', () => {
    expect(nulField({ items: [{ id: 1 }, { id: 2, reason: 'a\u0000' }] })).toBe('items.1.reason');
    expect(nulField({ payload: { conclusion: 'ok' }, ['x\u0000']: 1 })).toBe(String.raw`x\u0000`);
    expect(nulField('\u0000')).toBe('(body)');
    expect(nulField({ title: 'C:\\u0000', n: 0, none: null })).toBeUndefined();
    // Nested past what any body may be (refused by its shape check), a body is not walked to its bottom.
    let deep: unknown = ['\u0000'];
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(nulField({ payload: deep })).toBeUndefined();
  });
});

describe('half of a surrogate pair, which SQLite stored as bytes that are not UTF-8 and libSQL then stopped the process on', () => {
  const refusal = { zh: '含有无效字符（不成对的 UTF-16 代理项）', en: 'holds an invalid character (half of a UTF-16 surrogate pair)' };

  it('is refused in an edit of a title, naming the field; the clue keeps its title and version, and its board still reads', async () => {
    const [clue] = await database.db.select({ id: clues.id, title: clues.title, version: clues.version, unitId: clues.unitId }).from(clues).where(eq(clues.state, 'verifying')).limit(1);
    if (clue === undefined) throw new Error('no clue in verifying');
    const before = await count(auditLog);
    for (const title of ['lone \ud800 surrogate', 'lone \udc00 low', 'ends \ud83d']) {
      const response = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, title });
      expect(response.status, title).toBe(400);
      expect(((await response.json()) as { fields: unknown }).fields).toEqual([{ field: 'title', message: refusal }]);
    }
    expect(await count(auditLog)).toBe(before);
    expect((await (await office.get(`/api/clues/${clue.id}`)).json()) as { title: string; version: number }).toMatchObject({ title: clue.title, version: clue.version });
    expect((await office.get(`/api/campaigns/1/board?unit=${clue.unitId}`)).status).toBe(200);
  });

  it('is refused in a note and in a batch item’s own payload, by where it is', async () => {
    const [clue] = await database.db.select({ id: clues.id }).from(clues).where(eq(clues.campaignId, 1)).limit(1);
    const note = await office.send('POST', `/api/clues/${clue?.id}/notes`, { text: '\udfff' });
    expect(((await note.json()) as { fields: unknown }).fields).toEqual([{ field: 'text', message: refusal }]);
    const batch = await office.send('POST', '/api/campaigns/1/batch', { to: 'unfounded', items: [{ kind: 'clue', id: 1, version: 1, payload: { conclusion: 'x\ud800' } }] });
    expect(((await batch.json()) as { fields: unknown }).fields).toEqual([{ field: 'items.0.payload.conclusion', message: refusal }]);
  });

  it('is not a whole pair, however it is spelled: an emoji sent escaped is kept', async () => {
    const title = '群众举报 😀 某网络水军';
    const body = JSON.stringify({ campaignId: 1, unitId: 'hantai', title, source: 'platform110' }).replace('😀', '\\ud83d\\ude00');
    const response = await office.send('POST', '/api/clues', body);
    expect(response.status, await response.clone().text()).toBe(201);
    const created = (await response.json()) as { id: number };
    expect(((await (await office.get(`/api/clues/${created.id}`)).json()) as { title: string }).title).toBe(title);
  });
});
