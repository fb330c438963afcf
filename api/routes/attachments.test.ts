import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { attachments, auditLog, clues, problems, users } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import type { AttachedFileInfo } from '../contracts/attachments';
import type { HistoryEntry, ItemDetail } from '../contracts/items';
import { maxAttachmentBytes } from '../contracts/attachments';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 80, problems: 12 });
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

/** A PNG's first bytes and some more: enough to be told from any other file. */
const png = (n: number) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: n }, (_, i) => (i * 7 + n) % 256)]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Uploads bytes as a browser's XMLHttpRequest does: the file as the body, its type as the Content-Type, its name in the query. */
async function upload(session: Session, path: string, name: string, bytes: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Response> {
  return app.request(`${path}?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'image/png', ...headers }, body: bytes });
}

/** The n-th clue in verifying or filed with no file yet (the demo attaches some): each test takes its own. */
async function openClue(n: number): Promise<ItemDetail> {
  const rows = await database.db.select({ id: clues.id }).from(clues).where(and(inArray(clues.state, ['verifying', 'filed']), eq(clues.attachmentCount, 0))).orderBy(clues.id);
  const row = rows[n];
  if (row === undefined) throw new Error(`fewer than ${n + 1} clues in verifying or filed without files`);
  return (await (await office.get(`/api/clues/${row.id}`)).json()) as ItemDetail;
}

const listed = async (session: Session, path: string) => (await (await session.get(path)).json()) as AttachedFileInfo[];
const storedFiles = async () => Number((await database.db.select({ n: sql<number>`count(*)` }).from(attachments))[0]?.n ?? 0);
const entries = async () => Number((await database.db.select({ n: sql<number>`count(*)` }).from(auditLog))[0]?.n ?? 0);

describe('files attached to a clue', () => {
  it('are stored whole, listed with who attached them, opened byte for byte, and named with their hash in the history', async () => {
    const clue = await openClue(0);
    const bytes = png(5000);
    const response = await upload(office, `/api/clues/${clue.id}/attachments`, '转账记录 2026-03-01.png', bytes);
    expect(response.status).toBe(201);
    const attached = (await response.json()) as ItemDetail;
    expect(attached).toMatchObject({ id: clue.id, state: clue.state, version: clue.version + 1 });

    const [file] = await listed(office, `/api/clues/${clue.id}/attachments`);
    expect(file).toMatchObject({ name: '转账记录 2026-03-01.png', mediaType: 'image/png', size: bytes.length, sha256: sha256(bytes), removable: true });
    expect(file?.attachedByName).not.toBeNull();
    expect(attached.context.attachments).toEqual([{ id: file?.id, by: file?.attachedBy }]);

    const download = await office.get(`/api/clues/${clue.id}/attachments/${file?.id}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    // Downloaded, never rendered as a page of this origin; the name survives in UTF-8.
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('转账记录 2026-03-01.png')}`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    const inline = await office.get(`/api/clues/${clue.id}/attachments/${file?.id}?inline=1`);
    expect(inline.headers.get('content-type')).toBe('image/png');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);

    const last = ((await (await office.get(`/api/clues/${clue.id}/history`)).json()) as HistoryEntry[]).at(-1);
    expect(last).toMatchObject({ event: 'clue.attach', fromState: clue.state, toState: clue.state, payload: { attachmentId: file?.id, name: '转账记录 2026-03-01.png', size: bytes.length, sha256: sha256(bytes) } });
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('are counted on the item\'s card, on the board and in the answer, as files come and go', async () => {
    const clue = await openClue(8);
    const countOnBoard = async () => {
      const board = (await (await office.get(`/api/campaigns/${clue.campaignId}/board?kind=clue&limit=500`)).json()) as { columns: { cards: { id: number; attachmentCount: number }[] }[] };
      return board.columns.flatMap((c) => c.cards).find((c) => c.id === clue.id)?.attachmentCount;
    };
    expect([clue.attachmentCount, await countOnBoard()]).toEqual([0, 0]);
    const first = (await (await upload(office, `/api/clues/${clue.id}/attachments`, '1.png', png(1))).json()) as ItemDetail;
    const second = (await (await upload(office, `/api/clues/${clue.id}/attachments`, '2.png', png(2))).json()) as ItemDetail;
    expect([first.attachmentCount, second.attachmentCount, await countOnBoard()]).toEqual([1, 2, 2]);
    const [file] = await listed(office, `/api/clues/${clue.id}/attachments`);
    const removed = (await (await office.send('POST', `/api/clues/${clue.id}/attachments/${file?.id}/remove`, { reason: '重复' })).json()) as ItemDetail;
    expect([removed.attachmentCount, await countOnBoard()]).toEqual([1, 1]);
    // A move keeps the count: the column is left as it was when the files do not change.
    const moved = (await (await office.send('POST', `/api/clues/${clue.id}/notes`, { text: '补充材料已上传' })).json()) as ItemDetail;
    expect([moved.attachmentCount, await countOnBoard()]).toEqual([1, 1]);
  });

  it('are removed with a reason: gone from the list, still in the history and still opened from it; a second removal is refused', async () => {
    const clue = await openClue(1);
    await upload(office, `/api/clues/${clue.id}/attachments`, 'a.png', png(10));
    await upload(office, `/api/clues/${clue.id}/attachments`, 'b.png', png(20));
    const [first, second] = await listed(office, `/api/clues/${clue.id}/attachments`);
    const removed = await office.send('POST', `/api/clues/${clue.id}/attachments/${first?.id}/remove`, { reason: '上传错了文件' });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as ItemDetail).context.attachments).toEqual([{ id: second?.id, by: second?.attachedBy }]);
    expect((await listed(office, `/api/clues/${clue.id}/attachments`)).map((f) => f.name)).toEqual(['b.png']);
    const last = ((await (await office.get(`/api/clues/${clue.id}/history`)).json()) as HistoryEntry[]).at(-1);
    expect(last).toMatchObject({ event: 'clue.detach', payload: { attachmentId: first?.id, reason: '上传错了文件' } });
    expect(new Uint8Array(await (await office.get(`/api/clues/${clue.id}/attachments/${first?.id}`)).arrayBuffer())).toEqual(png(10));

    const again = await office.send('POST', `/api/clues/${clue.id}/attachments/${first?.id}/remove`, { reason: '再删一次' });
    expect(again.status).toBe(422);
    expect(((await again.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['attachmentId']);
    const noReason = await office.send('POST', `/api/clues/${clue.id}/attachments/${second?.id}/remove`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('follow the engine on who: an officer attaches to their own clue and removes only what they attached; a lead of another unit, a viewer, another clue see nothing', async () => {
    const clue = await openClue(2);
    const [assignee] = clue.assigneeId === null ? [] : await database.db.select({ username: users.username }).from(users).where(eq(users.id, clue.assigneeId));
    if (assignee === undefined) throw new Error('an assigned clue was expected');
    const officer = await signIn(app, assignee.username);
    await upload(office, `/api/clues/${clue.id}/attachments`, 'office.png', png(30));
    expect((await upload(officer, `/api/clues/${clue.id}/attachments`, 'officer.png', png(40))).status).toBe(201);
    const files = await listed(officer, `/api/clues/${clue.id}/attachments`);
    expect(files.map((f) => [f.name, f.removable])).toEqual([
      ['office.png', false],
      ['officer.png', true],
    ]);
    const refused = await officer.send('POST', `/api/clues/${clue.id}/attachments/${files[0]?.id}/remove`, { reason: '不需要' });
    expect(refused.status).toBe(403);
    expect((await officer.send('POST', `/api/clues/${clue.id}/attachments/${files[1]?.id}/remove`, { reason: '重复' })).status).toBe(200);

    const other = await signIn(app, `${clue.unitId === 'hantai' ? 'nanzheng' : 'hantai'}.lead`);
    const viewer = await signIn(app, 'viewer');
    expect((await upload(other, `/api/clues/${clue.id}/attachments`, 'x.png', png(1))).status).toBe(404);
    expect((await upload(viewer, `/api/clues/${clue.id}/attachments`, 'x.png', png(1))).status).toBe(403);
    expect((await other.get(`/api/clues/${clue.id}/attachments`)).status).toBe(404);
    expect((await other.get(`/api/clues/${clue.id}/attachments/${files[0]?.id}`)).status).toBe(404);
    // A file is opened only through the item it is attached to.
    const elsewhere = await openClue(3);
    expect((await office.get(`/api/clues/${elsewhere.id}/attachments/${files[0]?.id}`)).status).toBe(404);
    expect((await office.get(`/api/problems/${clue.id}/attachments/${files[0]?.id}`)).status).toBe(404);
  });

  it('refuses an empty file, a missing name, a file over the limit and an item that is not there, storing no bytes and no entry', async () => {
    const clue = await openClue(4);
    const before = { files: await storedFiles(), entries: await entries() };
    const empty = await upload(office, `/api/clues/${clue.id}/attachments`, 'empty.png', new Uint8Array());
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['file']);
    const unnamed = await app.request(`/api/clues/${clue.id}/attachments`, { method: 'POST', headers: { cookie: office.cookie, 'content-type': 'image/png' }, body: png(10) });
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['query.name']);
    const folderOnly = await upload(office, `/api/clues/${clue.id}/attachments`, 'C:\\证据\\', png(10));
    expect(((await folderOnly.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['query.name']);
    const big = await upload(office, `/api/clues/${clue.id}/attachments`, 'big.bin', new Uint8Array(maxAttachmentBytes + 1), { 'content-length': String(maxAttachmentBytes + 1) });
    expect(big.status).toBe(413);
    // The limit said, not only "too large".
    expect(((await big.json()) as { reason: { zh: string; en: string } }).reason).toEqual({ zh: '请求内容超过上限 20 MB', en: 'The request body is over its limit of 20 MB' });
    expect((await upload(office, '/api/clues/999999/attachments', 'x.png', png(10))).status).toBe(404);
    // A form's upload (curl -F): its wrapper, boundary lines and part headers, was kept as the file.
    const form = new FormData();
    form.append('file', new Blob([png(10)], { type: 'image/png' }), 'x.png');
    const asForm = await app.request(`/api/clues/${clue.id}/attachments?name=x.png`, { method: 'POST', headers: { cookie: office.cookie }, body: form });
    expect(asForm.status).toBe(415);
    expect(((await asForm.json()) as { reason: { zh: string } }).reason.zh).toMatch(/文件本身作为请求内容/);
    // Sent as a form is, with no ?name=: said the same, not "the name is missing".
    const bareForm = await app.request(`/api/clues/${clue.id}/attachments`, { method: 'POST', headers: { cookie: office.cookie }, body: form });
    expect(bareForm.status).toBe(415);
    expect({ files: await storedFiles(), entries: await entries() }).toEqual(before);
  });

  it('keeps the folder off a name, any type the sender gave, and a retry with the same key attaches once', async () => {
    const clue = await openClue(5);
    const key = { 'idempotency-key': `attach-${clue.id}` };
    const first = await upload(office, `/api/clues/${clue.id}/attachments`, 'C:\\Users\\警官\\笔录.docx', png(60), { ...key, 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const retry = await upload(office, `/api/clues/${clue.id}/attachments`, 'C:\\Users\\警官\\笔录.docx', png(60), { ...key, 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const files = await listed(office, `/api/clues/${clue.id}/attachments`);
    expect(files.map((f) => [f.name, f.mediaType])).toEqual([['笔录.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']]);
    // The same key with another file is another request.
    expect((await upload(office, `/api/clues/${clue.id}/attachments`, '笔录.docx', png(61), key)).status).toBe(422);
  });

  it('are refused once the item holds 50, until one is removed', async () => {
    const clue = await openClue(6);
    for (let i = 0; i < 50; i++) expect((await upload(office, `/api/clues/${clue.id}/attachments`, `${i}.png`, png(i + 1))).status).toBe(201);
    const full = await upload(office, `/api/clues/${clue.id}/attachments`, '51.png', png(99));
    expect(full.status).toBe(422);
    expect(((await full.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['file']);
    const [oldest] = await listed(office, `/api/clues/${clue.id}/attachments`);
    await office.send('POST', `/api/clues/${clue.id}/attachments/${oldest?.id}/remove`, { reason: '腾出位置' });
    expect((await upload(office, `/api/clues/${clue.id}/attachments`, '51.png', png(99))).status).toBe(201);
  });

  it('are checked by the audit verification: bytes changed after they were attached are found', async () => {
    const clue = await openClue(7);
    await upload(office, `/api/clues/${clue.id}/attachments`, 'evidence.png', png(70));
    const [file] = await listed(office, `/api/clues/${clue.id}/attachments`);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
    const original = png(70);
    await database.write((tx) => tx.update(attachments).set({ content: Buffer.from(png(71)) }).where(eq(attachments.id, file?.id ?? 0)));
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, logIntact: true, mismatches: [{ subject: 'clue', subjectId: clue.id, reason: { zh: expect.stringContaining('SHA-256'), en: expect.stringContaining('SHA-256') } }] });
    await database.write((tx) => tx.update(attachments).set({ content: Buffer.from(original) }).where(eq(attachments.id, file?.id ?? 0)));
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});

describe('files attached to a rectification item', () => {
  it('are attached, listed and removed the same way', async () => {
    const [problem] = await database.db.select({ id: problems.id }).from(problems).where(and(inArray(problems.state, ['identified', 'rectifying', 'rectified']), eq(problems.attachmentCount, 0))).limit(1);
    if (problem === undefined) throw new Error('no open problem without files');
    const response = await app.request(`/api/problems/${problem.id}/attachments?name=${encodeURIComponent('整改报告.pdf')}`, {
      method: 'POST',
      headers: { cookie: office.cookie, 'content-type': 'application/pdf' },
      body: new TextEncoder().encode('%PDF-1.4 整改报告'),
    });
    expect(response.status).toBe(201);
    const [file] = await listed(office, `/api/problems/${problem.id}/attachments`);
    expect(file).toMatchObject({ name: '整改报告.pdf', mediaType: 'application/pdf' });
    // Not an image: never shown in place, even when asked.
    expect((await office.get(`/api/problems/${problem.id}/attachments/${file?.id}?inline=1`)).headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await office.send('POST', `/api/problems/${problem.id}/attachments/${file?.id}/remove`, { reason: '报告有误' })).status).toBe(200);
    expect(await listed(office, `/api/problems/${problem.id}/attachments`)).toEqual([]);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});

describe("a campaign's storage limit for files", () => {
  type Held = { revision: number; attachments: { files: number; bytes: number }; config: { attachmentQuotaMb?: number | null } };
  const settings = async () => (await (await office.get('/api/campaigns/1/settings')).json()) as Held;
  const setQuota = async (attachmentQuotaMb: number | null) => office.send('PATCH', '/api/campaigns/1/settings', { revision: (await settings()).revision, attachmentQuotaMb });

  it('refuses, storing nothing, a file past the limit the office set (removed files count), and takes it once the limit is raised', async () => {
    const megabyte = 1024 * 1024;
    const before = await settings();
    expect(before.attachments.files).toBe(await storedFiles());
    // Room for a little under a megabyte and a half more.
    const quotaMb = Math.ceil(before.attachments.bytes / megabyte) + 1;
    const room = quotaMb * megabyte - before.attachments.bytes;
    // The campaign's detail, which every reader's board has, says what the files take only where there is a limit.
    const storage = async () => ((await (await office.get('/api/campaigns/1')).json()) as { storage: { usedBytes: number; quotaMb: number } | null }).storage;
    expect(await storage()).toBeNull();
    expect((await setQuota(quotaMb)).status).toBe(200);
    expect(await storage()).toEqual({ usedBytes: before.attachments.bytes, quotaMb });
    const clue = await openClue(8);
    const path = `/api/clues/${clue.id}/attachments`;
    expect((await upload(office, path, 'fits.png', png(room - 2000))).status).toBe(201);
    expect(await storage()).toEqual({ usedBytes: quotaMb * megabyte - 2000 + 8, quotaMb });
    // Removed, a file keeps its room: the history still opens it.
    const [fits] = await listed(office, path);
    expect((await office.send('POST', `${path}/${fits?.id}/remove`, { reason: '上传错了' })).status).toBe(200);
    const stored = { files: await storedFiles(), entries: await entries() };
    const refused = await upload(office, path, 'over.png', png(3000));
    expect(refused.status).toBe(507);
    const problem = (await refused.json()) as { code: string; fields: { field: string }[]; usedBytes: number; quotaMb: number };
    expect(problem).toMatchObject({ code: 'storage_full', usedBytes: quotaMb * megabyte - 2000 + 8, quotaMb });
    expect(problem.fields.map((f) => f.field)).toEqual(['file']);
    expect({ files: await storedFiles(), entries: await entries() }).toEqual(stored);
    expect((await settings()).attachments).toEqual({ files: before.attachments.files + 1, bytes: quotaMb * megabyte - 2000 + 8 });

    // No limit again: the same file goes in.
    expect((await setQuota(null)).status).toBe(200);
    expect((await settings()).config.attachmentQuotaMb).toBeNull();
    expect(await storage()).toBeNull();
    expect((await upload(office, path, 'over.png', png(3000))).status).toBe(201);
  });
});
