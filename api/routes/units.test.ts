import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { sweepDeadlines } from '../services/deadline-sweep';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let admin: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 200, problems: 10 });
  app = testApp(database);
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  app.stop();
  await database.drop();
});

interface Problem {
  code: string;
  fields?: { field: string }[];
}
interface UnitNode {
  id: string;
  parentId: string | null;
  leadIds: number[];
  retiredAt: string | null;
  holds: { users: number; items: number };
}
interface Escalation {
  recipient: string;
  unitId: string | null;
}

const idOf = async (username: string) => (await database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id ?? -1;

describe('the unit tree', () => {
  it('creates, moves without cycles, retires, and deletes only a unit that never held anything', async () => {
    const tree = (await (await admin.get('/api/admin/units')).json()) as UnitNode[];
    expect(tree.find((u) => u.id === 'office')?.parentId).toBeNull();
    expect(tree.find((u) => u.id === 'hantai')?.holds.users).toBeGreaterThan(0);

    // The office reads its board just before (the unit tree is kept up to a second between reads)...
    const office = await signIn(app, 'office');
    expect((await office.get('/api/campaigns/1/board?unit=hantai')).status).toBe(200);
    const made = await admin.send('POST', '/api/admin/units', { id: 'hantai-pcs', parentId: 'hantai', kind: 'station', nameZh: '汉台派出所', nameEn: 'Hantai police station' });
    expect(made.status).toBe(201);
    // A police station is a kind of its own, not "other"; placed after every unit there was, not first.
    const station = (await made.json()) as { kind: string; sortOrder: number };
    expect(station.kind).toBe('station');
    const others = ((await (await admin.get('/api/admin/units')).json()) as { id: string; sortOrder: number }[]).filter((u) => u.id !== 'hantai-pcs');
    expect(station.sortOrder).toBeGreaterThan(Math.max(...others.map((u) => u.sortOrder)));
    // ...and filters by the new unit at once: it is one, not "no such unit" for a second.
    expect((await office.get('/api/campaigns/1/board?unit=hantai-pcs')).status).toBe(200);
    const cycle = await admin.send('PATCH', '/api/admin/units/hantai', { parentId: 'hantai-pcs' });
    expect(cycle.status).toBe(400);
    expect(((await cycle.json()) as Problem).fields?.map((f) => f.field)).toEqual(['parentId']);
    expect((await admin.send('PATCH', '/api/admin/units/office', { parentId: 'hantai' })).status).toBe(400);
    const moved = await admin.send('PATCH', '/api/admin/units/hantai-pcs', { parentId: 'nanzheng' });
    expect(((await moved.json()) as UnitNode).parentId).toBe('nanzheng');

    const held = await admin.send('DELETE', '/api/admin/units/hantai');
    expect(held.status).toBe(422);
    // It says what the unit holds: a unit of no people or items but a unit below it was only told "retire it instead".
    const said = ((await held.json()) as { fields: { message: { zh: string } }[] }).fields[0]?.message.zh ?? '';
    expect(said).toMatch(/^该单位有 \d+ 名人员、有 \d+ 条线索或问题、有办理记录，不能删除：请改为撤销$/);
    expect((await admin.send('POST', '/api/admin/units', { id: 'team-a', parentId: 'hantai', kind: 'other', nameZh: '测试甲', nameEn: 'Team A' })).status).toBe(201);
    expect((await admin.send('POST', '/api/admin/units', { id: 'team-b', parentId: 'team-a', kind: 'other', nameZh: '测试乙', nameEn: 'Team B' })).status).toBe(201);
    const parent = await admin.send('DELETE', '/api/admin/units/team-a');
    const parentSaid = ((await parent.json()) as { fields: { message: { zh: string; en: string } }[] }).fields[0]?.message;
    expect(parentSaid?.zh).toBe('该单位有 1 个下级单位，不能删除：请改为撤销');
    // One said as one in English: it read "The unit has 1 units below it".
    expect(parentSaid?.en).toBe('The unit has a unit below it: retire it instead of deleting it');
    expect((await admin.send('DELETE', '/api/admin/units/team-b')).status).toBe(204);
    expect((await admin.send('DELETE', '/api/admin/units/team-a')).status).toBe(204);
    const retired = await admin.send('PATCH', '/api/admin/units/foping', { retired: true });
    expect(((await retired.json()) as UnitNode).retiredAt).not.toBeNull();
    const intoRetired = await admin.send('POST', '/api/admin/users', { username: 'fp.new', displayName: '新', role: 'officer', unitId: 'foping', password: 'long-enough-pw' });
    expect(((await intoRetired.json()) as Problem).fields?.map((f) => f.field)).toEqual(['unitId']);

    expect((await admin.send('DELETE', '/api/admin/units/hantai-pcs')).status).toBe(204);
    expect(((await (await admin.get('/api/admin/units')).json()) as UnitNode[]).some((u) => u.id === 'hantai-pcs')).toBe(false);
  });

  it('gives a map feature to one unit only, naming the unit that has it, until it is cleared there', async () => {
    const taken = await admin.send('POST', '/api/admin/units', { id: 'hantai-east', parentId: 'hantai', kind: 'station', nameZh: '汉台东站', nameEn: 'Hantai East', mapFeatureId: '610702' });
    expect(taken.status).toBe(400);
    const refusal = (await taken.json()) as { fields: { field: string; message: { zh: string } }[] };
    expect(refusal.fields.map((f) => f.field)).toEqual(['mapFeatureId']);
    expect(refusal.fields[0]?.message.zh).toContain('汉台分局');
    expect(((await (await admin.get('/api/admin/units')).json()) as UnitNode[]).some((u) => u.id === 'hantai-east')).toBe(false);

    const renamed = await admin.send('PATCH', '/api/admin/units/nanzheng', { mapFeatureId: '610702' });
    expect(renamed.status).toBe(400);
    // Its own feature sent back with an edit is no clash; nor is a feature cleared on the old unit first.
    expect((await admin.send('PATCH', '/api/admin/units/hantai', { mapFeatureId: '610702', nameEn: 'Hantai Branch' })).status).toBe(200);
    expect((await admin.send('PATCH', '/api/admin/units/hantai', { mapFeatureId: null })).status).toBe(200);
    expect((await admin.send('PATCH', '/api/admin/units/nanzheng', { mapFeatureId: '610702' })).status).toBe(200);
    expect((await admin.send('PATCH', '/api/admin/units/nanzheng', { mapFeatureId: '610721' })).status).toBe(200);
    expect((await admin.send('PATCH', '/api/admin/units/hantai', { mapFeatureId: '610702' })).status).toBe(200);
  });

  it("refuses a second unit of a name that is taken (an import finds a unit by its name), naming the unit that has it", async () => {
    const tree = (await (await admin.get('/api/admin/units')).json()) as (UnitNode & { nameZh: string; nameEn: string; sortOrder: number })[];
    const hantai = tree.find((u) => u.id === 'hantai');
    if (hantai === undefined) throw new Error('no hantai unit in the test data');
    const twin = await admin.send('POST', '/api/admin/units', { id: 'hantai-twin', parentId: 'hantai', kind: 'station', nameZh: hantai.nameZh, nameEn: hantai.nameEn.toUpperCase() });
    expect(twin.status).toBe(400);
    const refused = (await twin.json()) as { fields: { field: string; message: { zh: string } }[] };
    expect(refused.fields.map((f) => [f.field, f.message.zh])).toEqual([
      ['nameZh', `已有名为“${hantai.nameZh}”的单位（hantai）`],
      ['nameEn', `已有名为“${hantai.nameEn.toUpperCase()}”的单位（hantai）`],
    ]);
    const after = (await (await admin.get('/api/admin/units')).json()) as UnitNode[];
    expect(after.map((u) => u.id)).not.toContain('hantai-twin');
    // A rename to another unit's name, the same; a save that keeps the unit's own name is no clash with itself.
    const made = await admin.send('POST', '/api/admin/units', { id: 'hantai-east-pcs', parentId: 'hantai', kind: 'station', nameZh: '汉台东关派出所' });
    expect(made.status).toBe(201);
    const renamed = await admin.send('PATCH', '/api/admin/units/hantai-east-pcs', { nameZh: hantai.nameZh });
    expect(((await renamed.json()) as Problem).fields?.map((f) => f.field)).toEqual(['nameZh']);
    expect((await admin.send('PATCH', '/api/admin/units/hantai', { nameZh: hantai.nameZh, nameEn: hantai.nameEn, sortOrder: hantai.sortOrder })).status).toBe(200);
  });

  it('refuses a lead who cannot act on the unit, naming the lead', async () => {
    const response = await admin.send('PATCH', '/api/admin/units/nanzheng', { leadIds: [await idOf('hantai.lead')] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).fields?.map((f) => f.field)).toEqual(['leadIds.0']);
  });

  it('takes a lead off the units their own unit no longer covers, when the unit moves away or the lead moves to another unit', async () => {
    const lead = await idOf('chenggu.lead');
    expect((await admin.send('POST', '/api/admin/units', { id: 'chenggu-bw', parentId: 'chenggu', kind: 'station', nameZh: '博望派出所', leadIds: [lead] })).status).toBe(201);
    expect((await admin.send('PATCH', '/api/admin/units/chenggu', { leadIds: [lead] })).status).toBe(200);
    // The station moves to another county: Chenggu's lead no longer sees its items, and would be sent its escalations.
    const moved = await admin.send('PATCH', '/api/admin/units/chenggu-bw', { parentId: 'yangxian' });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as UnitNode).leadIds).toEqual([]);
    // The lead is moved to Yangxian: no longer Chenggu's lead.
    const edited = await admin.send('PATCH', `/api/admin/users/${lead}`, { unitId: 'yangxian' });
    expect(((await edited.json()) as { leads: string[] }).leads).toEqual([]);
    const tree = (await (await admin.get('/api/admin/units')).json()) as UnitNode[];
    expect(tree.find((u) => u.id === 'chenggu')?.leadIds).toEqual([]);
    const log = (await (await admin.get('/api/admin/log?unit=chenggu-bw')).json()) as { entries?: { event: string }[] } | { event: string }[];
    expect(JSON.stringify(log)).toContain('leadIds');
  });

  it('routes level 2 escalations to the stored leads of the unit, and level 3 to the office\'s leads', async () => {
    const created = await admin.send('POST', '/api/admin/users', { username: 'nz.chief', displayName: '南郑分局局长', role: 'lead', unitId: 'nanzheng', password: 'nz-chief-password' });
    const chiefId = ((await created.json()) as { id: number }).id;
    await sweepDeadlines(database, testNow);
    const mine = async (session: Session) => ((await (await session.get('/api/escalations?view=mine&limit=500')).json()) as { items: Escalation[] }).items;

    // Before any lead is stored, the unit's lead-role users receive it (the demo's setup).
    const roleLead = await signIn(app, 'nanzheng.lead');
    expect((await mine(roleLead)).filter((e) => e.recipient === 'unitLead').length).toBeGreaterThan(0);

    expect((await admin.send('PATCH', '/api/admin/units/nanzheng', { leadIds: [chiefId] })).status).toBe(200);
    const chief = await signIn(app, 'nz.chief', 'nz-chief-password');
    // A new account works only once its given password is changed.
    expect((await chief.send('POST', '/api/session/password', { currentPassword: 'nz-chief-password', password: 'nz-chief-own-password' })).status).toBe(204);
    const chiefs = (await mine(chief)).filter((e) => e.recipient === 'unitLead');
    expect(chiefs.length).toBeGreaterThan(0);
    expect(new Set(chiefs.map((e) => e.unitId))).toEqual(new Set(['nanzheng']));
    expect((await mine(roleLead)).filter((e) => e.recipient === 'unitLead')).toEqual([]);

    // Level 3: with a lead stored for the campaign office, only that office user receives it.
    const officeLevel = async (username: string) => (await mine(await signIn(app, username))).filter((e) => e.recipient === 'office').length;
    expect(await officeLevel('office')).toBeGreaterThan(0);
    const deputy = await admin.send('POST', '/api/admin/users', { username: 'office.deputy', displayName: '专项办副主任', role: 'office', unitId: 'office', password: 'office-deputy-pw' });
    const deputyId = ((await deputy.json()) as { id: number }).id;
    expect((await admin.send('PATCH', '/api/admin/units/office', { leadIds: [deputyId] })).status).toBe(200);
    expect(await officeLevel('office')).toBe(0);
    const deputySession = await signIn(app, 'office.deputy', 'office-deputy-pw');
    expect((await deputySession.send('POST', '/api/session/password', { currentPassword: 'office-deputy-pw', password: 'office-deputy-own-password' })).status).toBe(204);
    expect((await mine(deputySession)).filter((e) => e.recipient === 'office').length).toBeGreaterThan(0);
  });
});
