import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, clues, problems, units, users } from '../../db/schema';
import { openClueStates, openProblemStates } from '../../engine';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { userNamed } from '../../test/support/demo-users';
import { testDatabase } from '../../test/support/test-database';

// A role or unit change that would leave a user holding open items they can no longer open or move: refused until
// the administrator confirms, then the items go back to their unit unassigned, each with its own history entry.

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let admin: Session;
let office: Session;

interface Problem {
  status: number;
  code: string;
  reason: { zh: string; en: string };
  fields?: { field: string; message: { zh: string; en: string } }[];
  heldItems?: number;
}

beforeAll(async () => {
  database = await testDatabase({ clues: 80, problems: 6 });
  app = testApp(database);
  admin = await signIn(app, 'admin');
  office = await signIn(app, 'office');
});
afterAll(async () => {
  app.stop();
  await database.drop();
});

/** The open clues and problems a user is the assignee of, as stored. */
async function heldBy(userId: number) {
  const held = [
    ...(await database.db.select({ id: clues.id, unitId: clues.unitId }).from(clues).where(and(eq(clues.assigneeId, userId), inArray(clues.state, [...openClueStates])))).map((c) => ({ kind: 'clue' as const, ...c })),
    ...(await database.db.select({ id: problems.id, unitId: problems.unitId }).from(problems).where(and(eq(problems.assigneeId, userId), inArray(problems.state, [...openProblemStates])))).map((p) => ({ kind: 'problem' as const, ...p })),
  ];
  return held;
}

/** An officer of hantai who holds at least two of its open clues, assigned by the office as a lead would. */
async function officerHoldingTwo(username: string) {
  const officer = await userNamed(database.db, username);
  const free = await database.db
    .select({ id: clues.id, version: clues.version, assigneeId: clues.assigneeId })
    .from(clues)
    .where(and(eq(clues.unitId, 'hantai'), inArray(clues.state, ['found', 'verifying', 'filed'])));
  for (const clue of free.filter((c) => c.assigneeId !== officer.id).slice(0, 2)) {
    const assigned = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, assigneeId: officer.id });
    expect(assigned.status, await assigned.clone().text()).toBe(200);
  }
  const held = await heldBy(officer.id);
  expect(held.length).toBeGreaterThanOrEqual(2);
  expect(held.every((item) => item.unitId === 'hantai')).toBe(true);
  return { officer, held };
}

const unitOf = async (id: number) => (await database.db.select({ unitId: users.unitId, role: users.role }).from(users).where(eq(users.id, id)))[0];
const editEntries = async (id: number) => database.db.select().from(auditLog).where(and(eq(auditLog.subject, 'user'), eq(auditLog.subjectId, id), eq(auditLog.event, 'user.edit')));

