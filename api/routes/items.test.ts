import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, categories, clues, units } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import type { ClueState } from '../../engine';
import { z } from 'zod';
import { problem as problemSchema } from '../contracts/common';
import { historyEntry, itemDetail } from '../contracts/items';
import { staleVersionOf } from '../../test/support/stale-version';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase();
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

/** Clues in a state, optionally of one unit, read straight from the database. */
async function cluesIn(state: ClueState, unitId?: string) {
  return database.db
    .select({ id: clues.id, version: clues.version, unitId: clues.unitId, assigneeId: clues.assigneeId })
    .from(clues)
    .where(and(eq(clues.state, state), unitId === undefined ? undefined : eq(clues.unitId, unitId)));
}

async function auditCount(id: number) {
  const [row] = await database.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.subject, 'clue'), eq(auditLog.subjectId, id)));
  return row?.n ?? 0;
}

async function stored(id: number) {
  const [row] = await database.db.select().from(clues).where(eq(clues.id, id));
  return row;
}

interface Problem {
  status: number;
  code: string;
  reason: { zh: string; en: string };
  fields?: { field: string; message: { zh: string; en: string } }[];
  current?: { version: number; state: string };
}

describe('POST /api/clues/:id/transitions', () => {
  it('moves a clue, bumps its version and appends the audit entry in the same commit', async () => {
    const [clue] = (await cluesIn('found')).filter((c) => c.assigneeId !== null);
    if (clue === undefined) throw new Error('the demo has no assigned clue in found');
    const before = await auditCount(clue.id);
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version });
    expect(response.status).toBe(200);
    const card = (await response.json()) as { state: string; version: number; allowed: { to: string }[] };
    expect(itemDetail.safeParse(card).success).toBe(true);
    expect(card).toMatchObject({ state: 'verifying', version: clue.version + 1 });
    expect(card.allowed.map((m) => m.to)).toContain('filed');
    expect(await auditCount(clue.id)).toBe(before + 1);
    expect((await stored(clue.id))?.state).toBe('verifying');

    const raw: unknown = await (await office.get(`/api/clues/${clue.id}/history`)).json();
    expect(z.array(historyEntry).safeParse(raw).success).toBe(true);
    const history = raw as { event: string; fromState: string; toState: string; version: number; actorName: string }[];
    expect(history.at(-1)).toMatchObject({ event: 'clue.verify', fromState: 'found', toState: 'verifying', version: clue.version + 1, actorName: '专项办值班员' });
  });

  it('answers a move with the item exactly as a fresh read shows it, the new assignee\'s name included', async () => {
    const [clue] = (await cluesIn('found')).filter((c) => c.assigneeId === null);
    if (clue === undefined) throw new Error('the demo has no unassigned clue in found');
    const [assignee] = (await (await office.get(`/api/users?unit=${clue.unitId}`)).json()) as { id: number; displayName: string }[];
    if (assignee === undefined) throw new Error(`no user in ${clue.unitId}`);
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version, payload: { assigneeId: assignee.id } });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { assigneeId: number; assigneeName: string };
    expect(answer).toMatchObject({ assigneeId: assignee.id, assigneeName: assignee.displayName });
    expect(answer).toEqual(await (await office.get(`/api/clues/${clue.id}`)).json());

    // A change of assignee shows the new name; a move that keeps the assignee, the name read with the item.
    const [, other] = (await (await office.get(`/api/users?unit=${clue.unitId}`)).json()) as { id: number; displayName: string }[];
    if (other === undefined) throw new Error(`one user only in ${clue.unitId}`);
    const reassigned = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version + 1, assigneeId: other.id });
    expect(reassigned.status, await reassigned.clone().text()).toBe(200);
    const reassignedAnswer = (await reassigned.json()) as { version: number; assigneeName: string };
    expect(reassignedAnswer.assigneeName).toBe(other.displayName);
    expect(reassignedAnswer).toEqual(await (await office.get(`/api/clues/${clue.id}`)).json());
    const kept = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: reassignedAnswer.version, payload: { conclusion: '查无实据' } });
    expect(kept.status, await kept.clone().text()).toBe(200);
    const keptAnswer = (await kept.json()) as { assigneeName: string };
    expect(keptAnswer.assigneeName).toBe(other.displayName);
    expect(keptAnswer).toEqual(await (await office.get(`/api/clues/${clue.id}`)).json());
  });

  it('answers 409 with the current item when the version is stale, and changes nothing', async () => {
    const [clue] = await cluesIn('verifying');
    if (clue === undefined) throw new Error('no clue in verifying');
    const before = await auditCount(clue.id);
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: await staleVersionOf(database, 'clue', clue.id), payload: { conclusion: 'x' } });
    expect(response.status).toBe(409);
    const body = (await response.json()) as Problem;
    expect(body.code).toBe('version_conflict');
    expect(body.current).toMatchObject({ version: clue.version, state: 'verifying' });
    expect(await auditCount(clue.id)).toBe(before);
  });

  it('refuses an illegal move (found → solved) with 422 and a bilingual reason, and changes nothing', async () => {
    const [clue] = await cluesIn('found');
    if (clue === undefined) throw new Error('no clue in found');
    const before = await stored(clue.id);
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'solved', version: clue.version });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Problem;
    expect(body.code).toBe('move_not_allowed');
    expect(body.reason.zh.length).toBeGreaterThan(0);
    expect(body.reason.en.length).toBeGreaterThan(0);
    expect(await stored(clue.id)).toEqual(before);
  });

  it('names the missing payload fields of a move that needs them', async () => {
    const [clue] = await cluesIn('verifying');
    if (clue === undefined) throw new Error('no clue in verifying');
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'filed', version: clue.version });
    expect(response.status).toBe(422);
    const body = (await response.json()) as Problem;
    expect(body.code).toBe('payload_missing');
    // Named as the request names them: within its payload.
    expect(body.fields?.map((f) => f.field).sort()).toEqual(['payload.caseNumber', 'payload.conclusion']);
  });

  it('counts a value with two faults as one to mend', async () => {
    const response = await office.get('/api/clues/99999999999999999999');
    expect(response.status).toBe(400);
    const body = (await response.json()) as Problem;
    expect(new Set(body.fields?.map((f) => f.field))).toEqual(new Set(['param.id']));
    expect(body.reason).toEqual({ zh: '有 1 处填写有误，请看标出的字段', en: '1 value is not valid; see the marked field' });
  });

  it("refuses a solve whose money has extra zeros by the field's name, and changes nothing", async () => {
    const [clue] = await cluesIn('filed');
    if (clue === undefined) throw new Error('no clue in filed');
    const before = await stored(clue.id);
    const outcome = {
      organisationType: 'none',
      suspectsCaught: 3,
      criminallyDetained: 3,
      arrested: 2,
      gunsSeized: 0,
      assetsSeizedYuan: 0,
      moneyInvolvedYuan: 12_000_000_000_000,
      moneyStoppedYuan: 0,
      moneyFrozenYuan: 0,
      moneyReturnedYuan: 0,
      victimsWarned: 0,
    };
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'solved', version: clue.version, payload: { outcome } });
    expect(response.status).toBe(422);
    const body = (await response.json()) as Problem;
    expect(body.fields).toEqual([{ field: 'payload.outcome.moneyInvolvedYuan', message: { zh: '不能大于 1,000,000,000,000', en: 'Must be 1,000,000,000,000 or less' } }]);
    expect(await stored(clue.id)).toEqual(before);
    // The same case with its money as meant is solved.
    const solved = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'solved', version: clue.version, payload: { outcome: { ...outcome, moneyInvolvedYuan: 12_000_000_000 } } });
    expect(solved.status, await solved.clone().text()).toBe(200);
  });

  it('refuses more sent for prosecution than the suspects caught when solved, at the field, and changes nothing', async () => {
    const [clue] = await cluesIn('solved', 'hantai');
    if (clue === undefined) throw new Error('no solved clue of hantai');
    const before = await stored(clue.id);
    const caught = before?.context.outcome?.suspectsCaught;
    if (caught === undefined) throw new Error(`clue ${clue.id} was solved with no outcome`);
    const lead = await signIn(app, 'hantai.lead');
    const response = await lead.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'prosecuted', version: clue.version, payload: { sentForProsecution: caught + 7 } });
    expect(response.status).toBe(422);
    const body = (await response.json()) as Problem;
    expect(body.code).toBe('payload_invalid');
    const reason = { zh: `不能多于破案时抓获的犯罪嫌疑人数（${caught} 人）`, en: `No more than the ${caught} suspects caught when solved` };
    expect(body.fields).toEqual([{ field: 'payload.sentForProsecution', message: reason }]);
    expect(body.reason).toEqual(reason);
    expect(await stored(clue.id)).toEqual(before);
    // As many as were caught is taken.
    const prosecuted = await lead.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'prosecuted', version: clue.version, payload: { sentForProsecution: caught } });
    expect(prosecuted.status, await prosecuted.clone().text()).toBe(200);
  });

  it('refuses a payload nested past 32 levels by its name, and changes nothing', async () => {
    const [clue] = await cluesIn('found');
    if (clue === undefined) throw new Error('no clue in found');
    const before = await stored(clue.id);
    // 12 KB of brackets, well inside the body limit: it once reached the write worker and failed the copy there.
    const nested = `${'['.repeat(6000)}${']'.repeat(6000)}`;
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, `{"to":"verifying","version":${clue.version},"payload":{"note":${nested}}}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).fields).toEqual([{ field: 'payload', message: { zh: '嵌套不能超过 32 层', en: 'Nested more than 32 levels deep' } }]);
    expect(await stored(clue.id)).toEqual(before);
  });

  it('refuses a new clue for a campaign there is none of by the field that names it, and makes nothing', async () => {
    const before = (await database.db.select({ n: count() }).from(clues))[0]?.n;
    const response = await office.send('POST', '/api/clues', { campaignId: 999, unitId: 'hantai', title: '不存在的专项', source: 'other' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).fields).toEqual([{ field: 'campaignId', message: { zh: '没有这个专项行动', en: 'There is no campaign 999' } }]);
    expect((await database.db.select({ n: count() }).from(clues))[0]?.n).toBe(before);
  });

  it('records a new clue as found when the tip came (yesterday, entered today), its found time limit running from entry; a time to come is refused at the field', async () => {
    const yesterday = '2026-06-14T01:30:00.000Z';
    const response = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '昨日电话举报的线索', source: 'platform110', foundAt: yesterday });
    expect(response.status).toBe(201);
    const created = itemDetail.parse(await response.json());
    const row = await stored(created.id);
    expect([row?.foundAt, row?.enteredAt]).toEqual([yesterday, testNow.toISOString()]);
    // Three days to start verifying, from entry: a tip kept a day before it was entered is not overdue for it.
    expect(Date.parse(row?.dueAt ?? '') - testNow.getTime()).toBeGreaterThan(2 * 86_400_000);
    const before = (await database.db.select({ n: count() }).from(clues))[0]?.n;
    const later = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '明日的线索', source: 'platform110', foundAt: '2026-06-16T01:30:00.000Z' });
    expect(later.status).toBe(422);
    expect(((await later.json()) as Problem).fields).toEqual([{ field: 'foundAt', message: { zh: '发现时间不能晚于现在', en: 'The time found cannot be in the future' } }]);
    const unreadable = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '时间不明的线索', source: 'platform110', foundAt: '昨天' });
    expect(unreadable.status).toBe(400);
    expect(((await unreadable.json()) as Problem).fields?.map((f) => f.field)).toEqual(['foundAt']);
    expect((await database.db.select({ n: count() }).from(clues))[0]?.n).toBe(before);
  });

  it('gives a retired unit no new clue and no clue moved to it, naming the unit; what it holds it keeps working', async () => {
    const [held] = await cluesIn('found', 'hantai');
    const [other] = await cluesIn('found', 'nanzheng');
    if (held === undefined || other === undefined) throw new Error('found clues of hantai and nanzheng');
    await database.db.update(units).set({ retiredAt: '2026-05-01T00:00:00.000Z' }).where(eq(units.id, 'hantai'));
    try {
      const retired = { zh: '该单位已撤销，不再接收事项', en: 'That unit is retired and takes no new work' };
      // The campaign's page says which, so its pickers of where work goes leave it out.
      const detail = (await (await office.get('/api/campaigns/1')).json()) as { units: { id: string; retired: boolean }[] };
      expect(detail.units.filter((u) => u.retired).map((u) => u.id)).toEqual(['hantai']);
      const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '撤销单位的新线索', source: 'other' });
      expect(created.status).toBe(422);
      expect(((await created.json()) as Problem).fields).toEqual([{ field: 'unitId', message: retired }]);
      const before = await stored(other.id);
      const moved = await office.send('POST', `/api/clues/${other.id}/transfer`, { unitId: 'hantai', version: other.version, reason: '移交' });
      expect(moved.status).toBe(422);
      expect(((await moved.json()) as Problem).fields).toEqual([{ field: 'unitId', message: retired }]);
      expect(await stored(other.id)).toEqual(before);
      // A clue it already holds still moves on, and may leave it.
      const verified = await office.send('POST', `/api/clues/${held.id}/transitions`, { to: 'verifying', version: held.version });
      expect(verified.status).toBe(200);
      const away = await office.send('POST', `/api/clues/${held.id}/transfer`, { unitId: 'nanzheng', version: held.version + 1, reason: '单位撤销，移交南郑' });
      expect(away.status, await away.clone().text()).toBe(200);
    } finally {
      await database.db.update(units).set({ retiredAt: null }).where(eq(units.id, 'hantai'));
    }
  });

  it('gives a retired category no new clue and no clue moved into it, saying it is retired; a clue in it keeps it through an edit, even one sending it back', async () => {
    const [disorder] = await database.db.select({ id: categories.id }).from(categories).where(and(eq(categories.campaignId, 1), eq(categories.code, 'disorder')));
    const [held] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(and(eq(clues.state, 'found'), eq(clues.categoryId, disorder?.id ?? -1)));
    const [other] = (await cluesIn('found')).filter((c) => c.id !== held?.id);
    if (disorder === undefined || held === undefined || other === undefined) throw new Error('a found clue in the category disorder and another');
    await database.db.update(categories).set({ retiredAt: '2026-05-01T00:00:00.000Z' }).where(eq(categories.id, disorder.id));
    try {
      const retired = [{ field: 'categoryId', message: { zh: '该类别已停用', en: 'This category is retired' } }];
      const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '停用类别的新线索', source: 'other', categoryId: disorder.id });
      expect(created.status).toBe(422);
      expect(((await created.json()) as Problem).fields).toEqual(retired);
      const before = await stored(other.id);
      const moved = await office.send('PATCH', `/api/clues/${other.id}`, { version: other.version, categoryId: disorder.id });
      expect(moved.status).toBe(422);
      expect(((await moved.json()) as Problem).fields).toEqual(retired);
      expect(await stored(other.id)).toEqual(before);
      const retitled = await office.send('PATCH', `/api/clues/${held.id}`, { version: held.version, title: '停用类别中的线索，改了标题' });
      expect(retitled.status, await retitled.clone().text()).toBe(200);
      expect((await stored(held.id))?.categoryId).toBe(disorder.id);
      // Its category sent back as it is (a client sending the whole record) is no move into a retired one.
      const resent = await office.send('PATCH', `/api/clues/${held.id}`, { version: held.version + 1, title: '停用类别中的线索，再改标题', categoryId: disorder.id });
      expect(resent.status, await resent.clone().text()).toBe(200);
      expect(await stored(held.id)).toMatchObject({ categoryId: disorder.id, title: '停用类别中的线索，再改标题' });
    } finally {
      await database.db.update(categories).set({ retiredAt: null }).where(eq(categories.id, disorder.id));
    }
  });

  it('answers a lead moving another unit\'s clue as if there were none (whatever version is sent), and a viewer with 403', async () => {
    const [other] = (await cluesIn('found')).filter((c) => c.unitId !== 'hantai');
    if (other === undefined) throw new Error('no clue of another unit in found');
    const lead = await signIn(app, 'hantai.lead');
    // A 403 for the right version and a 409 with the item for a wrong one told the lead it was there, and its version.
    const answers = [
      await lead.send('POST', `/api/clues/${other.id}/transitions`, { to: 'verifying', version: other.version }),
      await lead.send('POST', `/api/clues/${other.id}/transitions`, { to: 'verifying', version: other.version + 5 }),
      await lead.send('POST', `/api/clues/${other.id}/notes`, { text: '看看' }),
      await lead.send('POST', '/api/clues/999999/transitions', { to: 'verifying', version: 1 }),
    ];
    const bodies = await Promise.all(answers.map(async (r) => [r.status, ((await r.json()) as Problem).code]));
    expect(bodies).toEqual([
      [404, 'not_found'],
      [404, 'not_found'],
      [404, 'not_found'],
      [404, 'not_found'],
    ]);
    const viewer = await signIn(app, 'viewer');
    const looked = await viewer.send('POST', `/api/clues/${other.id}/transitions`, { to: 'verifying', version: other.version });
    expect(looked.status).toBe(403);
    expect(((await looked.json()) as Problem).code).toBe('role_forbidden');
    expect((await stored(other.id))?.version).toBe(other.version);
  });

  it('hides other units\' clues from a lead: 404 on read', async () => {
    const [other] = (await cluesIn('found')).filter((c) => c.unitId !== 'hantai');
    const lead = await signIn(app, 'hantai.lead');
    expect((await lead.get(`/api/clues/${other?.id}`)).status).toBe(404);
    expect((await lead.get(`/api/clues/${other?.id}/history`)).status).toBe(404);
    expect((await office.get(`/api/clues/${other?.id}`)).status).toBe(200);
  });

  it('answers bad input with a clear 4xx problem and never a crash', async () => {
    const [clue] = await cluesIn('found');
    const path = `/api/clues/${clue?.id}/transitions`;
    const cases: [number, string, Response][] = [
      [400, 'malformed JSON', await office.send('POST', path, '{"to": "verifying",')],
      [400, 'missing version', await office.send('POST', path, { to: 'verifying' })],
      [400, 'wrong type', await office.send('POST', path, { to: 'verifying', version: 'one' })],
      [400, 'unknown field', await office.send('POST', path, { to: 'verifying', version: 1, hack: true })],
      [400, 'id not a number', await office.send('POST', '/api/clues/abc/transitions', { to: 'verifying', version: 1 })],
      [404, 'unknown id', await office.send('POST', '/api/clues/999999/transitions', { to: 'verifying', version: 1 })],
      [415, 'not JSON', await office.send('POST', path, 'to=verifying', { 'content-type': 'application/x-www-form-urlencoded' })],
      [413, 'oversize body', await office.send('POST', path, { to: 'verifying', version: 1, payload: { reason: 'x'.repeat(200_000) } })],
      [400, 'huge string inside the limit', await office.send('POST', path, { to: 'x'.repeat(50_000), version: 1 })],
      [403, 'cross-site origin', await office.send('POST', path, { to: 'verifying', version: 1 }, { origin: 'https://evil.example' })],
      [403, 'cross-site fetch', await office.send('POST', path, { to: 'verifying', version: 1 }, { 'sec-fetch-site': 'cross-site' })],
      [404, 'unknown route', await office.get('/api/nothing-here')],
    ];
    for (const [status, what, response] of cases) {
      expect(response.status, what).toBe(status);
      expect(response.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
      const body = (await response.json()) as Problem;
      expect(problemSchema.safeParse(body).success, what).toBe(true);
      expect(body.status, what).toBe(status);
    }
    const body = (await (await office.send('POST', path, { to: 'verifying' })).json()) as Problem;
    expect(body.fields?.[0]?.field).toBe('version');
  });

  it('stores SQL and script fragments verbatim and returns them inert', async () => {
    const [clue] = await cluesIn('verifying');
    if (clue === undefined) throw new Error('no clue in verifying');
    const conclusion = "'); DROP TABLE clues; -- <script>alert(1)</script>";
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version, payload: { conclusion } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const item = (await (await office.get(`/api/clues/${clue.id}`)).json()) as { context: { conclusion: string } };
    expect(item.context.conclusion).toBe(conclusion);
  });

  it('keeps the audit chain intact and every clue equal to the replay of its entries', async () => {
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
