import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clues, escalations } from '../../db/schema';
import { signIn, testApp, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { sweepDeadlines } from '../services/deadline-sweep';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 80, problems: 6 });
  await sweepDeadlines(database, testNow);
  app = testApp(database);
});
afterAll(async () => {
  app?.stop();
  await database?.drop();
});

type List = { counts: { open: number; acknowledged: number }; items: { subject: string; subjectId: number; level: number; status: string; title: string | null }[] };

describe('GET /api/escalations?subject=&subjectId= (one item, for its drawer)', () => {
  it('lists that item’s active escalations, highest rung first, to anyone who may read the item', async () => {
    const [raised] = await database.db
      .select({ id: escalations.subjectId, unitId: clues.unitId, title: clues.title })
      .from(escalations)
      .innerJoin(clues, eq(clues.id, escalations.subjectId))
      .where(and(eq(escalations.subject, 'clue'), inArray(escalations.status, ['open', 'acknowledged'])))
      .limit(1);
    if (raised === undefined) throw new Error('the sweep raised nothing');
    const stored = await database.db
      .select({ level: escalations.level })
      .from(escalations)
      .where(and(eq(escalations.subject, 'clue'), eq(escalations.subjectId, raised.id), inArray(escalations.status, ['open', 'acknowledged'])));

    for (const username of ['office', 'viewer', `${raised.unitId}.officer`]) {
      const session = await signIn(app, username);
      const response = await session.get(`/api/escalations?subject=clue&subjectId=${raised.id}`);
      expect(response.status).toBe(200);
      const list = (await response.json()) as List;
      expect(list.items.length).toBe(stored.length);
      expect(list.items.every((e) => e.subject === 'clue' && e.subjectId === raised.id && e.status !== 'resolved' && e.title === raised.title)).toBe(true);
      expect(list.items.map((e) => e.level)).toEqual(stored.map((e) => e.level).sort((a, b) => b - a));
      expect(list.counts.open + list.counts.acknowledged).toBe(stored.length);
    }
  });

  it('answers an empty list for an item with none, and 404 for one outside the reader’s units', async () => {
    const office = await signIn(app, 'office');
    const [calm] = await database.db
      .select({ id: clues.id, unitId: clues.unitId })
      .from(clues)
      .where(and(ne(clues.unitId, 'office'), eq(clues.campaignId, 1)))
      .limit(200)
      .then(async (rows) => {
        const raisedIds = new Set((await database.db.select({ id: escalations.subjectId }).from(escalations).where(eq(escalations.subject, 'clue'))).map((r) => r.id));
        return rows.filter((r) => !raisedIds.has(r.id));
      });
    if (calm === undefined) throw new Error('every clue has an escalation');
    const none = (await (await office.get(`/api/escalations?subject=clue&subjectId=${calm.id}`)).json()) as List;
    expect(none).toEqual({ counts: { open: 0, acknowledged: 0 }, items: [], next: null });

    const otherUnit = calm.unitId === 'hantai' ? 'nanzheng' : 'hantai';
    const outsider = await signIn(app, `${otherUnit}.officer`);
    expect((await outsider.get(`/api/escalations?subject=clue&subjectId=${calm.id}`)).status).toBe(404);
    expect((await office.get('/api/escalations?subject=clue&subjectId=999999')).status).toBe(404);
  });

  it('refuses a subject without its id, naming the missing field', async () => {
    const office = await signIn(app, 'office');
    const response = await office.get('/api/escalations?subject=clue');
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { fields: { field: string; message: { zh: string; en: string } }[] };
    expect(problem.fields.map((f) => f.field)).toEqual(['query.subjectId']);
    expect(problem.fields[0]?.message.zh).toMatch(/subjectId/);
  });
});

