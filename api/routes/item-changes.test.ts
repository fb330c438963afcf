import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, clues, users } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 80, problems: 10 });
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

interface Item {
  id: number;
  version: number;
  state: string;
  unitId: string;
  assigneeId: number | null;
  title: string;
  context: Record<string, unknown>;
}

const userId = async (username: string) => {
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row?.id ?? -1;
};

describe('creating, editing and transferring items', () => {
  it('records a new clue in found, due by the found time limit, with its create event', async () => {
    const officer = await signIn(app, 'hantai.officer');
    const response = await officer.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', assigneeId: await userId('hantai.officer'), title: '  群众举报某网络水军团伙  ', source: 'platform110' });
    expect(response.status).toBe(201);
    const clue = (await response.json()) as Item & { dueAt: string };
    expect(clue).toMatchObject({ state: 'found', version: 1, unitId: 'hantai', title: '群众举报某网络水军团伙' });
    // Found at 10:00 Beijing time on 15 June, due at the end of the third local day: 18 June 24:00 = 16:00 UTC.
    expect(clue.dueAt).toBe('2026-06-18T16:00:00.000Z');
    const history = (await (await officer.get(`/api/clues/${clue.id}/history`)).json()) as { event: string; toState: string }[];
    expect(history).toMatchObject([{ event: 'clue.create', toState: 'found' }]);
  });

  it('refuses creation outside the creator\'s scope, and names unknown references', async () => {
    const lead = await signIn(app, 'hantai.lead');
    const outside = await lead.send('POST', '/api/clues', { campaignId: 1, unitId: 'nanzheng', title: 'x', source: 'platform110' });
    expect(outside.status).toBe(403);
    const unknown = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'atlantis', title: 'x', source: 'platform110', categoryId: 999 });
    expect(unknown.status).toBe(422);
    const body = (await unknown.json()) as { fields: { field: string }[] };
    expect(body.fields.map((f) => f.field).sort()).toEqual(['categoryId', 'unitId']);
    const wrongAssignee = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', assigneeId: await userId('nanzheng.officer'), title: 'x', source: 'platform110' });
    expect(wrongAssignee.status).toBe(422);
    const noTitle = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '   ', source: 'platform110' });
    expect(noTitle.status).toBe(400);
    expect(((await noTitle.json()) as { fields: { field: string }[] }).fields[0]?.field).toBe('title');
    // A title is one line: a line break in it went into every CSV as a cell of two lines (and past its formula check).
    const twoLines = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '=HYPERLINK("http://x")\n第二行', source: 'platform110' });
    expect(twoLines.status).toBe(400);
    expect(((await twoLines.json()) as { fields: { field: string; message: { zh: string } }[] }).fields).toMatchObject([{ field: 'title', message: { zh: '只能是一行文字，不能含换行或控制字符' } }]);
    // Unicode's own line separator too, which is no control character.
    expect((await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '第一行\u2028第二行', source: 'platform110' })).status).toBe(400);
  });

  it('refuses a title that turns its own text around (U+202E showed "exe.gnp" as "png.exe"), on creation and on an edit, and records nothing', async () => {
    const before = await database.db.select({ id: clues.id }).from(clues);
    const reversed = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '涉诈链接（\u202Eexe.gnp）', source: 'platform110' });
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { fields: { field: string; message: { zh: string } }[] }).fields).toMatchObject([
      { field: 'title', message: { zh: '不能含改变文字方向的控制字符（U+202A 至 U+202E、U+2066 至 U+2069）：它们让文字倒着显示' } },
    ]);
    expect(await database.db.select({ id: clues.id }).from(clues)).toHaveLength(before.length);
    const [clue] = await database.db.select().from(clues).where(eq(clues.unitId, 'hantai'));
    if (clue === undefined) throw new Error('no hantai clue');
    const isolated = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, title: '群众举报\u2067某团伙\u2069' });
    expect(isolated.status).toBe(400);
    const [after] = await database.db.select({ title: clues.title, version: clues.version }).from(clues).where(eq(clues.id, clue.id));
    expect(after).toEqual({ title: clue.title, version: clue.version });
    // A right-to-left mark only nudges a neutral character: it is no override, and stays allowed.
    expect((await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '群众举报\u200f某团伙', source: 'platform110' })).status).toBe(201);
  });

  it('edits fields and changes the assignee in one request, as two audited events', async () => {
    const [clue] = await database.db.select().from(clues).where(and(eq(clues.unitId, 'hantai'), eq(clues.state, 'verifying')));
    if (clue === undefined) throw new Error('no verifying hantai clue');
    const lead = await signIn(app, 'hantai.lead');
    const response = await lead.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, title: '改过的标题', assigneeId: await userId('hantai.lead') });
    expect(response.status).toBe(200);
    const item = (await response.json()) as Item;
    expect(item).toMatchObject({ title: '改过的标题', version: clue.version + 2, assigneeId: await userId('hantai.lead'), state: 'verifying' });
    const events = await database.db.select({ event: auditLog.event }).from(auditLog).where(and(eq(auditLog.subject, 'clue'), eq(auditLog.subjectId, clue.id)));
    expect(events.slice(-2).map((e) => e.event)).toEqual(['clue.edit', 'clue.assign']);
    // The history names whom the assignment gave the clue to, not only who made it.
    const history = (await (await lead.get(`/api/clues/${clue.id}/history`)).json()) as { event: string; actorName: string | null; assigneeName: string | null }[];
    const [leadRow] = await database.db.select({ name: users.displayName }).from(users).where(eq(users.username, 'hantai.lead'));
    expect(history.at(-1)).toMatchObject({ event: 'clue.assign', assigneeName: leadRow?.name });
    expect(history.at(-2)).toMatchObject({ event: 'clue.edit', assigneeName: null });
    const stale = await lead.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, title: '再改' });
    expect(stale.status).toBe(409);
    // A version alone changes nothing, and is said so as any edit of nothing is.
    const nothing = await lead.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version + 2 });
    expect([nothing.status, ((await nothing.json()) as { fields: unknown }).fields]).toEqual([400, [{ field: '(body)', message: { zh: '没有要修改的内容', en: 'Nothing to change' } }]]);
    // The assignee it has already, sent beside an edit, is no second change; sent alone, it is refused as changing nothing.
    const withSame = await lead.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version + 2, title: '再次改过的标题', assigneeId: await userId('hantai.lead') });
    expect(withSame.status).toBe(200);
    expect(((await withSame.json()) as Item).version).toBe(clue.version + 3);
    // Fields sent as they are change nothing either: no new version (another user's edit begun meanwhile would be refused
    // as stale) and no entry in the history; beside a field that does change, they are part of that edit.
    const entries = async () => (await database.db.select({ seq: auditLog.seq }).from(auditLog).where(and(eq(auditLog.subject, 'clue'), eq(auditLog.subjectId, clue.id)))).length;
    const before = await entries();
    const asItIs = await lead.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version + 3, title: '  再次改过的标题 ', assigneeId: await userId('hantai.lead') });
    expect([asItIs.status, ((await asItIs.json()) as { fields: unknown }).fields]).toEqual([400, [{ field: '(body)', message: { zh: '没有要修改的内容', en: 'Nothing to change' } }]]);
    expect(await entries()).toBe(before);
    const [unchanged] = await database.db.select({ version: clues.version }).from(clues).where(eq(clues.id, clue.id));
    expect(unchanged?.version).toBe(clue.version + 3);
    const sameAlone = await lead.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version + 3, assigneeId: await userId('hantai.lead') });
    expect(sameAlone.status).toBe(422);
    expect(((await sameAlone.json()) as { fields: { field: string; message: { zh: string } }[] }).fields).toMatchObject([{ field: 'assigneeId', message: { zh: '已由该承办人承办' } }]);
  });

  it('does not half-apply: a refused assignee change leaves the edit unstored too', async () => {
    const [clue] = await database.db.select().from(clues).where(and(eq(clues.state, 'filed')));
    if (clue === undefined) throw new Error('no filed hantai clue');
    const response = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, title: '不应保存', assigneeId: await userId('viewer') });
    expect(response.status).toBe(422);
    const [after] = await database.db.select().from(clues).where(eq(clues.id, clue.id));
    expect(after).toEqual(clue);
  });

  it('transfers a clue to another unit with a reason, keeping its state', async () => {
    const [clue] = await database.db.select().from(clues).where(and(eq(clues.state, 'filed'), ne(clues.unitId, 'lueyang')));
    if (clue === undefined) throw new Error('no filed clue');
    const response = await office.send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version, unitId: 'lueyang', reason: '属地管辖' });
    expect(response.status).toBe(200);
    expect((await response.json()) as Item).toMatchObject({ unitId: 'lueyang', state: 'filed', version: clue.version + 1 });
    const missingReason = await office.send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version + 1, unitId: 'hantai' });
    expect(missingReason.status).toBe(400);
  });

  it('lists units and assignable users for the pickers', async () => {
    const units = (await (await office.get('/api/units')).json()) as { id: string }[];
    expect(units).toHaveLength(17);
    const people = (await (await office.get('/api/users?unit=hantai')).json()) as { username: string }[];
    expect(people.map((p) => p.username).sort()).toEqual(['hantai.lead', 'hantai.officer']);
  });

  it('keeps every item equal to the replay of its audit entries', async () => {
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});

