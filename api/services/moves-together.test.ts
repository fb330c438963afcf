import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { checkKeptFigures } from '../../db/audit/kept-figures';
import { clueStore, problemStore } from '../../db/items/store';
import { auditLog, clues, escalations, problems, users } from '../../db/schema';
import type { Actor } from '../../engine';
import { testDatabase, testNow } from '../../test/support/test-database';
import { ApiError } from '../errors';
import { sweepDeadlines } from './deadline-sweep';
import { moveItem } from './moves-together';
import { staleVersionOf } from '../../test/support/stale-version';

let database: Awaited<ReturnType<typeof testDatabase>>;
let office: Actor;

beforeAll(async () => {
  // On this thread: the spies below watch the group's own calls.
  database = await testDatabase({ clues: 300, problems: 4, writeWorker: false });
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
  office = { userId: row?.id ?? -1, role: 'office', unitScope: [] };
});
afterAll(() => database.drop());
afterEach(() => vi.restoreAllMocks());

/** Clues in verifying with no escalation standing open, not yet used by an earlier test. */
const used = new Set<number>();
async function verifyingClues(count: number) {
  const rows = await database.db
    .select({ id: clues.id, version: clues.version })
    .from(clues)
    .where(and(eq(clues.state, 'verifying'), sql`not exists (select 1 from ${escalations} where ${escalations.subject} = 'clue' and ${escalations.subjectId} = ${clues.id} and ${escalations.status} in ('open', 'acknowledged'))`))
    .orderBy(asc(clues.id));
  const picked = rows.filter((row) => !used.has(row.id)).slice(0, count);
  expect(picked).toHaveLength(count);
  for (const row of picked) used.add(row.id);
  return picked;
}

const dismiss = (clue: { id: number; version: number }, note: string, now = testNow) =>
  moveItem(database, 'clue', clue.id, office, { to: 'unfounded', version: clue.version, payload: { conclusion: `${note}: 查无实据` } }, now);

async function lastSeq(): Promise<number> {
  const [row] = await database.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(sql`${auditLog.seq} desc`).limit(1);
  return row?.seq ?? 0;
}

async function entriesAfter(seq: number) {
  return database.db.select({ subjectId: auditLog.subjectId, event: auditLog.event, version: auditLog.version }).from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq));
}

async function expectLogIntact() {
  expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  expect(await checkKeptFigures(database.db)).toEqual([]);
  // The columns the board filters and sorts on say what the context says (a move sets only those it changes).
  for (const [table, found] of [['clues', 'foundAt'], ['problems', 'identifiedAt']]) {
    const differing = await database.client.execute(`select id from ${table} where campaign_id is not context ->> 'campaignId' or unit_id is not context ->> 'unitId'
      or category_id is not context ->> 'categoryId' or assignee_id is not context ->> 'assigneeId' or title is not context ->> 'title'
      or found_at is not context ->> '${found}' or entered_at is not context ->> 'enteredAt' or due_at is not context ->> 'dueAt'`);
    expect(differing.rows).toEqual([]);
  }
}

