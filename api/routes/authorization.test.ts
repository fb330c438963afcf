import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clues, users } from '../../db/schema';
import { signIn, testApp, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { itemDetail } from '../contracts/items';
import { problem } from '../contracts/common';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 150, problems: 10 });
  app = testApp(database);
});
afterAll(() => database.drop());

const roles = ['admin', 'viewer', 'office', 'hantai.lead', 'hantai.officer', 'nanzheng.lead'] as const;
type Who = (typeof roles)[number];

/** A verifying clue of hantai assigned to hantai's officer, read fresh (versions change as the matrix runs). */
async function hantaiClue() {
  const [officer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
  const [clue] = await database.db
    .select({ id: clues.id, version: clues.version })
    .from(clues)
    .where(and(eq(clues.unitId, 'hantai'), eq(clues.state, 'verifying')));
  if (clue === undefined || officer === undefined) throw new Error('demo lacks a verifying hantai clue');
  // Make sure the officer is its assignee, so "officer may move their own items" is what is tested.
  await database.write((tx) => tx.update(clues).set({ assigneeId: officer.id }).where(eq(clues.id, clue.id)));
  const [fresh] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.id, clue.id));
  return fresh ?? clue;
}

type Attempt = (who: Who) => Promise<Response>;

const attempts: Record<string, { run: Attempt; allowed: readonly Who[]; refusedWith: Partial<Record<Who, number>> }> = {
  'create a clue in hantai': {
    run: async (who) => (await signIn(app, who)).send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: `由${who}登记`, source: 'other' }),
    allowed: ['office', 'hantai.lead', 'hantai.officer'],
    refusedWith: { admin: 403, viewer: 403, 'nanzheng.lead': 403 },
  },
  'edit a hantai clue': {
    run: async (who) => {
      const clue = await hantaiClue();
      return (await signIn(app, who)).send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, description: `${who} 补充` });
    },
    allowed: ['office', 'hantai.lead', 'hantai.officer'],
    // Another unit's item is none the lead can see: not found, as its read is.
    refusedWith: { admin: 403, viewer: 403, 'nanzheng.lead': 404 },
  },
  'dismiss a hantai clue (lead or office only)': {
    run: async (who) => {
      const clue = await hantaiClue();
      const response = await (await signIn(app, who)).send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version, payload: { conclusion: '查无实据' } });
      // Put it back for the next role.
      if (response.status === 200) {
        const moved = (await response.clone().json()) as { version: number };
        await (await signIn(app, 'office')).send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: moved.version, payload: { reason: '复核' } });
      }
      return response;
    },
    allowed: ['office', 'hantai.lead'],
    refusedWith: { admin: 403, viewer: 403, 'hantai.officer': 403, 'nanzheng.lead': 404 },
  },
  'transfer a hantai clue': {
    run: async (who) => {
      const clue = await hantaiClue();
      const response = await (await signIn(app, who)).send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version, unitId: 'chenggu', reason: '属地' });
      if (response.status === 200) {
        const moved = (await response.clone().json()) as { version: number };
        const back = await (await signIn(app, 'office')).send('POST', `/api/clues/${clue.id}/transfer`, { version: moved.version, unitId: 'hantai', reason: '退回' });
        expect(back.status).toBe(200);
      }
      return response;
    },
    allowed: ['office', 'hantai.lead'],
    refusedWith: { admin: 403, viewer: 403, 'hantai.officer': 403, 'nanzheng.lead': 404 },
  },
  'advance the campaign': {
    run: async (who) => {
      const detail = (await (await (await signIn(app, 'office')).get('/api/campaigns/1')).json()) as { version: number };
      return (await signIn(app, who)).send('POST', '/api/campaigns/1/advance', { version: detail.version, reason: '测试' });
    },
    // Nobody succeeds mid-June (the next window is not open); only the office gets past "who".
    allowed: [],
    refusedWith: { admin: 403, viewer: 403, 'hantai.lead': 403, 'hantai.officer': 403, 'nanzheng.lead': 403, office: 422 },
  },
};

describe('authorisation matrix: every role × every write endpoint', () => {
  for (const [name, attempt] of Object.entries(attempts)) {
    for (const who of roles) {
      const expected = attempt.allowed.includes(who) ? [200, 201] : [attempt.refusedWith[who] ?? -1];
      it(`${who}: ${name} → ${expected.join('/')}`, async () => {
        const response = await attempt.run(who);
        const body: unknown = await response.json();
        expect(expected, JSON.stringify(body)).toContain(response.status);
        // Every answer matches its documented schema.
        const schema = response.status < 300 && name !== 'advance the campaign' ? itemDetail : problem;
        expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(true);
      });
    }
  }
});

/** Sends each route an empty body as `who`: every answer a 403 for their role, naming no field a valid request would need. */
async function expectRefusedForRole(who: Who, routes: readonly (readonly [string, string])[]) {
  const session = await signIn(app, who);
  for (const [method, path] of routes) {
    const response = await session.send(method, path, {});
    const body = (await response.json()) as { code?: string; fields?: unknown[] };
    expect([who, method, path, response.status, body.code, body.fields ?? []]).toEqual([who, method, path, 403, 'role_forbidden', []]);
  }
  return session;
}

