import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { verifyAudit } from '../../db/audit/verify';
import { checkKeptFigures, rebuildKeptFigures } from '../../db/audit/kept-figures';
import { escalationDue } from '../../engine';
import fc from 'fast-check';
import { auditLog, campaigns, clues, escalations, users, webhookOutbox } from '../../db/schema';
import { signIn, testApp } from '../../test/support/api-client';
import { demoPassword, testDatabase, testNow } from '../../test/support/test-database';
import { sweepDeadlines, webhookSignature } from './deadline-sweep';
import { deliverWebhooks } from './webhook-delivery';
import { startBackground } from './background';
import { startTestServer } from '../../test/support/test-server';
import { insertClueCopies } from '../../test/support/clue-copies';
import { requestBody } from '../../test/support/request-body';

let database: Awaited<ReturnType<typeof testDatabase>>;
const hour = 3_600_000;
const day = 24 * hour;

beforeAll(async () => {
  database = await testDatabase({ clues: 60, problems: 6 });
});
afterAll(() => database.drop());

async function escalationsOf(db: Database, id: number) {
  return db.db.select().from(escalations).where(and(eq(escalations.subject, 'clue'), eq(escalations.subjectId, id))).orderBy(escalations.level, escalations.id);
}

/** A new clue of hantai assigned to its officer, created through the API at `at`. */
async function newClue(at: Date) {
  const app = testApp(database, at);
  const officer = await signIn(app, 'hantai.officer');
  const [me] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
  const response = await officer.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', assigneeId: me?.id, title: '阶梯测试', source: 'other' });
  expect(response.status).toBe(201);
  const clue = (await response.json()) as { id: number; dueAt: string; version: number };
  app.stop();
  return { ...clue, assigneeId: me?.id ?? -1 };
}

/** The escalations the sweep's audit entries list, entry by entry in the log's order, each row read by the entry's columns. */
async function raisedInLog(database: Database): Promise<{ seq: number; subjectId: number; escalations: Record<string, unknown>[] }[]> {
  const entries = await database.db.select({ seq: auditLog.seq, subjectId: auditLog.subjectId, payload: auditLog.payload }).from(auditLog).where(eq(auditLog.event, 'escalation.raise')).orderBy(auditLog.seq);
  return entries.map(({ seq, subjectId, payload }) => {
    const { columns, escalations: rows } = JSON.parse(payload) as { columns: string[]; escalations: unknown[][] };
    return { seq, subjectId, escalations: rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i]]))) };
  });
}

