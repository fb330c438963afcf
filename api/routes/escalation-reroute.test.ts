import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, campaigns, escalations, webhookOutbox } from '../../db/schema';
import { movingClockApp, signIn, type TestApp } from '../../test/support/api-client';
import { userNamed } from '../../test/support/demo-users';
import { testDatabase, testNow } from '../../test/support/test-database';
import type { EscalationWire } from '../contracts/escalations';
import type { HistoryEntry } from '../contracts/items';
import { sweepDeadlines } from '../services/deadline-sweep';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let setClock: (at: Date) => void;

beforeAll(async () => {
  database = await testDatabase({ clues: 20, problems: 2 });
  ({ app, setClock } = movingClockApp(database, testNow));
});
afterAll(() => database.drop());

interface List {
  counts: { open: number; acknowledged: number };
  items: EscalationWire[];
}

const userId = (username: string) => userNamed(database.db, username);

/** A new clue of 汉台, found at the test's instant (due at the end of 18 June, 16:00 UTC), worked by its officer unless told. */
async function newClue(title: string, assignee: string | null = 'hantai.officer'): Promise<{ id: number; version: number }> {
  setClock(testNow);
  const office = await signIn(app, 'office');
  const assigneeId = assignee === null ? {} : { assigneeId: (await userId(assignee)).id };
  const response = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', ...assigneeId, title, source: 'platform110' });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; version: number };
}

/** Sweeps at an instant, and signs in after it (a session idle since an earlier instant has run out). */
async function sweepAt(iso: string): Promise<void> {
  await sweepDeadlines(database, new Date(iso));
  setClock(new Date(iso));
}

/** The clue's escalations, by rung. */
async function escalationsOf(clueId: number) {
  const rows = await database.db.select().from(escalations).where(eq(escalations.subjectId, clueId));
  return new Map(rows.filter((row) => row.subject === 'clue').map((row) => [row.level, row]));
}

async function inbox(username: string, view: 'mine' | 'unit' = 'mine'): Promise<List> {
  const response = await (await signIn(app, username)).get(`/api/escalations?view=${view}&status=active&limit=2000`);
  expect(response.status).toBe(200);
  return (await response.json()) as List;
}

const ofClue = (list: List, clueId: number) => list.items.filter((e) => e.subject === 'clue' && e.subjectId === clueId);