describe('POST /api/campaigns/:id/advance', () => {
  it('refuses a lead, needs a reason while criteria are unmet, and records the forced advance', async () => {
    const detail = (await (await office.get('/api/campaigns/1')).json()) as { state: string; version: number; unmet: unknown[] };
    expect(detail.state).toBe('crackdown');
    const lead = await signIn(app, 'hantai.lead');
    expect((await lead.send('POST', '/api/campaigns/1/advance', { version: detail.version })).status).toBe(403);
    const early = await office.send('POST', '/api/campaigns/1/advance', { version: detail.version, reason: '提前' });
    // Mid-June: the consolidation window (from 1 September) is not open yet.
    expect(early.status).toBe(422);
    expect(((await early.json()) as { code: string }).code).toBe('window_not_open');
  });
});

describe('problems through the API', () => {
  it('are recorded, rectified with their figures, and verified by the office only', async () => {
    const lead = await signIn(app, 'hantai.lead');
    const created = await lead.send('POST', '/api/problems', { campaignId: 1, unitId: 'hantai', title: '某平台对涉黑恶信息审核缺位', problemKind: 'platformSupervision' });
    expect(created.status).toBe(201);
    const problem = (await created.json()) as Item;
    expect(problem.state).toBe('identified');
    const needsAssignee = await lead.send('POST', `/api/problems/${problem.id}/transitions`, { to: 'rectifying', version: problem.version });
    expect(needsAssignee.status).toBe(422);
    const rectifying = await lead.send('POST', `/api/problems/${problem.id}/transitions`, { to: 'rectifying', version: problem.version, payload: { assigneeId: await userId('hantai.officer') } });
    expect(rectifying.status).toBe(200);
    const officer = await signIn(app, 'hantai.officer');
    const v2 = ((await rectifying.json()) as Item).version;
    const badFigures = await officer.send('POST', `/api/problems/${problem.id}/transitions`, { to: 'rectified', version: v2, payload: { rectification: { measures: '约谈平台', websitesShutDown: -1, accountsClosed: 0 } } });
    expect(badFigures.status).toBe(422);
    const rectified = await officer.send('POST', `/api/problems/${problem.id}/transitions`, { to: 'rectified', version: v2, payload: { rectification: { measures: '约谈平台并督促整改', websitesShutDown: 2, accountsClosed: 15 } } });
    expect(rectified.status).toBe(200);
    const v3 = ((await rectified.json()) as Item).version;
    expect((await lead.send('POST', `/api/problems/${problem.id}/transitions`, { to: 'verified', version: v3 })).status).toBe(403);
    const verified = await office.send('POST', `/api/problems/${problem.id}/transitions`, { to: 'verified', version: v3 });
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as Item).state).toBe('verified');
    const history = (await (await office.get(`/api/problems/${problem.id}/history`)).json()) as { event: string }[];
    expect(history.map((h) => h.event)).toEqual(['problem.create', 'problem.rectify', 'problem.complete', 'problem.verify']);
  });
});
