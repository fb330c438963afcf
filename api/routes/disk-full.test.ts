import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, clues, idempotencyKeys } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { fullDiskOf, pageLimitWorker } from '../../test/support/full-disk';
import { testDatabase } from '../../test/support/test-database';
import { health as healthSchema } from '../contracts/health';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;
/** Filled and freed from the test's own connection to the file, as another program would. */
let disk: Awaited<ReturnType<typeof fullDiskOf>>;

beforeAll(async () => {
  database = await testDatabase({ writeWorker: pageLimitWorker });
  app = testApp(database);
  office = await signIn(app, 'office');
  disk = await fullDiskOf(database);
});
afterAll(async () => {
  disk.close();
  await database.drop();
});

async function health() {
  const answer = await app.request('/api/health');
  return { status: answer.status, body: healthSchema.parse(await answer.json()) };
}

async function verifyingClue() {
  const [clue] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.state, 'verifying')).limit(1);
  if (clue === undefined) throw new Error('the demo has no clue in verifying');
  return clue;
}

const auditOf = async (id: number) =>
  (await database.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.subject, 'clue'), eq(auditLog.subjectId, id))))[0]?.n ?? 0;

const keysKept = async (key: string) => (await database.db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.key, key)))[0]?.n ?? 0;

// Long enough that its row and its audit entry need pages of their own (a page is 4 KB), wherever they go.
const conclusion = '经核查，举报线索所涉情况查无实据。'.repeat(200);
const notDone = { zh: '服务器磁盘已满，本次操作未保存，请联系管理员', en: "The server's disk is full: nothing was saved; tell the administrator" };

describe("a write that finds the server's disk full", () => {
  it('is refused 507 disk_full with nothing of it kept; health says so until space is freed and a write succeeds; the same request then goes through', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const clue = await verifyingClue();
      const before = { audit: await auditOf(clue.id), version: clue.version };
      expect((await health()).status).toBe(200);
      await disk.fill();

      // A move, committed on the write worker's thread, sent with its Idempotency-Key.
      const move = { to: 'unfounded', version: clue.version, payload: { conclusion } };
      const key = 'disk-full-move-1';
      const refused = await office.send('POST', `/api/clues/${clue.id}/transitions`, move, { 'idempotency-key': key });
      expect(refused.status).toBe(507);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await refused.json()).toMatchObject({ status: 507, code: 'disk_full', title: notDone.en, reason: notDone });
      // A work note, committed on the main thread.
      const note = await office.send('POST', `/api/clues/${clue.id}/notes`, { text: conclusion });
      expect(note.status).toBe(507);
      expect(await note.json()).toMatchObject({ code: 'disk_full', reason: notDone });
      // A batch says it of each item, as its own request would.
      const batch = await office.send('POST', '/api/campaigns/1/batch', { items: [{ kind: 'clue', id: clue.id, version: clue.version }], to: 'unfounded', payload: { conclusion } });
      expect(batch.status).toBe(200);
      expect(await batch.json()).toMatchObject({ changed: [], refused: [{ id: clue.id, status: 507, code: 'disk_full', reason: notDone }] });

      expect(await database.db.select({ state: clues.state, version: clues.version }).from(clues).where(eq(clues.id, clue.id))).toEqual([{ state: 'verifying', version: before.version }]);
      expect(await auditOf(clue.id)).toBe(before.audit);
      expect(await keysKept(key)).toBe(0);

      const full = await health();
      expect(full.status).toBe(503);
      expect(full.body).toMatchObject({ ok: false, status: 'disk_full' });
      expect(full.body.reason?.zh).toMatch(/^服务器磁盘已满，写入失败（SQLITE_FULL: database or disk is full）/);
      expect(full.body.reason?.en).toMatch(/^The server's disk is full: writes fail \(SQLITE_FULL: database or disk is full\)/);
      // Said once, in a line, for the three writes refused: not a stack trace for each.
      const lines = logged.mock.calls.map((call) => String(call[0]));
      expect(lines).toEqual([expect.stringMatching(/^Battlemap cannot write to .*battlemap\.db: the disk is full \(SQLITE_FULL: database or disk is full\)\./)]);

      await disk.free();
      const again = await office.send('POST', `/api/clues/${clue.id}/transitions`, move, { 'idempotency-key': key });
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect(await again.json()).toMatchObject({ state: 'unfounded', version: before.version + 1 });
      expect(await keysKept(key)).toBe(1);
      expect(await auditOf(clue.id)).toBe(before.audit + 1);
      const recovered = await health();
      expect(recovered.status).toBe(200);
      expect(recovered.body).toMatchObject({ ok: true, status: 'ok', reason: null, writes: { worker: 'working' } });
      expect(logged.mock.calls.map((call) => String(call[0])).at(-1)).toMatch(/^Battlemap writes to .*battlemap\.db again: the disk has room\.$/);
      // The main thread's writer goes on too.
      expect((await office.send('POST', `/api/clues/${clue.id}/notes`, { text: '磁盘空间已释放' })).status).toBe(200);
      expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
    } finally {
      logged.mockRestore();
    }
  });
});
