import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, clues, idempotencyKeys, users } from '../../db/schema';
import { movingClockApp, signIn, type Session } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { forgetOldAnswers } from '../services/idempotency';

/**
 * A write sent again with its Idempotency-Key, because its answer was lost
 * (the network failed after the server committed): answered as the first
 * time and applied once, in this process or another (the key is in the
 * database, written in the write's own transaction).
 */

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: ReturnType<typeof movingClockApp>['app'];
let setClock: (at: Date) => void;
let office: Session;
let lead: Session;

beforeAll(async () => {
  database = await testDatabase();
  ({ app, setClock } = movingClockApp(database, testNow));
  office = await signIn(app, 'office');
  lead = await signIn(app, 'hantai.lead');
});
afterAll(async () => {
  app.stop();
  await database.drop();
});

/** A clue in found with an assignee (of Hantai, for a test its lead takes part in) that no test has taken yet. */
const taken = new Set<number>();
async function takeFoundClue(unitId?: string): Promise<{ id: number; version: number }> {
  const candidates = await database.db
    .select({ id: clues.id, version: clues.version })
    .from(clues)
    .where(and(eq(clues.state, 'found'), isNotNull(clues.assigneeId), unitId === undefined ? undefined : eq(clues.unitId, unitId)));
  const clue = candidates.find((c) => !taken.has(c.id));
  if (clue === undefined) throw new Error('the demo has no more assigned clues in found');
  taken.add(clue.id);
  return clue;
}

async function entriesOf(id: number): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.subject, 'clue'), eq(auditLog.subjectId, id)));
  return row?.n ?? 0;
}

async function allEntries(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditLog);
  return row?.n ?? 0;
}

const keyed = (key: string) => ({ 'idempotency-key': key });

interface Problem {
  code: string;
  fields?: { field: string }[];
}