describe('an item transferred to another unit takes its standing escalations with it', () => {
  it("passes them to the new unit's lead, who sees them in their inbox and acknowledges them; the old unit's lead no longer has them; the history says so", async () => {
    const clue = await newClue('某网络水军团伙寻衅滋事线索（属地移交）');
    // Due soon (to the officer), then overdue (to 汉台's lead); both acknowledged by those they were raised to.
    await sweepAt('2026-06-18T01:00:00.000Z');
    await sweepAt('2026-06-19T18:00:00.000Z');
    const raised = await escalationsOf(clue.id);
    const [soon, overdue] = [raised.get(1), raised.get(2)];
    if (soon === undefined || overdue === undefined) throw new Error('the sweep raised no 临期 and 超期 escalations');
    expect([soon.recipient, soon.recipientUserId, overdue.recipient, overdue.unitId]).toEqual(['assignee', (await userId('hantai.officer')).id, 'unitLead', 'hantai']);
    expect((await (await signIn(app, 'hantai.officer')).send('POST', `/api/escalations/${soon.id}/acknowledge`, {})).status).toBe(200);
    expect((await (await signIn(app, 'hantai.lead')).send('POST', `/api/escalations/${overdue.id}/acknowledge`, { note: '已督促承办人' })).status).toBe(200);
    const leadBefore = await inbox('hantai.lead');

    setClock(new Date('2026-06-20T02:00:00.000Z'));
    const moved = await (await signIn(app, 'hantai.lead')).send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version, unitId: 'nanzheng', reason: '属地管辖' });
    expect(moved.status).toBe(200);

    // Both now 南郑's lead's: the transfer left the clue with no assignee, so its 临期 goes to the lead too. Neither
    // is acknowledged by them, who had not heard of it.
    const after = await escalationsOf(clue.id);
    for (const level of [1, 2]) expect(after.get(level), `level ${level}`).toMatchObject({ unitId: 'nanzheng', recipient: 'unitLead', recipientUserId: null, status: 'open', acknowledgedBy: null, note: null });
    const mine = await inbox('nanzheng.lead');
    expect(ofClue(mine, clue.id).map((e) => [e.level, e.status, e.mayAcknowledge])).toEqual([
      [2, 'open', true],
      [1, 'open', true],
    ]);
    expect(ofClue(await inbox('nanzheng.lead', 'unit'), clue.id)).toHaveLength(2);
    const drawer = (await (await (await signIn(app, 'nanzheng.lead')).get(`/api/escalations?subject=clue&subjectId=${clue.id}&status=active`)).json()) as List;
    expect(drawer.items.map((e) => e.mayAcknowledge)).toEqual([true, true]);
    expect((await (await signIn(app, 'nanzheng.lead')).send('POST', `/api/escalations/${overdue.id}/acknowledge`, { note: '已接手' })).status).toBe(200);

    // 汉台's lead no longer counts it, nor its officer.
    const leadAfter = await inbox('hantai.lead');
    expect(ofClue(leadAfter, clue.id)).toEqual([]);
    expect(leadAfter.counts.open + leadAfter.counts.acknowledged).toBe(leadBefore.counts.open + leadBefore.counts.acknowledged - 1);
    expect(ofClue(await inbox('hantai.officer'), clue.id)).toEqual([]);

    const history = (await (await (await signIn(app, 'nanzheng.lead')).get(`/api/clues/${clue.id}/history`)).json()) as HistoryEntry[];
    const lines = history.filter((entry) => entry.escalation !== null).map((entry) => [entry.event, entry.escalation?.level, entry.escalation?.recipient, entry.escalation?.recipientName ?? entry.escalation?.unitId]);
    const officer = (await userId('hantai.officer')).name;
    // Raised to whom they were raised to then, passed on to 南郑's lead in the transfer's commit, right after it.
    expect(lines).toEqual([
      ['escalation.raise', 1, 'assignee', officer],
      ['escalation.raise', 2, 'unitLead', 'hantai'],
      ['escalation.acknowledge', 1, 'assignee', officer],
      ['escalation.acknowledge', 2, 'unitLead', 'hantai'],
      ['escalation.reroute', 1, 'unitLead', 'nanzheng'],
      ['escalation.reroute', 2, 'unitLead', 'nanzheng'],
      ['escalation.acknowledge', 2, 'unitLead', 'nanzheng'],
    ]);
    const transfer = history.findIndex((entry) => entry.event === 'clue.transfer');
    expect(history.slice(transfer + 1, transfer + 3).map((entry) => entry.event)).toEqual(['escalation.reroute', 'escalation.reroute']);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('passes on the escalations of each clue of a batch transfer', async () => {
    const clues = [await newClue('某网络赌博推广线索（批量移交一）'), await newClue('某网络赌博推广线索（批量移交二）')];
    await sweepAt('2026-06-19T18:00:00.000Z');
    const office = await signIn(app, 'office');
    const response = await office.send('POST', '/api/campaigns/1/batch', {
      event: 'transfer',
      payload: { unitId: 'nanzheng', reason: '属地管辖' },
      items: clues.map((clue) => ({ kind: 'clue', id: clue.id, version: clue.version })),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { changed: unknown[] }).changed).toHaveLength(2);
    const mine = await inbox('nanzheng.lead');
    for (const clue of clues) {
      expect(ofClue(mine, clue.id).map((e) => [e.level, e.unitId, e.status, e.mayAcknowledge]), `clue ${clue.id}`).toEqual([[2, 'nanzheng', 'open', true]]);
      expect(ofClue(await inbox('hantai.lead'), clue.id)).toEqual([]);
    }
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});

describe("the bureau's messaging", () => {
  it('is told whom an escalation passed on goes to now, with the campaign webhook', async () => {
    await database.write((tx) => tx.update(campaigns).set({ webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'the-bureau-secret' }));
    try {
      const clue = await newClue('某网络谣言传播线索（移交告知）');
      await sweepAt('2026-06-19T18:00:00.000Z');
      // The sweep's own delivery of the raise is before this.
      const [last] = await database.db.select({ id: webhookOutbox.id }).from(webhookOutbox).orderBy(desc(webhookOutbox.id)).limit(1);
      const before = last?.id ?? 0;
      const moved = await (await signIn(app, 'office')).send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version, unitId: 'nanzheng', reason: '属地管辖' });
      expect(moved.status).toBe(200);
      const queued = await database.db.select().from(webhookOutbox).where(gt(webhookOutbox.id, before));
      const overdue = (await escalationsOf(clue.id)).get(2);
      expect(queued.map((row) => [row.escalationId, JSON.parse(row.body) as unknown])).toEqual([
        [
          overdue?.id,
          expect.objectContaining({
            type: 'escalation.rerouted',
            from: { unitId: 'hantai', recipient: 'unitLead', recipientUserId: null },
            escalation: expect.objectContaining({ id: overdue?.id, unitId: 'nanzheng', recipient: 'unitLead', recipientUserIds: [(await userId('nanzheng.lead')).id] }),
          }),
        ],
      ]);
    } finally {
      await database.write((tx) => tx.update(campaigns).set({ webhookUrl: null, webhookSecret: null }));
    }
  });
});