describe('GET /api/escalations (the inbox)', () => {
  it('pages the unit view those waiting to be signed off first, then highest rung, then by due time, each with its item’s title', async () => {
    const office = await signIn(app, 'office');
    const response = await office.get('/api/escalations?view=unit&status=active&limit=20');
    expect(response.status).toBe(200);
    const list = (await response.json()) as {
      counts: { open: number; acknowledged: number };
      items: { id: number; status: string; subject: 'clue' | 'problem' | 'campaign'; subjectId: number; level: number; dueAt: string; title: string | null }[];
    };
    // More stand active than the page holds: the page is the first twenty in the inbox's order.
    expect(list.counts.open + list.counts.acknowledged).toBeGreaterThan(20);
    expect(list.items.length).toBe(20);
    const order = (e: (typeof list.items)[number]) => [e.status === 'acknowledged' ? 1 : 0, -e.level, e.dueAt, e.id] as const;
    const sorted = [...list.items].sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]) || x[3] - y[3];
    });
    expect(list.items.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    // The page of twenty is every one waiting (fewer than twenty here), then those signed off.
    expect(list.items.filter((e) => e.status === 'open').length).toBe(Math.min(20, list.counts.open));
    const titles = new Map((await database.db.select({ id: clues.id, title: clues.title }).from(clues)).map((c) => [c.id, c.title]));
    for (const item of list.items.filter((e) => e.subject === 'clue')) expect(item.title, `clue ${item.subjectId}`).toBe(titles.get(item.subjectId));
  });

  it('pages on past the first page with its cursor: every active escalation once, in the inbox order, then no next', async () => {
    const office = await signIn(app, 'office');
    const whole = (await (await office.get('/api/escalations?view=unit&status=active&limit=500')).json()) as { counts: { open: number; acknowledged: number }; items: { id: number }[]; next: string | null };
    expect(whole.next).toBeNull();
    expect(whole.items.length).toBe(whole.counts.open + whole.counts.acknowledged);
    const paged: number[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const response = await office.get(`/api/escalations?view=unit&status=active&limit=7${next === null ? '' : `&cursor=${next}`}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: number }[]; next: string | null };
      expect(page.items.length).toBeLessThanOrEqual(7);
      paged.push(...page.items.map((e) => e.id));
      next = page.next;
      pages += 1;
    } while (next !== null && pages < 1000);
    expect(pages).toBeGreaterThan(2);
    expect(paged).toEqual(whole.items.map((e) => e.id));
  });

  it('refuses a cursor it did not give, naming the field', async () => {
    const office = await signIn(app, 'office');
    for (const cursor of ['nonsense', Buffer.from(JSON.stringify(['3', '2026-01-01', 1])).toString('base64url'), Buffer.from(JSON.stringify([3, null, 1])).toString('base64url')]) {
      const response = await office.get(`/api/escalations?view=unit&cursor=${cursor}`);
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { fields?: { field: string }[] };
      expect(problem.fields?.map((f) => f.field)).toEqual(['query.cursor']);
    }
  });
});

describe('an escalation of an item transferred to another unit', () => {
  it('is no longer listed, titled or acknowledged in the unit the item left', async () => {
    // An open escalation raised to a county's lead or officer, on a clue of that county.
    const [raised] = await database.db
      .select({ id: escalations.id, recipient: escalations.recipient, clueId: clues.id, version: clues.version, unitId: clues.unitId })
      .from(escalations)
      .innerJoin(clues, eq(clues.id, escalations.subjectId))
      .where(and(eq(escalations.subject, 'clue'), eq(escalations.status, 'open'), inArray(escalations.recipient, ['assignee', 'unitLead']), eq(escalations.unitId, clues.unitId), inArray(clues.unitId, ['hantai', 'nanzheng', 'yangxian', 'xixiang', 'mianxian'])));
    if (raised === undefined) throw new Error('the sweep raised no escalation to a county');
    const office = await signIn(app, 'office');
    const moved = await office.send('POST', `/api/clues/${raised.clueId}/transfer`, { version: raised.version, unitId: 'chenggu', reason: '属地管辖' });
    expect(moved.status).toBe(200);

    const officer = await signIn(app, `${raised.unitId}.officer`);
    const lead = await signIn(app, `${raised.unitId}.lead`);
    for (const [session, view] of [[officer, 'mine'], [officer, 'unit'], [lead, 'unit']] as const) {
      const list = (await (await session.get(`/api/escalations?view=${view}&status=active&limit=2000`)).json()) as List;
      expect(list.items.filter((e) => e.subject === 'clue' && e.subjectId === raised.clueId), `${view}`).toEqual([]);
    }
    // The clue is none of theirs now: not theirs to acknowledge either, as its read is not.
    const recipient = raised.recipient === 'assignee' ? officer : lead;
    expect((await recipient.send('POST', `/api/escalations/${raised.id}/acknowledge`, {})).status).toBe(404);
    expect((await officer.get(`/api/clues/${raised.clueId}`)).status).toBe(404);
  });
});

describe('a rung raised further since', () => {
  it("says beside a lead's rung the higher one its item stands at now (raised to the office), and nothing where none stands higher", async () => {
    // A clue of 汉台 standing at 超期 with its lead, then raised to the office as 严重超期 (the sweep keeps both standing).
    const [lower] = await database.db
      .select()
      .from(escalations)
      .where(and(eq(escalations.subject, 'clue'), eq(escalations.level, 2), eq(escalations.unitId, 'hantai'), inArray(escalations.status, ['open', 'acknowledged'])))
      .limit(1);
    if (lower === undefined) throw new Error('the test data has no 超期 escalation in 汉台');
    const { id: _, ...row } = lower;
    await database.db.insert(escalations).values({ ...row, level: 3, recipient: 'office', recipientUserId: null, status: 'open', acknowledgedBy: null, acknowledgedAt: null, note: null });
    const lead = await signIn(app, 'hantai.lead');
    const list = (await (await lead.get('/api/escalations?view=unit&status=active&limit=500')).json()) as {
      items: { id: number; subject: string; subjectId: number; level: number; raisedTo?: number }[];
    };
    expect(list.items.find((e) => e.id === lower.id)?.raisedTo).toBe(3);
    // Every row: the highest standing on its item when above its own, else nothing.
    const standing = await database.db
      .select({ subject: escalations.subject, subjectId: escalations.subjectId, level: escalations.level })
      .from(escalations)
      .where(inArray(escalations.status, ['open', 'acknowledged']));
    const top = new Map<string, number>();
    for (const e of standing) top.set(`${e.subject}:${e.subjectId}`, Math.max(top.get(`${e.subject}:${e.subjectId}`) ?? 0, e.level));
    for (const e of list.items) {
      const highest = top.get(`${e.subject}:${e.subjectId}`) ?? 0;
      expect(e.raisedTo, `escalation ${e.id}`).toBe(highest > e.level ? highest : undefined);
    }
  });
});