describe('Idempotency-Key on the writes a retry could apply twice', () => {
  it('answers a move sent again with its key as the first time, and applies it once', async () => {
    const clue = await takeFoundClue();
    const before = await entriesOf(clue.id);
    const first = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }, keyed('move-once-1'));
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const answer: unknown = await first.json();
    expect(answer).toMatchObject({ state: 'verifying', version: clue.version + 1 });

    const again = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }, keyed('move-once-1'));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(answer);
    expect(await entriesOf(clue.id)).toBe(before + 1);

    // Without the key, the same request is what it always was: stale.
    expect((await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version })).status).toBe(409);
  });

  it('applies once two copies of a move sent at the same moment with one key, and answers both with it', async () => {
    const clue = await takeFoundClue();
    const before = await entriesOf(clue.id);
    const send = () => office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }, keyed('move-race-1'));
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(await entriesOf(clue.id)).toBe(before + 1);
  });

  it('refuses one key sent with two different requests, naming the header, and applies only the first', async () => {
    const [a, b] = [await takeFoundClue(), await takeFoundClue()];
    const entries = await allEntries();
    // Sent together, the two moves are stored together; the second key's row fails that, and each is done again alone.
    const [first, second] = await Promise.all([
      office.send('POST', `/api/clues/${a.id}/transitions`, { to: 'verifying', version: a.version }, keyed('one-key-two-moves')),
      office.send('POST', `/api/clues/${b.id}/transitions`, { to: 'verifying', version: b.version }, keyed('one-key-two-moves')),
    ]);
    // Whichever is stored first keeps the key; the other is refused.
    expect([first.status, second.status].sort()).toEqual([200, 422]);
    const [applied, refused] = first.status === 200 ? [a, second] : [b, first];
    const problem = (await refused.json()) as Problem;
    expect(problem.code).toBe('idempotency_key_reused');
    expect(problem.fields?.map((f) => f.field)).toEqual(['header.idempotency-key']);
    expect(await allEntries()).toBe(entries + 1);

    // And once kept, asked first on the main thread: another body for the same path is refused too.
    const c = await takeFoundClue();
    const otherBody = await office.send('POST', `/api/clues/${applied.id}/transitions`, { to: 'unfounded', version: applied.version + 1 }, keyed('one-key-two-moves'));
    expect(otherBody.status).toBe(422);
    expect(((await otherBody.json()) as Problem).code).toBe('idempotency_key_reused');
    expect((await office.send('POST', `/api/clues/${c.id}/transitions`, { to: 'verifying', version: c.version }, keyed('one-key-two-moves'))).status).toBe(422);
    expect(await allEntries()).toBe(entries + 1);
  });

  it('keeps each user’s keys apart: another user’s request with the same key is judged on its own', async () => {
    const clue = await takeFoundClue('hantai');
    expect((await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }, keyed('shared-key'))).status).toBe(200);
    // The Hantai lead sends the same request with the same key: not the office's answer, but a stale version.
    const theirs = await lead.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }, keyed('shared-key'));
    expect(theirs.status).toBe(409);
  });

  it('keeps only what it applied: a refused request sent again is judged again, and its key stays free', async () => {
    const clue = await takeFoundClue();
    const refused = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'solved', version: clue.version }, keyed('refused-first'));
    expect(refused.status).toBe(422);
    expect((await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'solved', version: clue.version }, keyed('refused-first'))).status).toBe(422);
    const [kept] = await database.db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.key, 'refused-first'));
    expect(kept?.n).toBe(0);
    expect((await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }, keyed('refused-first'))).status).toBe(200);
  });

  it('creates one clue and writes one note however often the same request is sent with its key', async () => {
    const entries = await allEntries();
    const newClue = { campaignId: 1, unitId: 'hantai', title: '重试不重复的线索', source: 'other' };
    const created = await Promise.all([1, 2].map(() => office.send('POST', '/api/clues', newClue, keyed('create-once'))));
    expect(created.map((r) => r.status)).toEqual([201, 201]);
    const [one, two] = (await Promise.all(created.map((r) => r.json()))) as { id: number }[];
    expect(two?.id).toBe(one?.id);
    const again = await office.send('POST', '/api/clues', newClue, keyed('create-once'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: number }).id).toBe(one?.id);
    const [titled] = await database.db.select({ n: count() }).from(clues).where(eq(clues.title, newClue.title));
    expect(titled?.n).toBe(1);

    const id = one?.id ?? 0;
    for (let i = 0; i < 3; i += 1) expect((await office.send('POST', `/api/clues/${id}/notes`, { text: '已电话联系举报人' }, keyed('note-once'))).status).toBe(200);
    const history = (await (await office.get(`/api/clues/${id}/history`)).json()) as { event: string }[];
    expect(history.filter((h) => h.event === 'clue.note')).toHaveLength(1);
    expect(await allEntries()).toBe(entries + 2);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it('answers each write of the drawer sent again with its key as the first time, not as stale or already done, and applies each once', async () => {
    // A filed clue worked by an officer of its unit (who asks for more time), its unit's lead answering.
    const [filed] = await database.db
      .select({ id: clues.id, version: clues.version, unitId: clues.unitId, officer: users.username })
      .from(clues)
      .innerJoin(users, eq(users.id, clues.assigneeId))
      .where(and(eq(clues.state, 'filed'), eq(users.role, 'officer')))
      .limit(1);
    if (filed === undefined) throw new Error('the demo has no filed clue worked by an officer');
    const officer = await signIn(app, filed.officer);
    const unitLead = await signIn(app, `${filed.unitId}.lead`);
    const [solved] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.state, 'solved')).limit(1);
    if (solved === undefined) throw new Error('the demo has no solved clue');
    const other = await takeFoundClue();
    const base = `/api/clues/${filed.id}`;
    let version = filed.version;
    // Each write, then the same again with its key (its answer lost): answered 200 as the first was, and stored once.
    const writes: { who: Session; method: string; path: string; body: (version: number) => Record<string, unknown>; key: string }[] = [
      { who: officer, method: 'PATCH', path: base, body: (v) => ({ version: v, title: '重试的修改只存一次' }), key: 'edit-once' },
      { who: officer, method: 'POST', path: `${base}/extension-request`, body: (v) => ({ version: v, until: '2026-12-20', reason: '涉案人员在外地' }), key: 'ask-once' },
      { who: unitLead, method: 'POST', path: `${base}/extension-request/decline`, body: (v) => ({ version: v, reason: '应按期办结' }), key: 'decline-once' },
      { who: unitLead, method: 'POST', path: `${base}/extend`, body: (v) => ({ version: v, until: '2026-12-10', reason: '案情复杂' }), key: 'extend-once' },
      { who: office, method: 'POST', path: `/api/clues/${other.id}/transfer`, body: () => ({ version: other.version, unitId: 'chenggu', reason: '属地管辖' }), key: 'transfer-once' },
      { who: office, method: 'POST', path: `/api/clues/${solved.id}/typical`, body: () => ({ version: solved.version, summary: '重试只选一次' }), key: 'typical-once' },
      { who: office, method: 'POST', path: `/api/clues/${solved.id}/typical/withdraw`, body: () => ({ version: solved.version + 1, reason: '另选' }), key: 'untypical-once' },
    ];
    for (const write of writes) {
      const body = write.body(version);
      const entries = await allEntries();
      const first = await write.who.send(write.method, write.path, body, keyed(write.key));
      expect(first.status, `${write.key}: ${await first.clone().text()}`).toBe(200);
      const answer = (await first.json()) as { version: number };
      const again = await write.who.send(write.method, write.path, body, keyed(write.key));
      expect(again.status, `${write.key}: ${await again.clone().text()}`).toBe(200);
      expect(again.headers.get('idempotent-replayed'), write.key).toBe('true');
      expect(await again.json()).toEqual(answer);
      expect(await allEntries(), write.key).toBe(entries + 1);
      // Without its key the same request is what it always was: stale.
      expect((await write.who.send(write.method, write.path, body)).status, write.key).toBe(409);
      if (write.path.startsWith(base)) version = answer.version;
    }
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it('refuses a key that is not one, naming the header, before anything is done', async () => {
    const clue = await takeFoundClue();
    for (const key of ['has spaces', 'x'.repeat(256), 'clé']) {
      const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }, keyed(key));
      expect(response.status, key).toBe(400);
      expect(((await response.json()) as Problem).fields?.map((f) => f.field)).toEqual(['header.idempotency-key']);
    }
    expect((await database.db.select({ version: clues.version }).from(clues).where(eq(clues.id, clue.id)))[0]?.version).toBe(clue.version);
  });

  it('forgets an answer after a day: the key may then be used again', async () => {
    const clue = await takeFoundClue();
    expect((await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version }, keyed('a-day-old'))).status).toBe(200);
    expect(await forgetOldAnswers(database, new Date(testNow.getTime() + 23 * 3_600_000))).toBe(0);
    const dayLater = new Date(testNow.getTime() + 24 * 3_600_000 + 1_000);
    setClock(dayLater);
    try {
      expect(await forgetOldAnswers(database, dayLater)).toBeGreaterThan(0);
      // A day on, the morning's session has ended: the office signs in again.
      const next = await (await signIn(app, 'office')).send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version + 1, payload: { conclusion: '经核查不属实' } }, keyed('a-day-old'));
      expect(next.status, await next.clone().text()).toBe(200);
    } finally {
      setClock(testNow);
    }
  });
});
