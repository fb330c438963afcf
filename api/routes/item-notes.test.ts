import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, clues, problems, users } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import type { HistoryEntry, ItemDetail } from '../contracts/items';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 40, problems: 6 });
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

/** The n-th clue in verifying or filed: each test notes its own. */
async function openClue(n: number): Promise<ItemDetail> {
  const rows = await database.db.select({ id: clues.id }).from(clues).where(inArray(clues.state, ['verifying', 'filed'])).orderBy(clues.id);
  const row = rows[n];
  if (row === undefined) throw new Error(`fewer than ${n + 1} clues in verifying or filed`);
  return (await (await office.get(`/api/clues/${row.id}`)).json()) as ItemDetail;
}

const history = async (kind: 'clues' | 'problems', id: number) => (await (await office.get(`/api/${kind}/${id}/history`)).json()) as HistoryEntry[];

describe('work notes', () => {
  it('adds a note to a clue: the state and fields stay, the version moves on, and the history shows who wrote what', async () => {
    const clue = await openClue(0);
    const response = await office.send('POST', `/api/clues/${clue.id}/notes`, { text: '  已调取涉案手机号通话记录，发现与 #12 同一号码  ' });
    expect(response.status).toBe(200);
    const noted = (await response.json()) as ItemDetail;
    expect(noted).toMatchObject({ id: clue.id, state: clue.state, version: clue.version + 1, context: { ...clue.context, lastNoteAt: testNow.toISOString() } });

    const last = (await history('clues', clue.id)).at(-1);
    expect(last).toMatchObject({ event: 'clue.note', fromState: clue.state, toState: clue.state, version: clue.version + 1, payload: { text: '已调取涉案手机号通话记录，发现与 #12 同一号码' } });
    expect(last?.actorName).not.toBeNull();
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('needs no version: a card moved meanwhile still takes the note', async () => {
    const clue = await openClue(1);
    const edited = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, title: '标题在记录前被改过' });
    expect(edited.status).toBe(200);
    const noted = (await (await office.send('POST', `/api/clues/${clue.id}/notes`, { text: '补充笔录一份' })).json()) as ItemDetail;
    expect(noted.version).toBe(clue.version + 2);
  });

  it('leaves a move, an edit or a batch prepared before a note valid, and one prepared before a move stale', async () => {
    const clue = await openClue(3);
    const [verifying] = await database.db.select({ id: clues.id }).from(clues).where(and(eq(clues.state, 'verifying'), ne(clues.id, clue.id))).orderBy(clues.id).limit(1).offset(2);
    if (verifying === undefined) throw new Error('fewer than three clues in verifying');
    const other = (await (await office.get(`/api/clues/${verifying.id}`)).json()) as ItemDetail;
    for (const item of [clue, other]) expect((await office.send('POST', `/api/clues/${item.id}/notes`, { text: '走访群众两名' })).status).toBe(200);

    // Prepared on the version before the note: the edit, then the move on the edit's answer, go through.
    const edited = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, title: '记录之后改的标题' });
    expect(edited.status, await edited.clone().text()).toBe(200);
    const afterEdit = (await edited.json()) as ItemDetail;
    expect(afterEdit.version).toBe(clue.version + 2);
    // The edit is a change: a move prepared before it is stale, and stores nothing.
    const entries = (await history('clues', clue.id)).length;
    const stale = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version, payload: { conclusion: '查无实据' } });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { code: string }).code).toBe('version_conflict');
    expect((await history('clues', clue.id)).length).toBe(entries);

    // A batch prepared before the note: its card moves.
    const batch = await office.send('POST', `/api/campaigns/${other.context.campaignId}/batch`, {
      to: 'unfounded',
      payload: { conclusion: '查无实据' },
      items: [{ kind: 'clue', id: other.id, version: other.version }],
    });
    expect(batch.status, await batch.clone().text()).toBe(200);
    expect(((await batch.json()) as { refused: unknown[] }).refused).toEqual([]);
    expect((await (await office.get(`/api/clues/${other.id}`)).json()) as ItemDetail).toMatchObject({ state: 'unfounded', version: other.version + 2 });
    // A version the clue never had is stale too.
    const future = await office.send('PATCH', `/api/clues/${other.id}`, { version: other.version + 40, title: '不存在的版本' });
    expect(future.status).toBe(409);
  });

  it('lets the assigned officer note a problem, and refuses a lead of another unit and a viewer', async () => {
    const [problem] = await database.db.select({ id: problems.id, unitId: problems.unitId, assigneeId: problems.assigneeId, version: problems.version }).from(problems).where(eq(problems.state, 'rectifying')).limit(1);
    if (problem === undefined || problem.assigneeId === null) throw new Error('no assigned problem in rectifying');
    const [assignee] = await database.db.select({ username: users.username }).from(users).where(eq(users.id, problem.assigneeId));
    const officer = await signIn(app, assignee?.username ?? '');
    const noted = await officer.send('POST', `/api/problems/${problem.id}/notes`, { text: '已约谈网站负责人，限期整改' });
    expect(noted.status).toBe(200);
    expect((await history('problems', problem.id)).at(-1)).toMatchObject({ event: 'problem.note', payload: { text: '已约谈网站负责人，限期整改' } });

    const other = await signIn(app, `${problem.unitId === 'hantai' ? 'nanzheng' : 'hantai'}.lead`);
    const viewer = await signIn(app, 'viewer');
    const refused = [await other.send('POST', `/api/problems/${problem.id}/notes`, { text: 'x' }), await viewer.send('POST', `/api/problems/${problem.id}/notes`, { text: 'x' })];
    // Another unit's problem is none the lead can see: not found, as a read of it is; the viewer sees it and may not write.
    expect(refused.map((r) => r.status)).toEqual([404, 403]);
    const codes = await Promise.all(refused.map(async (r) => ((await r.json()) as { code: string }).code));
    expect(codes).toEqual(['not_found', 'role_forbidden']);
  });

  it('refuses an empty or overlong note by its field, a note on no item, and stores nothing', async () => {
    const clue = await openClue(2);
    const entries = (await database.db.select({ seq: auditLog.seq }).from(auditLog)).length;
    for (const body of [{ text: '   ' }, { text: '长'.repeat(4001) }, {}, { text: 'x', version: 1 }]) {
      const response = await office.send('POST', `/api/clues/${clue.id}/notes`, body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const problem = (await response.json()) as { fields: { field: string }[] };
      expect(problem.fields.length).toBeGreaterThan(0);
    }
    expect((await office.send('POST', '/api/clues/999999/notes', { text: 'x' })).status).toBe(404);
    // A control character pasted from a terminal (BEL) is named; line breaks and tabs are the note's own.
    const bell = await office.send('POST', `/api/clues/${clue.id}/notes`, { text: '已调取\u0007通话记录' });
    expect(bell.status).toBe(400);
    expect(((await bell.json()) as { fields: unknown[] }).fields).toEqual([{ field: 'text', message: { zh: '不能含控制字符（换行和制表符除外）', en: 'No control characters but line breaks and tabs' } }]);
    expect((await database.db.select({ seq: auditLog.seq }).from(auditLog)).length).toBe(entries);
    expect(((await (await office.get(`/api/clues/${clue.id}`)).json()) as ItemDetail).version).toBe(clue.version);
  });

  it('holds a note to 4,000 characters as the drawer counts them: one more is refused naming the note, the limit whole is stored whole', async () => {
    const clue = await openClue(4);
    const entries = (await database.db.select({ seq: auditLog.seq }).from(auditLog)).length;
    const over = await office.send('POST', `/api/clues/${clue.id}/notes`, { text: `${'长'.repeat(4000)}尾` });
    expect(over.status).toBe(400);
    const problem = (await over.json()) as { fields: { field: string; message: { zh: string; en: string } }[] };
    expect(problem.fields).toEqual([{ field: 'text', message: { zh: '最多 4000 个字符', en: 'At most 4000 characters' } }]);
    expect((await database.db.select({ seq: auditLog.seq }).from(auditLog)).length).toBe(entries);
    // Spaces around it are trimmed before it is measured, and a character outside the BMP (two UTF-16 units) is one.
    const whole = `  ${'𠀀'.repeat(10)}${'长'.repeat(3990)}\n`;
    expect((await office.send('POST', `/api/clues/${clue.id}/notes`, { text: whole })).status).toBe(200);
    expect((await history('clues', clue.id)).at(-1)).toMatchObject({ event: 'clue.note', payload: { text: whole.trim() } });
  });

  it('tells each viewer which changes they may make on the item, so the drawer offers a note only to those who may write one', async () => {
    const clue = await openClue(3);
    const [assignee] = clue.assigneeId === null ? [] : await database.db.select({ username: users.username }).from(users).where(eq(users.id, clue.assigneeId));
    const sorted = (item: ItemDetail) => [...item.changes].filter((c) => c !== 'clue.absorb').sort();
    expect(sorted(clue)).toEqual(['clue.assign', 'clue.attach', 'clue.declineExtension', 'clue.detach', 'clue.edit', 'clue.extend', 'clue.note', 'clue.requestExtension', 'clue.transfer']);
    const lead = await signIn(app, `${clue.unitId}.lead`);
    expect(sorted((await (await lead.get(`/api/clues/${clue.id}`)).json()) as ItemDetail)).toEqual(['clue.assign', 'clue.attach', 'clue.declineExtension', 'clue.detach', 'clue.edit', 'clue.extend', 'clue.note', 'clue.requestExtension', 'clue.transfer']);
    const viewer = await signIn(app, 'viewer');
    expect(((await (await viewer.get(`/api/clues/${clue.id}`)).json()) as ItemDetail).changes).toEqual([]);
    if (assignee !== undefined && assignee.username !== `${clue.unitId}.officer`) throw new Error('the demo assigns each unit’s clues to its officer');
    const officer = await signIn(app, `${clue.unitId}.officer`);
    const asOfficer = (await (await officer.get(`/api/clues/${clue.id}`)).json()) as ItemDetail;
    expect(sorted(asOfficer)).toEqual(clue.assigneeId === null ? [] : ['clue.attach', 'clue.detach', 'clue.edit', 'clue.note', 'clue.requestExtension']);
    // The answer to a change carries them too.
    const noted = (await (await office.send('POST', `/api/clues/${clue.id}/notes`, { text: '核对' })).json()) as ItemDetail;
    expect(sorted(noted)).toEqual(sorted(clue));
  });
});
