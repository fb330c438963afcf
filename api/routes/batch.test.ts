import { and, asc, count, eq, ne, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clues, problems, users } from '../../db/schema';
import { refusalLabels, type ClueState } from '../../engine';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { batchResult, type BatchResult } from '../contracts/batch';
import type { ListPage } from '../contracts/lists';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 80, problems: 16 });
  app = testApp(database);
});
afterAll(() => database.drop());

type Refusal = { status: number; fields?: { field: string }[] };

async function batch(who: Session, body: Record<string, unknown>, campaignId = 1): Promise<{ status: number; body: BatchResult & Refusal }> {
  const response = await who.send('POST', `/api/campaigns/${campaignId}/batch`, body);
  const answer = (await response.json()) as BatchResult & Refusal;
  if (response.status === 200) expect(batchResult.safeParse(answer).success).toBe(true);
  return { status: response.status, body: answer };
}

/** Clues of a unit in a state, oldest first, with what a batch names them by. */
async function cluesOf(unitId: string, state: ClueState, n: number, extra?: SQL) {
  const rows = await database.db
    .select({ id: clues.id, version: clues.version, assigneeId: clues.assigneeId })
    .from(clues)
    .where(and(eq(clues.unitId, unitId), eq(clues.state, state), extra))
    .orderBy(asc(clues.id))
    .limit(n);
  expect(rows.length, `${n} ${state} clues in ${unitId}`).toBe(n);
  return rows.map((r) => ({ kind: 'clue' as const, id: r.id, version: r.version, assigneeId: r.assigneeId }));
}

/** A unit holding at least `n` clues in a state, other than those named: the seeded campaign spreads its clues at random. */
async function unitWith(state: ClueState, n: number, ...not: string[]): Promise<string> {
  const rows = await database.db.select({ unitId: clues.unitId, n: count() }).from(clues).where(eq(clues.state, state)).groupBy(clues.unitId).orderBy(asc(clues.unitId));
  const unit = rows.find((r) => r.n >= n && !not.includes(r.unitId) && r.unitId !== 'office');
  if (unit === undefined) throw new Error(`no unit with ${n} ${state} clues`);
  return unit.unitId;
}