describe('moves queued together', () => {
  it('are read with one query and stored with one UPDATE, each with its own version check, audit entry and answer, in the order they came', async () => {
    const picked = await verifyingClues(6);
    const reads = vi.spyOn(clueStore, 'loadManyForChange');
    const readsOne = vi.spyOn(clueStore, 'loadForChange');
    const updates = vi.spyOn(clueStore, 'updateMany');
    const before = await lastSeq();
    // Asked in the same turn of the event loop, as requests read from their sockets together are.
    const answers = await Promise.all(picked.map((clue, i) => dismiss(clue, `move ${i}`)));
    expect(answers.map((a) => [a.id, a.state, a.version])).toEqual(picked.map((c) => [c.id, 'unfounded', c.version + 1]));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(readsOne).not.toHaveBeenCalled();
    expect(updates).toHaveBeenCalledTimes(1);
    expect(await entriesAfter(before)).toEqual(picked.map((c) => ({ subjectId: c.id, event: 'clue.dismiss', version: c.version + 1 })));
    const stored = await database.db.select({ id: clues.id, state: clues.state, version: clues.version }).from(clues).where(inArray(clues.id, picked.map((c) => c.id))).orderBy(asc(clues.id));
    expect(stored).toEqual(picked.map((c) => ({ id: c.id, state: 'unfounded', version: c.version + 1 })));
    await expectLogIntact();
  });

  it("store a problem's move and a clue's move queued together, each kind with its own UPDATE, under one chain of entries", async () => {
    const [clue] = await verifyingClues(1);
    const [problem] = await database.db.select({ id: problems.id, version: problems.version }).from(problems).where(eq(problems.state, 'rectifying')).orderBy(asc(problems.id)).limit(1);
    if (clue === undefined || problem === undefined) throw new Error('a verifying clue and a problem being rectified');
    const clueUpdates = vi.spyOn(clueStore, 'updateMany');
    const problemUpdates = vi.spyOn(problemStore, 'updateMany');
    const before = await lastSeq();
    const [clueAnswer, problemAnswer] = await Promise.all([
      dismiss(clue, 'with a problem'),
      moveItem(database, 'problem', problem.id, office, { to: 'rectified', version: problem.version, payload: { rectification: { measures: '约谈平台并督促整改', websitesShutDown: 1, accountsClosed: 3 } } }, testNow),
    ]);
    expect([clueAnswer.state, problemAnswer.state]).toEqual(['unfounded', 'rectified']);
    expect([clueUpdates.mock.calls.length, problemUpdates.mock.calls.length]).toEqual([1, 1]);
    expect((await entriesAfter(before)).map((e) => [e.subjectId, e.event])).toEqual([
      [clue.id, 'clue.dismiss'],
      [problem.id, 'problem.complete'],
    ]);
    await expectLogIntact();
  });

  it('answer a refused move with its refusal and a stale version with the item as it is, storing only the others', async () => {
    const [first, illegal, stale, last] = await verifyingClues(4);
    if (first === undefined || illegal === undefined || stale === undefined || last === undefined) throw new Error('four clues');
    const staleAt = await staleVersionOf(database, 'clue', stale.id);
    const before = await lastSeq();
    const results = await Promise.allSettled([
      dismiss(first, 'first'),
      // Verifying cannot go straight to solved: the engine refuses it.
      moveItem(database, 'clue', illegal.id, office, { to: 'solved', version: illegal.version }, testNow),
      dismiss({ id: stale.id, version: staleAt }, 'stale'),
      dismiss(last, 'last'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const [, refused, conflict] = results;
    expect(refused?.status === 'rejected' && refused.reason instanceof ApiError && refused.reason.status).toBe(422);
    expect(conflict?.status === 'rejected' && conflict.reason instanceof ApiError && conflict.reason.code).toBe('version_conflict');
    expect(conflict?.status === 'rejected' && (conflict.reason as ApiError).extra.current).toMatchObject({ id: stale.id, version: stale.version, state: 'verifying' });
    expect((await entriesAfter(before)).map((e) => e.subjectId)).toEqual([first.id, last.id]);
    await expectLogIntact();
  });

  it('store the first of two moves of one clue and answer the second, made on the same version, with a conflict', async () => {
    const [clue, other] = await verifyingClues(2);
    if (clue === undefined || other === undefined) throw new Error('two clues');
    const results = await Promise.allSettled([dismiss(clue, 'one'), dismiss(other, 'other'), dismiss(clue, 'two')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const [stored] = await database.db.select({ version: clues.version, context: clues.context }).from(clues).where(eq(clues.id, clue.id));
    expect(stored?.version).toBe(clue.version + 1);
    expect(JSON.stringify(stored?.context)).toContain('one: 查无实据');
    await expectLogIntact();
  });

  it('read a merge target again after the merge goes alone, so a later move made on its old version is a conflict', async () => {
    const [target, source, other] = await verifyingClues(3);
    if (target === undefined || source === undefined || other === undefined) throw new Error('three clues');
    const updates = vi.spyOn(clueStore, 'updateMany');
    const results = await Promise.allSettled([
      moveItem(database, 'clue', source.id, office, { to: 'merged', version: source.version, payload: { targetId: target.id } }, testNow),
      dismiss(target, 'target, as it was before the merge'),
      dismiss(other, 'other'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [, conflict] = results;
    expect(conflict?.status === 'rejected' && (conflict.reason as ApiError).code).toBe('version_conflict');
    const [absorbed] = await database.db.select({ state: clues.state, version: clues.version, context: clues.context }).from(clues).where(eq(clues.id, target.id));
    expect(absorbed).toMatchObject({ state: 'verifying', version: target.version + 1, context: { absorbed: [source.id] } });
    // Known to be stale before it was decided: only the other clue went into the shared UPDATE, which stored it.
    expect(updates.mock.calls.map(([, changes]) => changes.map((c) => c.id))).toEqual([[other.id]]);
    await expectLogIntact();
  });

  it('check a move that names an assignee against the database, alone, between the others', async () => {
    const [first, named, last] = await verifyingClues(3);
    if (first === undefined || named === undefined || last === undefined) throw new Error('three clues');
    const before = await lastSeq();
    const results = await Promise.allSettled([
      dismiss(first, 'first'),
      moveItem(database, 'clue', named.id, office, { event: 'clue.assign', version: named.version, payload: { assigneeId: 999_999 } }, testNow),
      dismiss(last, 'last'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [, refused] = results;
    expect(refused?.status === 'rejected' && (refused.reason as ApiError).fields?.map((f) => f.field)).toEqual(['payload.assigneeId']);
    expect((await entriesAfter(before)).map((e) => e.subjectId)).toEqual([first.id, last.id]);
    await expectLogIntact();
  });

  it('do each move again alone when the statement they share fails, so that only the move that broke it fails', async () => {
    const [first, broken, last] = await verifyingClues(3);
    if (first === undefined || broken === undefined || last === undefined) throw new Error('three clues');
    // A trigger stands in for whatever a single row could break the shared UPDATE with.
    await database.client.execute(`create trigger refuse_one before update on clues when old.id = ${broken.id} begin select raise(abort, 'refused by the test'); end`);
    const updates = vi.spyOn(clueStore, 'updateMany');
    const before = await lastSeq();
    try {
      const results = await Promise.allSettled([dismiss(first, 'first'), dismiss(broken, 'broken'), dismiss(last, 'last')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(updates).toHaveBeenCalledTimes(1);
      expect((await entriesAfter(before)).map((e) => e.subjectId)).toEqual([first.id, last.id]);
      const [kept] = await database.db.select({ state: clues.state, version: clues.version }).from(clues).where(eq(clues.id, broken.id));
      expect(kept).toEqual({ state: 'verifying', version: broken.version });
    } finally {
      await database.client.execute('drop trigger refuse_one');
    }
    await expectLogIntact();
  });

  it('settle the escalations of a clue that moves on, alone, while the others are stored together', async () => {
    // A month on, the sweep has raised escalations on the clues still verifying.
    const later = new Date(testNow.getTime() + 30 * 24 * 3_600_000);
    await sweepDeadlines(database, later);
    const [escalated] = await database.db
      .select({ id: clues.id, version: clues.version })
      .from(clues)
      .innerJoin(escalations, and(eq(escalations.subject, 'clue'), eq(escalations.subjectId, clues.id)))
      .where(and(eq(clues.state, 'verifying'), eq(escalations.status, 'open')))
      .limit(1);
    if (escalated === undefined) throw new Error('the sweep raised escalations on verifying clues');
    // Clues dismissed above have no deadline, so none of their escalations stands open: they are reopened together.
    const [first, last] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.state, 'unfounded')).orderBy(asc(clues.id)).limit(2);
    if (first === undefined || last === undefined) throw new Error('two unfounded clues');
    const reopen = (clue: { id: number; version: number }) => moveItem(database, 'clue', clue.id, office, { to: 'verifying', version: clue.version, payload: { reason: '新证据' } }, later);
    const updates = vi.spyOn(clueStore, 'updateMany');
    const results = await Promise.allSettled([reopen(first), dismiss(escalated, 'escalated', later), reopen(last)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const open = await database.db
      .select({ id: escalations.id })
      .from(escalations)
      .where(and(eq(escalations.subject, 'clue'), eq(escalations.subjectId, escalated.id), inArray(escalations.status, ['open', 'acknowledged'])));
    expect(open).toEqual([]);
    // The first is stored before the escalated clue goes alone, the last after it.
    expect(updates).toHaveBeenCalledTimes(2);
    await expectLogIntact();
  });
});