describe('the deadline sweep', () => {
  it('raises each rung at its instant, to the right person, once, and only the rung reached after downtime', async () => {
    const clue = await newClue(testNow);
    const due = new Date(clue.dueAt).getTime();
    await sweepDeadlines(database, new Date(due - day - 1));
    expect(await escalationsOf(database, clue.id)).toEqual([]);

    await sweepDeadlines(database, new Date(due - day));
    await sweepDeadlines(database, new Date(due - day + 1000)); // a repeated sweep raises nothing twice
    expect((await escalationsOf(database, clue.id)).map((e) => [e.level, e.recipient, e.recipientUserId])).toEqual([[1, 'assignee', clue.assigneeId]]);

    await sweepDeadlines(database, new Date(due));
    expect((await escalationsOf(database, clue.id)).map((e) => [e.level, e.recipient])).toEqual([[1, 'assignee'], [2, 'unitLead']]);

    // A "restart": a new process opens the database days later; its first sweep raises only the rung reached now.
    const restarted = await openDatabase(database.url);
    await sweepDeadlines(restarted, new Date(due + 8 * day));
    expect((await escalationsOf(restarted, clue.id)).map((e) => [e.level, e.recipient])).toEqual([[1, 'assignee'], [2, 'unitLead'], [3, 'office']]);
    restarted.close();
  });

  it('skips stale lower rungs when it first sees an item long overdue', async () => {
    const clue = await newClue(testNow);
    await sweepDeadlines(database, new Date(new Date(clue.dueAt).getTime() + 10 * day));
    expect((await escalationsOf(database, clue.id)).map((e) => e.level)).toEqual([3]);
  });

  it('never raises the same escalation twice when two processes sweep at once', async () => {
    const clue = await newClue(testNow);
    const at = new Date(new Date(clue.dueAt).getTime() + 1000).toISOString();
    // Two real processes: within one process a second connection would wait on the first synchronously.
    const sweep = () =>
      new Promise<{ raised: number }>((done, fail) => {
        execFile(process.execPath, ['--import', 'tsx', 'test/support/sweep-once.ts', database.url, at], { cwd: resolve(import.meta.dirname, '../..') }, (error, stdout, stderr) =>
          error ? fail(new Error(`${error.message}\n${stderr}`)) : done(JSON.parse(stdout) as { raised: number }),
        );
      });
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect((await escalationsOf(database, clue.id)).map((e) => e.level)).toEqual([2]);
    const all = await database.db.select({ key: sql<string>`${escalations.subject} || ':' || ${escalations.subjectId} || ':' || ${escalations.enteredAt} || ':' || ${escalations.level}` }).from(escalations);
    expect(new Set(all.map((r) => r.key)).size).toBe(all.length);
    // Whatever one raised, the other did not raise again; their audit entries list each row once.
    const listed = (await raisedInLog(database)).flatMap((entry) => entry.escalations.map((e) => e.id));
    expect(listed.length).toBe(all.length);
    expect(new Set(listed).size).toBe(all.length);
    expect(a.raised + b.raised).toBeGreaterThan(0);
  }, 60_000);

  it('raises nothing for an item moved on just before the sweep, and resolves what it had', async () => {
    const clue = await newClue(testNow);
    const due = new Date(clue.dueAt).getTime();
    await sweepDeadlines(database, new Date(due - day + 1));
    expect((await escalationsOf(database, clue.id)).map((e) => e.status)).toEqual(['open']);
    const app = testApp(database, new Date(due - hour));
    const lead = await signIn(app, 'hantai.lead');
    expect((await lead.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version })).status).toBe(200);
    app.stop();
    expect((await escalationsOf(database, clue.id)).map((e) => e.status)).toEqual(['resolved']);
    await sweepDeadlines(database, new Date(due + hour));
    // Its old due time passed, but it is in verifying now with 15 days to go.
    expect((await escalationsOf(database, clue.id)).map((e) => [e.level, e.state])).toEqual([[1, 'found']]);
  });

  it('raises the rungs of each state afresh: what was raised in the state before does not count', async () => {
    const clue = await newClue(testNow);
    const due = new Date(clue.dueAt).getTime();
    await sweepDeadlines(database, new Date(due + 1000));
    expect((await escalationsOf(database, clue.id)).map((e) => [e.level, e.state, e.status])).toEqual([[2, 'found', 'open']]);
    const app = testApp(database, new Date(due + 2000));
    const lead = await signIn(app, 'hantai.lead');
    const moved = await lead.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version });
    expect(moved.status).toBe(200);
    const { dueAt } = (await moved.json()) as { dueAt: string };
    app.stop();
    await sweepDeadlines(database, new Date(new Date(dueAt).getTime() + 1000));
    expect((await escalationsOf(database, clue.id)).map((e) => [e.level, e.state, e.status])).toEqual([
      [2, 'found', 'resolved'],
      [2, 'verifying', 'open'],
    ]);
  });

  it('starts the ladder again from a deadline extended (延期): what was raised is resolved, and the new deadline missed raises afresh', async () => {
    const clue = await newClue(testNow);
    const due = new Date(clue.dueAt).getTime();
    await sweepDeadlines(database, new Date(due + hour));
    expect((await escalationsOf(database, clue.id)).map((e) => [e.level, e.status])).toEqual([[2, 'open']]);
    const rung = async () => (await database.client.execute({ sql: 'select level from clue_rungs where item_id = ?', args: [clue.id] })).rows.map((r) => r.level);
    expect(await rung()).toEqual([2]);

    const app = testApp(database, new Date(due + 2 * hour));
    const extend = (who: Awaited<ReturnType<typeof signIn>>, body: Record<string, unknown>) => who.send('POST', `/api/clues/${clue.id}/extend`, { version: clue.version, reason: '需调取外省银行流水', ...body });
    // The officer asks their lead; only the lead or the office grants it.
    expect((await extend(await signIn(app, 'hantai.officer'), { until: '2026-06-30' })).status).toBe(403);
    const lead = await signIn(app, 'hantai.lead');
    const refused = await extend(lead, { until: '2026-06-01' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['until']);
    expect((await extend(lead, { until: '2026-06-31' })).status).toBe(400);
    expect((await escalationsOf(database, clue.id)).map((e) => e.status)).toEqual(['open']);

    const extended = await extend(lead, { until: '2026-06-30' });
    expect(extended.status, await extended.clone().text()).toBe(200);
    const answer = (await extended.json()) as { state: string; dueAt: string; version: number; level: number };
    // The end of 30 June, Beijing time; still found, and on time again.
    expect(answer).toMatchObject({ state: 'found', dueAt: '2026-06-30T16:00:00.000Z', version: clue.version + 1, level: 0 });
    expect((await extend(lead, { until: '2026-07-05' })).status).toBe(409);
    app.stop();
    expect((await escalationsOf(database, clue.id)).map((e) => [e.level, e.status])).toEqual([[2, 'resolved']]);
    expect(await rung()).toEqual([]);
    // What `audit:verify` derives from the escalations agrees: the rung raised for the old due time is not the item's now.
    expect((await checkKeptFigures(database.db)).filter((differs) => differs.table === 'clue_rungs')).toEqual([]);
    const resolvedEntries = await database.db.select({ event: auditLog.event }).from(auditLog).where(and(eq(auditLog.subject, 'escalation'), eq(auditLog.event, 'escalation.resolve'), sql`json_extract(${auditLog.payload}, '$.item.id') = ${clue.id}`));
    expect(resolvedEntries).toHaveLength(1);

    // Nothing until the new deadline comes near; then its own rungs, to whom they go.
    const newDue = new Date(answer.dueAt).getTime();
    await sweepDeadlines(database, new Date(newDue - day - 1));
    expect(await escalationsOf(database, clue.id)).toHaveLength(1);
    await sweepDeadlines(database, new Date(newDue + 1000));
    expect((await escalationsOf(database, clue.id)).map((e) => [e.level, e.state, e.dueAt, e.status])).toEqual([
      [2, 'found', clue.dueAt, 'resolved'],
      [2, 'found', answer.dueAt, 'open'],
    ]);
    expect(await rung()).toEqual([2]);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('keeps the rung raised for each item in the state it is in, apart from the item, as the escalations give it', async () => {
    const kept = (await database.client.execute('select item_id, level from clue_rungs order by item_id')).rows.map((r) => [r.item_id, r.level]);
    expect(kept.length).toBeGreaterThan(0);
    const derived = await database.client.execute(`select c.id, max(e.level) as level from clues c
      join escalations e on e.subject = 'clue' and e.subject_id = c.id and e.entered_at = c.entered_at and e.due_at = c.due_at group by c.id order by c.id`);
    expect(kept).toEqual(derived.rows.map((r) => [r.id, r.level]));
  });

  it('settles, when asked (the first sweep after start), escalations left open by items that moved on without settling them', async () => {
    const clue = await newClue(testNow);
    const due = new Date(clue.dueAt).getTime();
    await sweepDeadlines(database, new Date(due + 1000));
    expect((await escalationsOf(database, clue.id)).map((e) => e.status)).toEqual(['open']);
    // As a database written before moves settled their own escalations would hold it: moved on, escalation open.
    const [stored] = await database.db.select({ state: clues.state, enteredAt: clues.enteredAt, dueAt: clues.dueAt }).from(clues).where(eq(clues.id, clue.id));
    await database.write((tx) => tx.run(sql`update clues set state = 'verifying', entered_at = ${new Date(due + 2000).toISOString()}, due_at = ${new Date(due + 15 * 24 * hour).toISOString()} where id = ${clue.id}`));
    expect((await sweepDeadlines(database, new Date(due + 3000))).resolved).toBe(0);
    expect((await escalationsOf(database, clue.id)).map((e) => e.status)).toEqual(['open']);
    expect((await sweepDeadlines(database, new Date(due + 4000), { settleAll: true })).resolved).toBe(1);
    expect((await escalationsOf(database, clue.id)).map((e) => e.status)).toEqual(['resolved']);
    // Put the row back as its audit entries replay it, for the checks of the log below, and its rung as its
    // escalations give it (what `audit:verify -- --rebuild-kept` does after such an edit by hand).
    await database.write((tx) => tx.run(sql`update clues set state = ${stored?.state}, entered_at = ${stored?.enteredAt}, due_at = ${stored?.dueAt} where id = ${clue.id}`));
    await rebuildKeptFigures(database);
  });

  it('is asked to settle everything by the server in its first sweep after start, and not in the sweeps after', async () => {
    const clue = await newClue(testNow);
    const due = new Date(clue.dueAt).getTime();
    await sweepDeadlines(database, new Date(due + 1000));
    const [stored] = await database.db.select({ state: clues.state, enteredAt: clues.enteredAt, dueAt: clues.dueAt }).from(clues).where(eq(clues.id, clue.id));
    const leaveOpen = () => database.write((tx) => tx.run(sql`update clues set state = 'verifying', entered_at = ${new Date(due + 2000).toISOString()}, due_at = ${new Date(due + 15 * 24 * hour).toISOString()} where id = ${clue.id}`));
    const statuses = async () => (await escalationsOf(database, clue.id)).map((e) => e.status);
    await leaveOpen();
    let now = due + 3000;
    const lines: string[] = [];
    let asked = 0; // each sweep asks the clock for its instant
    const clock = () => {
      asked += 1;
      return new Date(now);
    };
    const background = startBackground(database, clock, { sweepSeconds: 0.05, webhookSeconds: 3600, log: (line) => lines.push(line) });
    await background.ready;
    expect(await statuses()).toEqual(['resolved']);
    // Open again as an older database would leave it: the interval's sweeps leave it to the moves.
    await database.write((tx) => tx.run(sql`update escalations set status = 'open', resolved_at = null where subject = 'clue' and subject_id = ${clue.id}`));
    now += 1000;
    const before = asked;
    await expect.poll(() => asked - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    background.stop();
    expect(await statuses()).toEqual(['open']);
    expect(lines.some((line) => line.includes('"resolved":1'))).toBe(true);
    await database.write(async (tx) => {
      await tx.run(sql`update escalations set status = 'resolved', resolved_at = ${new Date(now).toISOString()} where subject = 'clue' and subject_id = ${clue.id}`);
      await tx.run(sql`update clues set state = ${stored?.state}, entered_at = ${stored?.enteredAt}, due_at = ${stored?.dueAt} where id = ${clue.id}`);
    });
    await rebuildKeptFigures(database);
  });

  it('raises an office escalation listing the blockers when a phase window closes with the campaign in it', async () => {
    const [campaign] = await database.db.select().from(campaigns);
    expect(campaign?.state).toBe('crackdown');
    await sweepDeadlines(database, new Date('2026-09-01T00:00:00+08:00'));
    const phaseRows = await database.db.select().from(escalations).where(eq(escalations.subject, 'campaign'));
    expect(phaseRows).toHaveLength(1);
    expect(phaseRows[0]).toMatchObject({ level: 3, recipient: 'office', state: 'crackdown', status: 'open' });
    expect(phaseRows[0]?.detail).toHaveProperty('unmet');
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('lets the board show only escalated items', async () => {
    const app = testApp(database, new Date('2026-09-01T00:00:00+08:00'));
    const office = await signIn(app, 'office');
    const board = (await (await office.get('/api/campaigns/1/board?escalated=true&limit=500')).json()) as { columns: { cards: { id: number }[] }[] };
    const shown = new Set(board.columns.flatMap((c) => c.cards.map((card) => card.id)));
    const open = await database.db.select({ id: escalations.subjectId }).from(escalations).where(and(eq(escalations.subject, 'clue'), inArray(escalations.status, ['open', 'acknowledged'])));
    expect(shown).toEqual(new Set(open.map((r) => r.id)));
    expect(shown.size).toBeGreaterThan(0);
    app.stop();
  });

  it('blocks leaving the crackdown while office-level escalations are unresolved (the demo’s exit criterion)', async () => {
    const app = testApp(database, new Date('2026-09-01T00:00:00+08:00'));
    const office = await signIn(app, 'office');
    const detail = (await (await office.get('/api/campaigns/1')).json()) as { unmet: { criterion: { kind: string }; blocking: { count: number } }[] };
    const unresolved = await database.db
      .select({ n: count() })
      .from(escalations)
      .where(and(eq(escalations.level, 3), inArray(escalations.subject, ['clue', 'problem']), inArray(escalations.status, ['open', 'acknowledged'])));
    expect(unresolved[0]?.n).toBeGreaterThan(0);
    expect(detail.unmet).toContainEqual(expect.objectContaining({ criterion: { kind: 'noOpenEscalations', atOrAbove: 3 }, blocking: expect.objectContaining({ count: unresolved[0]?.n }) }));
    // The blocking items listed are (up to 50 of) those escalated to the office.
    const blocking = detail.unmet.find((u) => u.criterion.kind === 'noOpenEscalations')?.blocking as { sample: { kind: string; id: number }[] } | undefined;
    const atOffice = await database.db
      .select({ subject: escalations.subject, id: escalations.subjectId })
      .from(escalations)
      .where(and(eq(escalations.level, 3), inArray(escalations.subject, ['clue', 'problem']), inArray(escalations.status, ['open', 'acknowledged'])));
    expect(blocking?.sample.length).toBe(Math.min(50, unresolved[0]?.n ?? 0));
    for (const item of blocking?.sample ?? []) expect(atOffice.map((r) => `${r.subject}:${r.id}`)).toContain(`${item.kind}:${item.id}`);
    app.stop();
  });
});

describe('GET /api/escalations and acknowledging', () => {
  it('shows the assignee their rung-1 escalations, lets them acknowledge with a note, and refuses others', async () => {
    const clue = await newClue(testNow);
    const at = new Date(new Date(clue.dueAt).getTime() - day + 1);
    await sweepDeadlines(database, at);
    const app = testApp(database, at);
    const officer = await signIn(app, 'hantai.officer');
    const inbox = (await (await officer.get('/api/escalations')).json()) as { counts: { open: number }; items: { id: number; subjectId: number; title: string; mayAcknowledge: boolean }[] };
    const mine = inbox.items.find((e) => e.subjectId === clue.id);
    expect(mine?.title).toBe('阶梯测试');
    // Each escalation says whether its reader may acknowledge it: the officer their own; in their unit's view, not those
    // raised to the unit's lead or the office, which the viewer and the lead's other readers are not offered either.
    expect(mine?.mayAcknowledge).toBe(true);
    type Row = { id: number; recipient: string; recipientUserId: number | null; status: string; mayAcknowledge: boolean };
    const unitView = (await (await officer.get('/api/escalations?view=unit&limit=500')).json()) as { items: Row[] };
    const raisedAbove = unitView.items.filter((e) => e.recipient !== 'assignee');
    expect(raisedAbove.length).toBeGreaterThan(0);
    expect(raisedAbove.every((e) => !e.mayAcknowledge)).toBe(true);
    const viewer = (await (await (await signIn(app, 'viewer')).get('/api/escalations?view=unit&limit=500')).json()) as { items: Row[] };
    expect(viewer.items.length).toBeGreaterThan(0);
    expect(viewer.items.some((e) => e.mayAcknowledge)).toBe(false);
    const lead = (await (await (await signIn(app, 'hantai.lead')).get('/api/escalations?limit=500')).json()) as { items: Row[] };
    const routed = lead.items.filter((e) => e.recipient === 'unitLead');
    expect(routed.length).toBeGreaterThan(0);
    expect(routed.every((e) => e.mayAcknowledge)).toBe(true);
    expect(inbox.counts.open).toBeGreaterThan(0);
    const stranger = await signIn(app, 'nanzheng.lead');
    expect((await stranger.send('POST', `/api/escalations/${mine?.id}/acknowledge`, { note: '收到' })).status).toBe(404);
    const ack = await officer.send('POST', `/api/escalations/${mine?.id}/acknowledge`, { note: '收到，今日核查' });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ status: 'acknowledged', note: '收到，今日核查' });
    expect((await officer.send('POST', `/api/escalations/${mine?.id}/acknowledge`, {})).status).toBe(422);
    // Acknowledged, it is offered to no one again, the office included, in the list and on its item.
    const office = await signIn(app, 'office');
    const listed = (await (await office.get('/api/escalations?view=unit&status=acknowledged&limit=500')).json()) as { items: Row[] };
    expect(listed.items.find((e) => e.id === mine?.id)?.mayAcknowledge).toBe(false);
    const onItem = (await (await office.get(`/api/escalations?subject=clue&subjectId=${clue.id}&status=acknowledged`)).json()) as { items: Row[] };
    expect(onItem.items.find((e) => e.id === mine?.id)?.mayAcknowledge).toBe(false);
    app.stop();
  });
});

describe('webhook deliveries', () => {
  it("are held by a server started with SEND_WEBHOOKS=false (a copy of the bureau's database): queued, not sent", async () => {
    const received: string[] = [];
    const receiver = createServer(async (req, res) => {
      received.push(await requestBody(req));
      res.writeHead(204).end();
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await database.write((tx) => tx.update(campaigns).set({ webhookUrl: url, webhookSecret: 'a-shared-secret-of-the-bureau' }));
    const clue = await newClue(testNow);
    const now = new Date(new Date(clue.dueAt).getTime() + 1000);
    let asked = 0;
    const background = startBackground(
      database,
      () => {
        asked += 1;
        return now;
      },
      { sweepSeconds: 0.05, webhookSeconds: 0.05, log: () => undefined, sendWebhooks: false },
    );
    await background.ready;
    const queued = await database.db.select().from(webhookOutbox).where(isNull(webhookOutbox.deliveredAt));
    expect(queued.length).toBeGreaterThan(0);
    // Several sweeps' and deliveries' worth of time: nothing goes out.
    const before = asked;
    await expect.poll(() => asked - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    background.stop();
    expect(received).toEqual([]);
    // Sent by a process that sends them, as ever.
    expect((await deliverWebhooks(database, () => now)).delivered).toBe(queued.length);
    expect(received).toHaveLength(queued.length);
    // The tests after this one count the deliveries they queue.
    await database.write(async (tx) => {
      await tx.update(campaigns).set({ webhookUrl: null, webhookSecret: null });
      await tx.delete(webhookOutbox);
    });
    await new Promise((done) => receiver.close(done));
  });

  it('signs each escalation, retries after failures, and delivers each exactly once across a restart', async () => {
    const secret = 'a-shared-secret-of-the-bureau';
    const received: { id: string; body: string }[] = [];
    let failuresLeft = 2;
    const receiver = createServer(async (req, res) => {
      const body = await requestBody(req);
      if (req.headers['x-battlemap-signature'] !== webhookSignature(body, secret)) {
        res.writeHead(401).end();
        return;
      }
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({ id: String(req.headers['x-battlemap-delivery']), body });
      res.writeHead(204).end();
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await database.write((tx) => tx.update(campaigns).set({ webhookUrl: url, webhookSecret: secret }));

    const clue = await newClue(testNow);
    const t0 = new Date(new Date(clue.dueAt).getTime() + 1000);
    await sweepDeadlines(database, t0);
    const queued = await database.db.select().from(webhookOutbox);
    expect(queued.length).toBeGreaterThan(0);

    // Two failures with backoff, then a "restart" (a new connection and delivery loop), then success.
    let now = t0.getTime();
    expect((await deliverWebhooks(database, () => new Date(now))).failed).toBeGreaterThan(0);
    now += 6_000;
    await deliverWebhooks(database, () => new Date(now));
    const restarted = await openDatabase(database.url);
    for (let i = 0; i < 6; i++) {
      now += 60_000;
      await deliverWebhooks(restarted, () => new Date(now));
    }
    const ids = received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(queued.map((q) => q.deliveryId).sort());
    const body = JSON.parse(received.find((r) => r.body.includes(`"subjectId":${clue.id}`))?.body ?? '{}') as { escalation?: { level: number } };
    expect(body.escalation?.level).toBe(2);
    // Each body tells the escalation as stored.
    for (const { body: text } of received) {
      const { escalation } = JSON.parse(text) as { escalation: { id: number; recipientUserIds: number[] } };
      // Someone, by name: the office's level 3 too, to each office user when it has no stored lead.
      expect(escalation.recipientUserIds.length).toBeGreaterThan(0);
      const [row] = await database.db.select().from(escalations).where(eq(escalations.id, escalation.id));
      expect(row).toBeDefined();
      const { status: _s, enteredAt: _e, acknowledgedBy: _b, acknowledgedAt: _a, note: _n, resolvedAt: _r, ...told } = row!;
      expect(escalation).toEqual({ ...told, recipientUserIds: expect.any(Array) });
    }
    const pending = await restarted.db.select().from(webhookOutbox).where(isNull(webhookOutbox.deliveredAt));
    expect(pending).toEqual([]);
    restarted.close();
    await new Promise((done) => receiver.close(done));
  });

  it('sends every due delivery in one run while the receiver takes them, and leaves the rest for the next run after a failure', async () => {
    const own = await testDatabase({ clues: 20, problems: 2 });
    const received: string[] = [];
    let requests = 0;
    const receiver = createServer((req, res) => {
      requests += 1;
      // The hundredth request fails: the second batch of 50 is the last of this run.
      if (requests === 100) {
        res.writeHead(503).end();
        return;
      }
      received.push(String(req.headers['x-battlemap-delivery']));
      req.resume();
      res.writeHead(204).end();
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      await own.write((tx) => tx.update(campaigns).set({ webhookUrl: url, webhookSecret: 'secret' }));
      await sweepDeadlines(own, testNow);
      // 160 deliveries due: copies of the first one queued (a sweep that raised as many).
      await own.client.execute({
        sql: `insert into webhook_outbox (campaign_id, escalation_id, url, body, next_attempt_at)
              with recursive n(i) as (select 1 union all select i + 1 from n where i < 160 - (select count(*) from webhook_outbox))
              select o.campaign_id, o.escalation_id, o.url, o.body, o.next_attempt_at from n, (select * from webhook_outbox order by id limit 1) o`,
        args: [],
      });
      const [queued] = await own.db.select({ n: count() }).from(webhookOutbox);
      expect(queued?.n).toBe(160);

      expect(await deliverWebhooks(own, () => testNow)).toEqual({ delivered: 99, failed: 1 });
      // The next run, after the failed one's backoff: the other 60 and the retry.
      expect(await deliverWebhooks(own, () => new Date(testNow.getTime() + 60_000))).toEqual({ delivered: 61, failed: 0 });
      expect(new Set(received).size).toBe(160);
      expect(await own.db.select().from(webhookOutbox).where(isNull(webhookOutbox.deliveredAt))).toEqual([]);
    } finally {
      await new Promise((done) => receiver.close(done));
      await own.drop();
    }
  });
});


describe('a first sweep over a large campaign', () => {
  it('raises, audits and queues a webhook for every one of thousands of overdue items at once', async () => {
    const large = await testDatabase({ clues: 20, problems: 2 });
    await large.write((tx) => tx.update(campaigns).set({ webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'secret' }));
    // 9,000 copies of an open clue, each overdue: more webhook rows than one INSERT can bind (5 parameters each, 32,766 at most).
    await insertClueCopies(large, 9000, { dueAt: new Date(testNow.getTime() - 2 * hour) });
    const before = await large.db.select({ n: count() }).from(escalations);
    const result = await sweepDeadlines(large, testNow);
    expect(result.raised).toBeGreaterThanOrEqual(9000);
    const [after] = await large.db.select({ n: count() }).from(escalations);
    expect((after?.n ?? 0) - (before[0]?.n ?? 0)).toBe(result.raised);
    // One entry for each part the sweep committed, filed under its first escalation, listing each as stored,
    // every escalation once and in the order of their ids.
    const entries = await raisedInLog(large);
    expect(entries.length).toBeGreaterThan(1);
    const rows = await large.db.select().from(escalations).orderBy(escalations.id);
    expect(entries.flatMap((entry) => entry.escalations)).toEqual(
      rows.map((row) => ({ id: row.id, subject: row.subject, subjectId: row.subjectId, level: row.level, recipient: row.recipient, recipientUserId: row.recipientUserId, unitId: row.unitId, dueAt: row.dueAt, detail: row.detail })),
    );
    for (const entry of entries) expect(entry.subjectId).toBe(entry.escalations[0]?.id);
    const [queued] = await large.db.select({ n: count() }).from(webhookOutbox);
    expect(queued?.n).toBe(result.raised);
    await large.drop();
  }, 60_000);

  it('lets moves through between its parts: a move sent over HTTP while it runs is committed before the sweep ends', async () => {
    const large = await testDatabase({ clues: 20, problems: 2 });
    await insertClueCopies(large, 2000, { dueAt: new Date(testNow.getTime() - 2 * hour) });
    const [target] = await large.db.select({ id: clues.id, version: clues.version }).from(clues).where(and(eq(clues.state, 'verifying'), sql`${clues.dueAt} > ${testNow.toISOString()}`)).limit(1);
    if (target === undefined) throw new Error('no verifying clue to move');
    const server = await startTestServer(large);
    try {
      const login = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office', password: demoPassword }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const sweeping = sweepDeadlines(large, testNow, { itemsPerPart: 100 });
      // The move is sent once the sweep's first part is committed (over a libSQL server, a move sent with the
      // sweep could commit before its first part), over a real socket: read only when the sweep gives the event
      // loop a turn.
      const raisedSoFar = async () => (await large.db.select({ n: count() }).from(auditLog).where(eq(auditLog.event, 'escalation.raise')))[0]?.n ?? 0;
      while ((await raisedSoFar()) === 0) await new Promise((next) => setTimeout(next, 1));
      const moved = await fetch(`${server.url}/api/clues/${target.id}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ to: 'unfounded', version: target.version, payload: { conclusion: '查无实据' } }),
      });
      const swept = await sweeping;
      expect(moved.status).toBe(200);
      expect(swept.raised).toBeGreaterThanOrEqual(2000);
      const [move] = await large.db.select({ seq: auditLog.seq }).from(auditLog).where(and(eq(auditLog.subject, 'clue'), eq(auditLog.subjectId, target.id), eq(auditLog.event, 'clue.dismiss')));
      const raises = await raisedInLog(large);
      expect(raises.flatMap((entry) => entry.escalations).length).toBe(swept.raised);
      // Raised both before and after the move: it did not wait for the whole sweep.
      expect(raises.filter((r) => r.seq < (move?.seq ?? -Infinity)).length).toBeGreaterThan(0);
      expect(raises.filter((r) => r.seq > (move?.seq ?? Infinity)).length).toBeGreaterThan(0);
    } finally {
      await server.close();
      await large.drop();
    }
  }, 60_000);
});

describe('the rung each item gets', () => {
  it('is what escalationDue says for its due time, assignee and the rung raised before, item by item', async () => {
    const own = await testDatabase({ clues: 20, problems: 2 });
    try {
      const [campaign] = await own.db.select({ config: campaigns.config }).from(campaigns);
      const thresholds = campaign?.config.escalation;
      if (thresholds === undefined) throw new Error('no campaign');
      const [assignee] = await own.db.select({ id: users.id }).from(users).limit(1);
      const item = fc.record({ dueIn: fc.integer({ min: -20 * day, max: 3 * day }), assigned: fc.boolean() });
      await fc.assert(
        fc.asyncProperty(fc.array(item, { minLength: 50, maxLength: 150 }), fc.integer({ min: 1, max: 10 * day }), async (items, later) => {
          // Copies of one clue, each with its own due time and assignee, then two sweeps some time apart.
          const [top] = (await own.client.execute('select max(id) as id from clues')).rows;
          const base = Number(top?.id);
          await insertClueCopies(own, items.length);
          const first = testNow.getTime();
          const values = items.map(({ dueIn, assigned }, i) => [base + 1 + i, new Date(first + dueIn).toISOString(), assigned ? (assignee?.id ?? null) : null]);
          await own.client.execute({
            sql: `update clues set due_at = j.value ->> 1, assignee_id = j.value ->> 2 from json_each(?) j where clues.id = j.value ->> 0`,
            args: [JSON.stringify(values)],
          });
          let rungs = new Map<number, number>();
          for (const at of [new Date(first), new Date(first + later)]) {
            await sweepDeadlines(own, at);
            const raised = await own.db
              .select({ id: escalations.subjectId, level: escalations.level, recipient: escalations.recipient, recipientUserId: escalations.recipientUserId })
              .from(escalations)
              .where(and(eq(escalations.subject, 'clue'), eq(escalations.raisedAt, at.toISOString()), sql`${escalations.subjectId} > ${base}`));
            const got = new Map(raised.map(({ id, ...rung }) => [id, rung]));
            for (const [id, dueAt, assigneeId] of values as [number, string, number | null][]) {
              // A clue's states are all its unit's to move on: none waits for the office alone.
              const due = escalationDue({ dueAt, assigneeId, awaitsOffice: false }, at, thresholds);
              const expected = due !== null && due.level > (rungs.get(id) ?? 0) ? due : undefined;
              expect(got.get(id), `clue ${id} due ${dueAt} swept ${at.toISOString()}`).toEqual(expected);
            }
            rungs = new Map([...rungs, ...raised.map(({ id, level }) => [id, level] as const)]);
          }
        }),
        { numRuns: 5 },
      );
      expect(await checkKeptFigures(own.db)).toEqual([]);
    } finally {
      await own.drop();
    }
  }, 120_000);
});
