import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, clues, unitLeads, users, webhookOutbox } from '../../db/schema';
import { signIn, testApp, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { webhookSignature } from '../services/deadline-sweep';
import { requestChangeOf } from '../services/request-webhooks';
import { deliverWebhooks } from '../services/webhook-delivery';
import { requestBody } from '../../test/support/request-body';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 60, problems: 8 });
  app = testApp(database);
});
afterAll(() => database.drop());

interface Delivered {
  type: string;
  request: {
    subject: string;
    subjectId: number;
    title: string;
    unitId: string;
    until: string;
    reason: string;
    askedBy: number;
    answer?: { by: number; grantedUntil?: string | null; reason?: string | null };
    recipientUserIds: number[];
  };
}

/** The deliveries queued after `afterId`, oldest first. */
async function queuedAfter(afterId: number): Promise<(Delivered & { id: number; escalationId: number | null })[]> {
  const rows = await database.db.select().from(webhookOutbox).where(gt(webhookOutbox.id, afterId)).orderBy(asc(webhookOutbox.id));
  return rows.map((row) => ({ id: row.id, escalationId: row.escalationId, ...(JSON.parse(row.body) as Delivered) }));
}
const lastId = async () => (await database.db.select({ id: webhookOutbox.id }).from(webhookOutbox).orderBy(asc(webhookOutbox.id))).at(-1)?.id ?? 0;

describe('requests for more time by webhook', () => {
  it('tells the unit lead one waits and the asker what became of it (declined, granted, ended), signed as the escalations are', async () => {
    const secret = 'the-bureau-secret';
    const received: { signed: boolean; body: string }[] = [];
    const receiver = createServer(async (req, res) => {
      const body = await requestBody(req);
      received.push({ signed: req.headers['x-battlemap-signature'] === webhookSignature(body, secret), body });
      res.writeHead(204).end();
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    try {
      // A verifying clue worked by its unit's officer.
      const [row] = await database.db
        .select({ id: clues.id, version: clues.version, unitId: clues.unitId, title: clues.title, username: users.username, officerId: users.id })
        .from(clues)
        .innerJoin(users, eq(users.id, clues.assigneeId))
        .where(and(eq(clues.state, 'verifying'), eq(users.role, 'officer')))
        .orderBy(clues.id)
        .limit(1);
      if (row === undefined) throw new Error('no verifying clue worked by an officer');
      const officer = await signIn(app, row.username);
      const lead = await signIn(app, `${row.unitId}.lead`);
      const [leadRow] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, `${row.unitId}.lead`));
      const storedLeads = (await database.db.select({ userId: unitLeads.userId }).from(unitLeads).where(eq(unitLeads.unitId, row.unitId))).map((l) => l.userId);

      // No webhook set: a request queues nothing.
      const none = await lastId();
      const silent = await officer.send('POST', `/api/clues/${row.id}/extension-request`, { version: row.version, until: '2026-07-30', reason: '等待运营商回函' });
      expect(silent.status).toBe(200);
      expect(await queuedAfter(none)).toEqual([]);
      const declinedSilently = await lead.send('POST', `/api/clues/${row.id}/extension-request/decline`, { version: row.version + 1, reason: '先行核查' });
      expect(declinedSilently.status).toBe(200);

      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      await database.write((tx) => tx.update(campaigns).set({ webhookUrl: url, webhookSecret: secret }));
      const from = await lastId();
      let version = row.version + 2;
      const step = async (who: typeof officer, path: string, body: Record<string, unknown>) => {
        const answer = await who.send('POST', `/api/clues/${row.id}${path}`, { version, ...body });
        expect(answer.status, await answer.clone().text()).toBe(200);
        version = ((await answer.json()) as { version: number }).version;
      };
      await step(officer, '/extension-request', { until: '2026-07-30', reason: '等待运营商回函' });
      await step(lead, '/extension-request/decline', { reason: '应按期核查' });
      await step(officer, '/extension-request', { until: '2026-07-20', reason: '嫌疑人在外地' });
      await step(lead, '/extend', { until: '2026-07-25', reason: '同意，延至25日' });
      await step(officer, '/extension-request', { until: '2026-08-10', reason: '仍需时间' });
      await step(lead, '/transitions', { to: 'unfounded', payload: { conclusion: '经核查不实' } });

      const queued = await queuedAfter(from);
      expect(queued.map((q) => q.type)).toEqual(['extension.requested', 'extension.declined', 'extension.requested', 'extension.granted', 'extension.requested', 'extension.ended']);
      expect(queued.every((q) => q.escalationId === null && q.request.subject === 'clue' && q.request.subjectId === row.id && q.request.title === row.title)).toBe(true);
      const [asked, declined, , granted, , ended] = queued;
      // Asked: to whoever answers, the unit's leads; answered: to whoever asked, with the answer.
      expect(asked?.request).toMatchObject({ unitId: row.unitId, until: '2026-07-30', reason: '等待运营商回函', askedBy: row.officerId });
      expect(asked?.request.recipientUserIds.sort()).toEqual((storedLeads.length > 0 ? storedLeads : [leadRow?.id]).sort());
      expect(declined?.request).toMatchObject({ until: '2026-07-30', recipientUserIds: [row.officerId], answer: { by: leadRow?.id, reason: '应按期核查' } });
      expect(granted?.request).toMatchObject({ until: '2026-07-20', answer: { grantedUntil: '2026-07-25', reason: '同意，延至25日' } });
      expect(ended?.request).toMatchObject({ until: '2026-08-10', recipientUserIds: [row.officerId], answer: { by: leadRow?.id } });

      // Delivered by the escalations' loop, signed with the campaign's secret, each once.
      const sent = await deliverWebhooks(database, () => new Date(testNow.getTime() + 60_000));
      expect(sent.failed).toBe(0);
      const mine = received.filter((r) => (JSON.parse(r.body) as Delivered).type.startsWith('extension.'));
      expect(mine.map((r) => (JSON.parse(r.body) as Delivered).type)).toEqual(queued.map((q) => q.type));
      expect(mine.every((r) => r.signed)).toBe(true);
      expect(await database.db.select().from(webhookOutbox).where(isNull(webhookOutbox.deliveredAt))).toEqual([]);
    } finally {
      receiver.close();
    }
  });
});