describe('an escalation whose recipient a change leaves the same', () => {
  it("the office's, its clue transferred between units, is not passed on: no entry, no delivery, no line in the history, its acknowledgement kept; the units' views follow the clue", async () => {
    await database.write((tx) => tx.update(campaigns).set({ webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'the-bureau-secret' }));
    try {
      const clue = await newClue('某网络黑产团伙线索（专项办督办移交）');
      // Due soon, overdue, then a week past its deadline: the last raised to the office, which takes it up.
      for (const at of ['2026-06-18T01:00:00.000Z', '2026-06-19T18:00:00.000Z', '2026-06-26T01:00:00.000Z']) await sweepAt(at);
      const office = (await escalationsOf(clue.id)).get(3);
      if (office === undefined) throw new Error('the sweep raised no 严重超期 escalation');
      expect(office).toMatchObject({ recipient: 'office', unitId: 'hantai' });
      expect((await (await signIn(app, 'office')).send('POST', `/api/escalations/${office.id}/acknowledge`, { note: '专项办已督促' })).status).toBe(200);
      const [last] = await database.db.select({ id: webhookOutbox.id }).from(webhookOutbox).orderBy(desc(webhookOutbox.id)).limit(1);

      const moved = await (await signIn(app, 'office')).send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version, unitId: 'nanzheng', reason: '属地管辖' });
      expect(moved.status).toBe(200);

      expect((await escalationsOf(clue.id)).get(3)).toMatchObject({ unitId: 'nanzheng', recipient: 'office', status: 'acknowledged', note: '专项办已督促' });
      const rerouted = await database.db.select({ subjectId: auditLog.subjectId }).from(auditLog).where(and(eq(auditLog.event, 'escalation.reroute'), eq(auditLog.subjectId, office.id)));
      expect(rerouted).toEqual([]);
      const queued = await database.db.select({ escalationId: webhookOutbox.escalationId }).from(webhookOutbox).where(gt(webhookOutbox.id, last?.id ?? 0));
      expect(queued.map((row) => row.escalationId)).not.toContain(office.id);
      const history = (await (await (await signIn(app, 'office')).get(`/api/clues/${clue.id}/history`)).json()) as HistoryEntry[];
      expect(history.filter((entry) => entry.event === 'escalation.reroute').map((entry) => entry.escalation?.level)).toEqual([1, 2]);
      // The lower rungs, raised to 汉台, did go to 南郑's lead.
      // All three in 南郑's view, those waiting first: the office's, signed off, last.
      expect(ofClue(await inbox('nanzheng.lead', 'unit'), clue.id).map((e) => e.level)).toEqual([2, 1, 3]);
      expect(ofClue(await inbox('hantai.lead', 'unit'), clue.id)).toEqual([]);
      expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
    } finally {
      await database.write((tx) => tx.update(campaigns).set({ webhookUrl: null, webhookSecret: null }));
    }
  });
});