const entries = async () => (await database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const officerOf = async (unitId: string) => personOf(unitId, 'officer');
const personOf = async (unitId: string, role: 'officer' | 'lead') => {
  const [row] = await database.db.select({ id: users.id }).from(users).where(and(eq(users.unitId, unitId), eq(users.role, role))).orderBy(asc(users.id)).limit(1);
  if (row === undefined) throw new Error(`no ${role} in ${unitId}`);
  return row.id;
};

describe('POST /api/campaigns/:id/batch', () => {
  it('assigns many items at once, each with its own audit entry, and leaves one changed meanwhile as it was', async () => {
    const office = await signIn(app, 'office');
    const unit = await unitWith('verifying', 3);
    const [first, second, stale] = await cluesOf(unit, 'verifying', 3);
    if (first === undefined || second === undefined || stale === undefined) throw new Error('three clues');
    // Someone neither has now: an assignment to whoever has an item already changes nothing (see the test below).
    const officer = [await officerOf(unit), await personOf(unit, 'lead')].find((id) => id !== first.assigneeId && id !== second.assigneeId);
    if (officer === undefined) throw new Error('no one to assign them to');
    const before = await entries();
    const answer = await batch(office, {
      event: 'assign',
      payload: { assigneeId: officer },
      items: [first, second, { ...stale, version: stale.version + 7 }].map(({ kind, id, version }) => ({ kind, id, version })),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.changed.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(answer.body.changed.every((c) => c.state === 'verifying')).toBe(true);
    // Said without the single move's "here is its current state": a batch's row carries none.
    expect(answer.body.refused).toMatchObject([{ kind: 'clue', id: stale.id, status: 409, code: 'version_conflict', reason: { zh: '该事项已被他人修改，本次未作变更，请按其最新状态再处理' } }]);
    expect(await entries()).toBe(before + 2);
    const rows = await database.db.select({ id: clues.id, assigneeId: clues.assigneeId, version: clues.version }).from(clues).where(eq(clues.unitId, unit));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.id)).toMatchObject({ assigneeId: officer, version: first.version + 1 });
    expect(byId.get(second.id)).toMatchObject({ assigneeId: officer, version: second.version + 1 });
    expect(byId.get(stale.id)).toMatchObject({ assigneeId: stale.assigneeId, version: stale.version });
    const logged = await database.db.select({ subjectId: auditLog.subjectId, event: auditLog.event, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.event, 'clue.assign'));
    expect(logged.filter((e) => e.subjectId === first.id || e.subjectId === second.id)).toHaveLength(2);

    // Sent again (a retry), nothing is applied twice: each item is refused for its version.
    const again = await batch(office, { event: 'assign', payload: { assigneeId: officer }, items: [first, second].map(({ kind, id, version }) => ({ kind, id, version })) });
    expect(again.body.changed).toEqual([]);
    expect(again.body.refused.map((r) => r.code)).toEqual(['version_conflict', 'version_conflict']);
  });

  it('leaves an item assigned to the person named already as it was, refused as changing nothing, with no entry and no new version', async () => {
    const office = await signIn(app, 'office');
    const unit = await unitWith('verifying', 1);
    const [clue] = await cluesOf(unit, 'verifying', 1);
    if (clue?.assigneeId == null) throw new Error('an assigned verifying clue');
    const before = await entries();
    const answer = await batch(office, { event: 'assign', payload: { assigneeId: clue.assigneeId }, items: [{ kind: clue.kind, id: clue.id, version: clue.version }] });
    expect(answer.body.changed).toEqual([]);
    expect(answer.body.refused).toMatchObject([{ id: clue.id, code: 'payload_invalid', reason: { zh: '已由该承办人承办' } }]);
    expect(await entries()).toBe(before);
    const [row] = await database.db.select({ version: clues.version }).from(clues).where(eq(clues.id, clue.id));
    expect(row?.version).toBe(clue.version);
  });

  it("moves a unit lead's items, an item's own payload adding to the shared one, and says not found for another unit's", async () => {
    const unit = await unitWith('found', 2);
    const lead = await signIn(app, `${unit}.lead`);
    const officer = await officerOf(unit);
    const found = await cluesOf(unit, 'found', 2);
    const elsewhere = await cluesOf(await unitWith('found', 1, unit), 'found', 1);
    const items = [...found, ...elsewhere].map(({ kind, id, version, assigneeId }) => ({ kind, id, version, ...(assigneeId === null && { payload: { assigneeId: officer } }) }));
    const answer = await batch(lead, { to: 'verifying', items });
    expect(answer.status).toBe(200);
    expect(answer.body.changed.map((c) => [c.id, c.state])).toEqual(found.map((c) => [c.id, 'verifying']));
    expect(answer.body.refused).toMatchObject(elsewhere.map((c) => ({ id: c.id, status: 404, code: 'not_found' })));
    const [other] = await database.db.select({ state: clues.state, version: clues.version }).from(clues).where(eq(clues.id, elsewhere[0]?.id ?? 0));
    expect(other).toEqual({ state: 'found', version: elsewhere[0]?.version });
    // The one that had no one responsible now has the officer the batch named for it.
    for (const clue of found.filter((c) => c.assigneeId === null)) {
      const [row] = await database.db.select({ assigneeId: clues.assigneeId }).from(clues).where(eq(clues.id, clue.id));
      expect(row?.assigneeId).toBe(officer);
    }
  });

  it('refuses each item the engine refuses with its reason and fields, and changes the others', async () => {
    const office = await signIn(app, 'office');
    const [open] = await cluesOf(await unitWith('verifying', 1), 'verifying', 1);
    const [problem] = await database.db.select({ id: problems.id, version: problems.version }).from(problems).where(eq(problems.state, 'rectifying')).limit(1);
    if (open === undefined || problem === undefined) throw new Error('a clue and a problem');
    // A transfer needs a reason: both items are refused for it, by its field, and nothing is stored.
    const before = await entries();
    const bare = await batch(office, { event: 'transfer', payload: { unitId: 'chenggu' }, items: [{ kind: 'clue', id: open.id, version: open.version }, { kind: 'problem', ...problem }] });
    expect(bare.status).toBe(200);
    expect(bare.body.changed).toEqual([]);
    expect(bare.body.refused.map((r) => [r.kind, r.status, r.fields?.map((f) => f.field)])).toEqual([
      ['clue', 422, ['payload.reason']],
      ['problem', 422, ['payload.reason']],
    ]);
    expect(await entries()).toBe(before);
    // A state a problem does not have is refused for the problem alone.
    const moved = await batch(office, { to: 'unfounded', payload: { conclusion: '经核查，举报内容不实' }, items: [{ kind: 'clue', id: open.id, version: open.version }, { kind: 'problem', ...problem }] });
    expect(moved.body.changed.map((c) => [c.kind, c.state])).toEqual([['clue', 'unfounded']]);
    expect(moved.body.refused.map((r) => [r.kind, r.status])).toEqual([['problem', 422]]);
    // Someone of another unit named: refused with the general reason the engine gives every invalid payload (the
    // dialog then lists each field's own), and the field at fault.
    const unit = await unitWith('found', 1);
    const [clue] = await cluesOf(unit, 'found', 1);
    const [stranger] = await database.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'officer'), ne(users.unitId, unit))).limit(1);
    if (clue === undefined || stranger === undefined) throw new Error('a found clue and an officer of another unit');
    const named = await batch(office, { event: 'assign', payload: { assigneeId: stranger.id }, items: [{ kind: 'clue', id: clue.id, version: clue.version }] });
    expect(named.body.refused.map((r) => [r.code, r.reason, r.fields?.map((f) => f.field)])).toEqual([['payload_invalid', refusalLabels.payload_invalid, ['payload.assigneeId']]]);
  });

  it("holds a unit lead's extensions to the campaign's limit, as the item's own route does", async () => {
    const office = await signIn(app, 'office');
    const settings = (await (await office.get('/api/campaigns/1/settings')).json()) as { revision: number };
    expect((await office.send('PATCH', '/api/campaigns/1/settings', { revision: settings.revision, extensionsByLead: 1 })).status).toBe(200);
    const unit = await unitWith('verifying', 1);
    const lead = await signIn(app, `${unit}.lead`);
    const [clue] = await cluesOf(unit, 'verifying', 1);
    if (clue === undefined) throw new Error('a clue');
    const once = await batch(lead, { event: 'extend', payload: { until: '2026-07-20', reason: '等待银行回函' }, items: [{ kind: 'clue', id: clue.id, version: clue.version }] });
    expect(once.body.changed).toHaveLength(1);
    const twice = await batch(lead, { event: 'extend', payload: { until: '2026-07-30', reason: '仍在等待' }, items: [{ kind: 'clue', id: clue.id, version: once.body.changed[0]?.version }] });
    expect(twice.body.changed).toEqual([]);
    expect(twice.body.refused.map((r) => [r.status, r.reason.zh.includes('最多可延期 1 次')])).toEqual([[403, true]]);
  });

  it('lets an officer ask for more time on the items they work, which then wait on their lead', async () => {
    const rows = await database.db
      .select({ id: clues.id, version: clues.version, unitId: clues.unitId, username: users.username })
      .from(clues)
      .innerJoin(users, eq(users.id, clues.assigneeId))
      .where(and(eq(clues.state, 'filed'), eq(users.role, 'officer')))
      .orderBy(asc(clues.id));
    const username = rows[0]?.username;
    const mine = rows.filter((r) => r.username === username).slice(0, 2);
    expect(mine.length).toBeGreaterThan(0);
    const officer = await signIn(app, username ?? '');
    const answer = await batch(officer, { event: 'requestExtension', payload: { until: '2026-08-31', reason: '涉案资金流水待银行调取' }, items: mine.map(({ id, version }) => ({ kind: 'clue', id, version })) });
    expect(answer.body.refused).toEqual([]);
    expect(answer.body.changed.map((c) => c.id)).toEqual(mine.map((c) => c.id));
    const lead = await signIn(app, `${mine[0]?.unitId}.lead`);
    const waiting = (await (await lead.get('/api/campaigns/1/extension-requests?limit=500')).json()) as { items: { subjectId: number; until: string }[] };
    for (const clue of mine) expect(waiting.items.find((r) => r.subjectId === clue.id)?.until).toBe('2026-08-31');
  });

  it('changes nothing for a read-only account: the whole batch refused for who asks', async () => {
    const viewer = await signIn(app, 'viewer');
    const items = (await cluesOf(await unitWith('verifying', 2), 'verifying', 2)).map(({ kind, id, version }) => ({ kind, id, version }));
    const before = await entries();
    const answer = await viewer.send('POST', '/api/campaigns/1/batch', { to: 'unfounded', payload: { conclusion: '不实' }, items });
    expect([answer.status, ((await answer.json()) as { code: string }).code]).toEqual([403, 'role_forbidden']);
    expect(await entries()).toBe(before);
  });

  it('refuses a malformed batch as a whole, by its field, and changes nothing', async () => {
    const office = await signIn(app, 'office');
    const [clue] = await cluesOf(await unitWith('verifying', 1), 'verifying', 1);
    if (clue === undefined) throw new Error('a clue');
    const item = { kind: 'clue', id: clue.id, version: clue.version };
    const before = await entries();
    // A payload nested past 32 levels (one of thousands once failed the copy to the write worker's thread).
    let deep: unknown = [];
    for (let i = 0; i < 40; i += 1) deep = [deep];
    const cases: [Record<string, unknown>, string][] = [
      [{ to: 'unfounded', event: 'assign', items: [item] }, 'event'],
      [{ items: [item] }, 'to'],
      [{ to: 'unfounded', items: [item, item] }, 'items.1.id'],
      [{ to: 'unfounded', items: [] }, 'items'],
      [{ to: 'unfounded', items: Array.from({ length: 501 }, (_, i) => ({ kind: 'clue', id: i + 1, version: 1 })) }, 'items'],
      [{ event: 'note', items: [item] }, 'event'],
      [{ event: 'declineExtension', items: [item] }, 'event'],
      [{ to: 'unfounded', items: [{ ...item, kind: 'task' }] }, 'items.0.kind'],
      [{ to: 'unfounded', payload: { reason: deep }, items: [item] }, 'payload'],
      [{ to: 'unfounded', items: [{ ...item, payload: { reason: deep } }] }, 'items.0.payload'],
    ];
    for (const [body, field] of cases) {
      const answer = await batch(office, body);
      expect([answer.status, answer.body.fields?.map((f) => f.field)], JSON.stringify(body).slice(0, 80)).toEqual([400, [field]]);
    }
    expect((await batch(office, { to: 'unfounded', items: [item] }, 999)).status).toBe(404);
    expect(await entries()).toBe(before);
  });
});

describe('the lists give each row what a batch needs', () => {
  it('its version, the moves and the changes the viewer may make on it', async () => {
    const lead = await signIn(app, `${await unitWith('verifying', 1)}.lead`);
    const response = await lead.get('/api/campaigns/1/lists/clues?state=verifying&limit=5');
    const page = (await response.json()) as ListPage;
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      const [row] = await database.db.select({ version: clues.version }).from(clues).where(eq(clues.id, item.id));
      expect(item.version).toBe(row?.version);
      expect(item.allowed.map((m) => m.to)).toContain('unfounded');
      expect(item.changes).toEqual(expect.arrayContaining(['clue.assign', 'clue.transfer']));
      // What the drawer offers, an extension included only while the lead has one left to give in the state.
      expect(item.changes).toEqual(((await (await lead.get(`/api/clues/${item.id}`)).json()) as { changes: string[] }).changes);
    }
    const viewer = await signIn(app, 'viewer');
    const read = (await (await viewer.get('/api/campaigns/1/lists/clues?state=verifying&limit=5')).json()) as ListPage;
    expect(read.items.every((i) => i.allowed.length === 0 && i.changes.length === 0)).toBe(true);
  });
});