describe('requests for more time by webhook, after a transfer', () => {
  it("tells whoever asked no answer given after the item left their units: its title and a decline's reason are not theirs any more", async () => {
    const [row] = await database.db
      .select({ id: clues.id, version: clues.version, unitId: clues.unitId, username: users.username })
      .from(clues)
      .innerJoin(users, eq(users.id, clues.assigneeId))
      .where(and(eq(clues.state, 'verifying'), eq(users.role, 'officer'), eq(clues.unitId, 'hantai')))
      .orderBy(clues.id)
      .limit(1);
    if (row === undefined) throw new Error('no verifying clue of Hantai worked by an officer');
    await database.write((tx) => tx.update(campaigns).set({ webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'the-bureau-secret' }));
    const officer = await signIn(app, row.username);
    const office = await signIn(app, 'office');
    const lead = await signIn(app, 'nanzheng.lead');
    const asked = await officer.send('POST', `/api/clues/${row.id}/extension-request`, { version: row.version, until: '2026-07-30', reason: '等待运营商回函' });
    expect(asked.status).toBe(200);
    const transferred = await office.send('POST', `/api/clues/${row.id}/transfer`, { version: row.version + 1, unitId: 'nanzheng', reason: '属地管辖' });
    expect(transferred.status, await transferred.clone().text()).toBe(200);
    const from = await lastId();
    const { version } = (await transferred.json()) as { version: number };
    const declined = await lead.send('POST', `/api/clues/${row.id}/extension-request/decline`, { version, reason: '南郑分局另行安排' });
    expect(declined.status, await declined.clone().text()).toBe(200);
    expect((await queuedAfter(from)).filter((q) => q.type === 'extension.declined')).toEqual([]);
  });
});

describe('requestChangeOf', () => {
  const request = { until: '2026-07-30', dueAt: '2026-07-30T16:00:00.000Z', reason: '等待回函', by: 7, at: '2026-06-15T02:00:00.000Z' };
  it('names a request asked, granted, declined or ended, and nothing for a change that leaves it', () => {
    expect(requestChangeOf('clue.requestExtension', null, request)).toBe('requested');
    expect(requestChangeOf('clue.extend', request, null)).toBe('granted');
    expect(requestChangeOf('clue.declineExtension', request, null)).toBe('declined');
    expect(requestChangeOf('clue.dismiss', request, null)).toBe('ended');
    expect(requestChangeOf('clue.note', request, { ...request })).toBeNull();
    expect(requestChangeOf('clue.extend', null, null)).toBeNull();
  });
});