describe('an item given to someone in its unit', () => {
  it('passes its 临期 escalation, raised to its lead while nobody was assigned, to the new assignee', async () => {
    const clue = await newClue('某网络诈骗引流线索（分派）', null);
    await sweepAt('2026-06-18T01:00:00.000Z');
    const soon = (await escalationsOf(clue.id)).get(1);
    expect(soon).toMatchObject({ recipient: 'unitLead', unitId: 'hantai', status: 'open' });
    const lead = await signIn(app, 'hantai.lead');
    const officer = await userId('hantai.officer');
    expect((await lead.send('PATCH', `/api/clues/${clue.id}`, { version: clue.version, assigneeId: officer.id })).status).toBe(200);

    expect((await escalationsOf(clue.id)).get(1)).toMatchObject({ recipient: 'assignee', recipientUserId: officer.id, unitId: 'hantai', status: 'open' });
    expect(ofClue(await inbox('hantai.officer'), clue.id).map((e) => e.mayAcknowledge)).toEqual([true]);
    expect(ofClue(await inbox('hantai.lead'), clue.id)).toEqual([]);
    const history = (await (await lead.get(`/api/clues/${clue.id}/history`)).json()) as HistoryEntry[];
    expect(history.filter((entry) => entry.event === 'escalation.reroute').map((entry) => entry.escalation?.recipientName)).toEqual([officer.name]);
  });
});

describe('escalations left behind by transfers made before transfers passed them on', () => {
  it("are passed on by the server's first sweep after start, to the unit their item is in now", async () => {
    const clue = await newClue('某网络套路贷团伙线索（旧版移交）', null);
    await sweepAt('2026-06-19T18:00:00.000Z');
    const overdue = (await escalationsOf(clue.id)).get(2);
    if (overdue === undefined) throw new Error('the sweep raised no 超期 escalation');
    setClock(new Date('2026-06-20T02:00:00.000Z'));
    expect((await (await signIn(app, 'office')).send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version, unitId: 'nanzheng', reason: '属地管辖' })).status).toBe(200);
    // As a transfer made before this release left it: with the unit the clue left.
    await database.db.update(escalations).set({ unitId: 'hantai', recipient: 'unitLead', recipientUserId: null }).where(eq(escalations.id, overdue.id));
    expect(ofClue(await inbox('nanzheng.lead', 'unit'), clue.id)).toEqual([]);

    const result = await sweepDeadlines(database, new Date('2026-06-20T03:00:00.000Z'), { settleAll: true });
    expect(result.resolved).toBeGreaterThanOrEqual(1);
    expect((await escalationsOf(clue.id)).get(2)).toMatchObject({ unitId: 'nanzheng', recipient: 'unitLead', status: 'open' });
    setClock(new Date('2026-06-20T03:00:00.000Z'));
    expect(ofClue(await inbox('nanzheng.lead', 'unit'), clue.id).map((e) => e.id)).toEqual([overdue.id]);
    expect((await (await signIn(app, 'nanzheng.lead')).send('POST', `/api/escalations/${overdue.id}/acknowledge`, {})).status).toBe(200);
    // Once only: the next start finds nothing left behind.
    expect((await sweepDeadlines(database, new Date('2026-06-20T03:30:00.000Z'), { settleAll: true })).resolved).toBe(0);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