describe('the administrator\'s and the office\'s routes say who may use them before what a request holds', () => {
  const empty: readonly [string, string][] = [
    ['PUT', '/api/admin/password-policy'],
    ['POST', '/api/admin/units'],
    ['POST', '/api/admin/users'],
    ['POST', '/api/admin/users/bulk'],
    ['PATCH', '/api/campaigns/1/settings'],
    ['POST', '/api/campaigns/1/categories'],
    ['PUT', '/api/campaigns/1/map'],
    ['POST', '/api/campaigns'],
  ];
  it('answers 403, not a 400 listing the fields a valid request would need, to one who may not use them', async () => {
    for (const who of ['viewer', 'hantai.lead'] as const) await expectRefusedForRole(who, empty);
    // The office may not manage people either; the administrator not a campaign's settings.
    const office = await signIn(app, 'office');
    expect((await office.send('POST', '/api/admin/units', {})).status).toBe(403);
    const admin = await signIn(app, 'admin');
    expect((await admin.send('PATCH', '/api/campaigns/1/settings', {})).status).toBe(403);
    // Those it is for still get the field-by-field answer.
    const refused = await office.send('PATCH', '/api/campaigns/1/settings', {});
    expect(refused.status).toBe(400);
    expect((await admin.send('POST', '/api/admin/units', {})).status).toBe(400);
    // Reading a campaign's map stays everyone's: the battle map draws it.
    const viewer = await signIn(app, 'viewer');
    expect([200, 404]).toContain((await viewer.send('GET', '/api/campaigns/1/map')).status);
  });
});


describe('the case work says who may change it before what a request holds', () => {
  const empty: readonly [string, string][] = [
    ['POST', '/api/clues'],
    ['PATCH', '/api/clues/1'],
    ['POST', '/api/clues/1/transitions'],
    ['POST', '/api/clues/1/typical'],
    ['POST', '/api/clues/1/notes'],
    ['POST', '/api/clues/1/extend'],
    ['POST', '/api/problems/1/transitions'],
    ['PATCH', '/api/problems/1'],
    ['POST', '/api/campaigns/1/batch'],
  ];
  it('answers the viewer and the administrator 403 for their role, not which fields a change would need', async () => {
    for (const who of ['viewer', 'admin'] as const) {
      const session = await expectRefusedForRole(who, empty);
      // A typical case with a valid body was "this move is not allowed" (422) before.
      const clue = await hantaiClue();
      const typical = await session.send('POST', `/api/clues/${clue.id}/typical`, { version: clue.version, summary: '摘要' });
      expect([who, typical.status]).toEqual([who, 403]);
      // Reading stays theirs.
      expect((await session.get(`/api/clues/${clue.id}`)).status).toBe(200);
    }
    // Those who work the items still get the field-by-field answer.
    const office = await signIn(app, 'office');
    expect((await office.send('POST', '/api/clues/1/transitions', {})).status).toBe(400);
  });

  it('says of the field assigneeId that an officer may not reassign, when an edit of theirs also names an assignee', async () => {
    const found = await hantaiClue();
    const [other] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.lead'));
    const [own] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
    // Assigned to the officer as the office does it (the earlier transfers there and back left it with no one).
    const office = await signIn(app, 'office');
    const assigned = await office.send('PATCH', `/api/clues/${found.id}`, { version: found.version, assigneeId: own?.id });
    const clue = (await assigned.json()) as { id: number; version: number };
    const officer = await signIn(app, 'hantai.officer');
    const response = await officer.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, title: '承办人改了', assigneeId: other?.id });
    const body = (await response.json()) as { code: string; fields?: { field: string }[] };
    expect([response.status, body.code, body.fields?.map((f) => f.field)]).toEqual([403, 'role_forbidden', ['assigneeId']]);
    // Neither the edit nor the reassignment was stored.
    const [after] = await database.db.select({ version: clues.version }).from(clues).where(eq(clues.id, clue.id));
    expect(after?.version).toBe(clue.version);
  });

  it('says of the field "to" that a state the request made up is none, __proto__ included; another kind\'s state is no move of this one', async () => {
    const clue = await hantaiClue();
    const office = await signIn(app, 'office');
    for (const to of ['__proto__', 'constructor', 'nope', 'FILED']) {
      const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to, version: clue.version });
      const body = (await response.json()) as { fields?: { field: string; message: { zh: string } }[] };
      expect([to, response.status, body.fields?.map((f) => f.field)]).toEqual([to, 400, ['to']]);
      expect(body.fields?.[0]?.message.zh).toContain('应为一个状态：found, verifying');
    }
    const problemState = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'rectified', version: clue.version });
    const body = (await problemState.json()) as { code: string; reason: { en: string } };
    expect([problemState.status, body.code]).toEqual([422, 'move_not_allowed']);
    expect(body.reason.en).toBe('No such state: “rectified” (one of found, verifying, filed, solved, prosecuted, unfounded, merged)');
    const batch = await office.send('POST', '/api/campaigns/1/batch', { to: '__proto__', items: [{ kind: 'clue', id: clue.id, version: clue.version }] });
    expect([batch.status, ((await batch.json()) as { fields?: { field: string }[] }).fields?.map((f) => f.field)]).toEqual([400, ['to']]);
    const [after] = await database.db.select({ version: clues.version }).from(clues).where(eq(clues.id, clue.id));
    expect(after?.version).toBe(clue.version);
  });
});