describe('a role or unit change of a user who holds open items', () => {
  it('is refused with 409 naming the field and how many items, and changes nothing, for another county or the viewer role', async () => {
    const { officer, held } = await officerHoldingTwo('hantai.officer');
    const logged = (await editEntries(officer.id)).length;

    const moved = await admin.send('PATCH', `/api/admin/users/${officer.id}`, { unitId: 'chenggu' });
    expect(moved.status, await moved.clone().text()).toBe(409);
    const problem = (await moved.json()) as Problem;
    expect(problem.code).toBe('holds_items');
    expect(problem.heldItems).toBe(held.length);
    expect(problem.fields?.map((f) => f.field)).toEqual(['unitId']);
    expect(problem.fields?.[0]?.message.zh).toContain(`仍承办 ${held.length} 项`);
    expect(problem.fields?.[0]?.message.en).toContain(`holds ${held.length} open items`);

    const viewer = await admin.send('PATCH', `/api/admin/users/${officer.id}`, { role: 'viewer', displayName: '改了名' });
    expect(viewer.status).toBe(409);
    expect(((await viewer.json()) as Problem).fields?.map((f) => f.field)).toEqual(['role']);

    // Nothing half-done: the account, its items and the log as they were.
    expect(await unitOf(officer.id)).toEqual({ unitId: 'hantai', role: 'officer' });
    expect((await userNamed(database.db, 'hantai.officer')).name).toBe(officer.name);
    expect(await heldBy(officer.id)).toEqual(held);
    expect((await editEntries(officer.id)).length).toBe(logged);
  });

  it('is refused for a unit below their own, whose reach leaves out the items of the unit above', async () => {
    const { officer } = await officerHoldingTwo('hantai.officer');
    const station = await admin.send('POST', '/api/admin/units', { id: 'held-station', parentId: 'hantai', kind: 'station', nameZh: '测试派出所' });
    expect(station.status, await station.clone().text()).toBe(201);
    const down = await admin.send('PATCH', `/api/admin/users/${officer.id}`, { unitId: 'held-station' });
    expect(down.status).toBe(409);
    expect(await unitOf(officer.id)).toEqual({ unitId: 'hantai', role: 'officer' });
  });

  it('needs no confirming where the user still reaches every item: a unit above, another role that moves items', async () => {
    const { officer, held } = await officerHoldingTwo('hantai.officer');
    for (const edit of [{ unitId: 'office' }, { unitId: 'hantai' }, { role: 'lead' }, { role: 'officer' }]) {
      const response = await admin.send('PATCH', `/api/admin/users/${officer.id}`, edit);
      expect(response.status, `${JSON.stringify(edit)}: ${await response.clone().text()}`).toBe(200);
    }
    expect(await heldBy(officer.id)).toEqual(held);
  });

  it('once confirmed, saves the change and hands every item back to its unit unassigned, each with its history entry', async () => {
    const { officer, held } = await officerHoldingTwo('hantai.officer');
    const moved = await admin.send('PATCH', `/api/admin/users/${officer.id}`, { unitId: 'chenggu', releaseHeldItems: true });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect((await moved.json()) as { unitId: string; openItems: number }).toMatchObject({ unitId: 'chenggu', openItems: 0 });
    expect(await heldBy(officer.id)).toEqual([]);

    const adminId = (await userNamed(database.db, 'admin')).id;
    const lead = await signIn(app, 'hantai.lead');
    for (const item of held) {
      const path = `/api/${item.kind === 'clue' ? 'clues' : 'problems'}/${item.id}`;
      // Still the unit's, now with no assignee: its lead sees it waiting to be assigned again.
      expect((await (await lead.get(path)).json()) as { unitId: string; assigneeId: number | null }).toMatchObject({ unitId: 'hantai', assigneeId: null });
      const history = (await (await lead.get(`${path}/history`)).json()) as { event: string; actorId: number | null; payload: { assigneeId?: number | null } }[];
      expect(history.at(-1)).toMatchObject({ event: `${item.kind}.assign`, actorId: adminId, payload: { assigneeId: null } });
    }
    const [entry] = (await editEntries(officer.id)).slice(-1);
    expect(JSON.parse(String(entry?.payload))).toMatchObject({ changes: { unitId: { from: 'hantai', to: 'chenggu' } }, itemsReleased: held.map(({ kind, id }) => ({ kind, id })) });
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('refuses a confirmation alone as changing nothing', async () => {
    const officer = await userNamed(database.db, 'nanzheng.officer');
    const response = await admin.send('PATCH', `/api/admin/users/${officer.id}`, { releaseHeldItems: true });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).fields?.[0]?.message.en).toContain('Nothing to change');
  });

  it('refuses moving a unit under another parent that takes its items out of reach of those who hold them, until confirmed; confirmed, hands them back', async () => {
    const created = await admin.send('POST', '/api/admin/units', { id: 'nz-test', parentId: 'nanzheng', kind: 'station', nameZh: '南郑测试派出所' });
    expect(created.status, await created.clone().text()).toBe(201);
    // A station's clue assigned to its officer, who then moves up to the county above it: they reach it through the
    // county (nothing to ask then), and only so.
    const hired = await admin.send('POST', '/api/admin/users', { username: 'nz.test.officer', displayName: '测试所民警', role: 'officer', unitId: 'nz-test', password: 'long-enough-pw' });
    expect(hired.status, await hired.clone().text()).toBe(201);
    const officer = await userNamed(database.db, 'nz.test.officer');
    const clue = (await (await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'nz-test', title: '派出所的线索', source: 'other' })).json()) as { id: number; version: number };
    const assigned = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, assigneeId: officer.id });
    expect(assigned.status, await assigned.clone().text()).toBe(200);
    expect((await admin.send('PATCH', `/api/admin/users/${officer.id}`, { unitId: 'nanzheng' })).status).toBe(200);

    const refused = await admin.send('PATCH', '/api/admin/units/nz-test', { parentId: 'chenggu' });
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as Problem;
    expect(problem).toMatchObject({ code: 'holds_items', heldItems: 1 });
    expect(problem.fields?.[0]?.field).toBe('parentId');
    expect(problem.fields?.[0]?.message.zh).toContain('1 项在办事项将超出其承办人的单位范围');
    expect(problem.fields?.[0]?.message.en).toContain('an open item would be out of reach');
    // Nothing of the move kept: the station is still under Nanzheng, its clue still held.
    const [unitNow] = await database.db.select({ parentId: units.parentId }).from(units).where(eq(units.id, 'nz-test'));
    expect(unitNow?.parentId).toBe('nanzheng');
    expect((await heldBy(officer.id)).map((item) => item.id)).toContain(clue.id);

    const moved = await admin.send('PATCH', '/api/admin/units/nz-test', { parentId: 'chenggu', releaseHeldItems: true });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect((await heldBy(officer.id)).map((item) => item.id)).not.toContain(clue.id);
    const history = (await (await office.get(`/api/clues/${clue.id}/history`)).json()) as { event: string; payload: { assigneeId?: number | null } }[];
    expect(history.some((entry) => entry.event === 'clue.assign' && entry.payload.assigneeId === null)).toBe(true);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });

    // Back under Nanzheng, with nobody holding its clue: nothing to ask.
    expect((await admin.send('PATCH', '/api/admin/units/nz-test', { parentId: 'nanzheng' })).status).toBe(200);
  });

  it('of a moved unit’s items held by several people, asks about and hands back only those of the people the move takes them out of reach of', async () => {
    expect((await admin.send('POST', '/api/admin/units', { id: 'nz-two', parentId: 'nanzheng', kind: 'station', nameZh: '南郑第二测试派出所' })).status).toBe(201);
    // Two officers of the station holding a clue of it each; one then moves up to the county the station leaves.
    const holders = [];
    for (const username of ['nz.two.station', 'nz.two.county']) {
      const hired = await admin.send('POST', '/api/admin/users', { username, displayName: username, role: 'officer', unitId: 'nz-two', password: 'long-enough-pw' });
      expect(hired.status, await hired.clone().text()).toBe(201);
      const officer = await userNamed(database.db, username);
      const clue = (await (await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'nz-two', title: `${username} 的线索`, source: 'other' })).json()) as { id: number; version: number };
      const assigned = await office.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, assigneeId: officer.id });
      expect(assigned.status, await assigned.clone().text()).toBe(200);
      holders.push({ officer, clue });
    }
    const [station, county] = holders;
    if (station === undefined || county === undefined) throw new Error('two holders');
    expect((await admin.send('PATCH', `/api/admin/users/${county.officer.id}`, { unitId: 'nanzheng' })).status).toBe(200);

    const refused = await admin.send('PATCH', '/api/admin/units/nz-two', { parentId: 'chenggu' });
    expect(refused.status).toBe(409);
    expect((await refused.json()) as Problem).toMatchObject({ code: 'holds_items', heldItems: 1 });
    const moved = await admin.send('PATCH', '/api/admin/units/nz-two', { parentId: 'chenggu', releaseHeldItems: true });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect((await heldBy(station.officer.id)).map((item) => item.id)).toContain(station.clue.id);
    expect((await heldBy(county.officer.id)).map((item) => item.id)).not.toContain(county.clue.id);
  });
});
