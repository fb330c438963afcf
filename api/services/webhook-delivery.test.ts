import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { campaigns, webhookOutbox } from '../../db/schema';
import { testDatabase, testNow } from '../../test/support/test-database';
import { webhookSignature } from './deadline-sweep';
import { deliverWebhooks } from './webhook-delivery';
import { webhookStatus } from './webhook-status';
import { requestBody } from '../../test/support/request-body';

let database: Awaited<ReturnType<typeof testDatabase>>;
const minute = 60_000;
const later = (ms: number) => () => new Date(testNow.getTime() + ms);

beforeAll(async () => {
  database = await testDatabase({ clues: 4, problems: 1 });
});
afterAll(() => database.drop());
// Each test queues its own deliveries into an empty outbox.
beforeEach(() => database.write((tx) => tx.delete(webhookOutbox)));

/** One request a receiver got. */
interface Received {
  readonly method: string;
  readonly path: string;
  readonly delivery: string;
  readonly signature: string;
  readonly body: string;
}

/** A receiver on 127.0.0.1 that records each request and answers as `answer` says (204 by default). */
async function receiver(answer: (request: Received, res: ServerResponse) => void | Promise<void> = (_, res) => void res.writeHead(204).end()) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const request = { method: req.method ?? '', path: req.url ?? '', delivery: String(req.headers['x-battlemap-delivery']), signature: String(req.headers['x-battlemap-signature']), body: await requestBody(req) };
    received.push(request);
    await answer(request, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/hook`, origin, received, close: () => new Promise((done) => server.close(done)) };
}

const setWebhook = (url: string | null, secret: string | null) => database.write((tx) => tx.update(campaigns).set({ webhookUrl: url, webhookSecret: secret }).where(eq(campaigns.id, 1)));

/** Queues a delivery as the sweep does, to the address given, due at `at`. */
async function queue(url: string, body: object, at = testNow) {
  const [row] = await database.write((tx) => tx.insert(webhookOutbox).values({ campaignId: 1, url, body: JSON.stringify(body), nextAttemptAt: at.toISOString() }).returning());
  if (row === undefined) throw new Error('nothing queued');
  return row;
}

const campaignOne = async () => (await database.db.select().from(campaigns).where(eq(campaigns.id, 1)))[0]!;

describe('a delivery goes where the campaign’s webhook is when it is sent', () => {
  it('goes to the new address, signed with the new secret, once the office changes the webhook', async () => {
    const old = await receiver((_, res) => void res.writeHead(503).end());
    const next = await receiver();
    try {
      await setWebhook(old.url, 'the-old-secret-of-the-bureau');
      await queue(old.url, { n: 1 });
      expect(await deliverWebhooks(database, later(0))).toEqual({ delivered: 0, failed: 1 });
      await setWebhook(next.url, 'the-new-secret-of-the-bureau');
      expect(await deliverWebhooks(database, later(minute))).toEqual({ delivered: 1, failed: 0 });
      expect(old.received).toHaveLength(1);
      expect(next.received).toHaveLength(1);
      expect(next.received[0]?.signature).toBe(webhookSignature('{"n":1}', 'the-new-secret-of-the-bureau'));
    } finally {
      await old.close();
      await next.close();
    }
  });

  it('sends nothing once the webhook is removed, and no longer counts those deliveries as waiting', async () => {
    const removed = await receiver((_, res) => void res.writeHead(503).end());
    try {
      await setWebhook(removed.url, 'the-secret-of-the-bureau');
      await queue(removed.url, { n: 1 });
      await deliverWebhooks(database, later(0));
      // One failed and in its backoff, one due: neither is sent once the webhook is gone.
      await queue(removed.url, { n: 2 });
      await setWebhook(null, null);
      expect(await webhookStatus(database.db, await campaignOne())).toEqual({ url: null, secretSet: false, pending: 0, failing: 0, lastError: null, lastReason: null });
      expect(await deliverWebhooks(database, later(minute))).toEqual({ delivered: 0, failed: 0 });
      expect(await deliverWebhooks(database, later(2 * minute))).toEqual({ delivered: 0, failed: 0 });
      expect(removed.received).toHaveLength(1);
      // Dropped, so a webhook set again later does not receive what was queued for the one removed.
      await setWebhook(removed.url, 'the-secret-of-the-bureau');
      expect(await webhookStatus(database.db, await campaignOne())).toMatchObject({ pending: 0, failing: 0 });
    } finally {
      await removed.close();
    }
  });
});

describe('a receiver that redirects', () => {
  it('has not received the delivery: a failure naming where it redirected, and nothing sent there', async () => {
    const hook = await receiver((request, res) => {
      if (request.path === '/hook') res.writeHead(302, { location: '/moved' }).end();
      else res.writeHead(204).end();
    });
    try {
      await setWebhook(hook.url, 'the-secret-of-the-bureau');
      await queue(hook.url, { n: 1 });
      expect(await deliverWebhooks(database, later(0))).toEqual({ delivered: 0, failed: 1 });
      expect(hook.received.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /hook']);
      const [row] = await database.db.select().from(webhookOutbox);
      expect(row?.deliveredAt).toBeNull();
      expect(row?.lastError).toBe(`HTTP 302 redirect to ${hook.origin}/moved`);
    } finally {
      await hook.close();
    }
  });
});

describe('two processes delivering from one database', () => {
  it('send each delivery once to a slow receiver', async () => {
    const slow = await receiver(async (_, res) => {
      await new Promise((done) => setTimeout(done, 200));
      res.writeHead(204).end();
    });
    const other = await openDatabase(database.url);
    try {
      await setWebhook(slow.url, 'the-secret-of-the-bureau');
      for (let n = 1; n <= 3; n++) await queue(slow.url, { n });
      const [one, two] = await Promise.all([deliverWebhooks(database, later(0)), deliverWebhooks(other, later(0))]);
      expect((one?.delivered ?? 0) + (two?.delivered ?? 0)).toBe(3);
      expect(slow.received.map((r) => r.body).sort()).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    } finally {
      await other.close();
      await slow.close();
    }
  });

  it('retries a delivery whose process died while sending it, once its claim has run out', async () => {
    let answered = false;
    let arrived: () => void = () => undefined;
    const first = new Promise<void>((done) => (arrived = done));
    const hook = await receiver(async (_, res) => {
      if (answered) return void res.writeHead(204).end();
      answered = true;
      arrived();
      // The sender dies before this answer: it never marks the delivery.
      await new Promise((done) => setTimeout(done, 100));
      res.writeHead(204).end();
    });
    const dying = await openDatabase(database.url);
    try {
      await setWebhook(hook.url, 'the-secret-of-the-bureau');
      const row = await queue(hook.url, { n: 1 });
      const sending = deliverWebhooks(dying, later(0)).catch(() => undefined);
      await first;
      await dying.close();
      await sending;
      // Still held by the dead process's claim a minute later; sent again, under the same name, once it has run out.
      expect(await deliverWebhooks(database, later(minute))).toEqual({ delivered: 0, failed: 0 });
      expect(await deliverWebhooks(database, later(60 * minute))).toEqual({ delivered: 1, failed: 0 });
      expect(hook.received.map((r) => r.delivery)).toEqual([row.deliveryId, row.deliveryId]);
    } finally {
      await hook.close();
    }
  });
});

describe('the name a delivery is sent under (X-Battlemap-Delivery)', () => {
  it('is the random id queued with it, so a delivery queued after a restore from a backup is not taken for one sent before', async () => {
    const hook = await receiver();
    try {
      await setWebhook(hook.url, 'the-secret-of-the-bureau');
      const sent = await queue(hook.url, { n: 1 });
      await deliverWebhooks(database, later(0));
      // The backup was taken before that delivery was queued: restored, the outbox hands out its id again.
      await database.write(async (tx) => {
        await tx.delete(webhookOutbox).where(eq(webhookOutbox.id, sent.id));
        await tx.run(sql`update sqlite_sequence set seq = ${sent.id - 1} where name = 'webhook_outbox'`);
      });
      const after = await queue(hook.url, { n: 2 });
      expect(after.id).toBe(sent.id);
      await deliverWebhooks(database, later(0));
      expect(hook.received.map((r) => r.delivery)).toEqual([sent.deliveryId, after.deliveryId]);
      expect(after.deliveryId).not.toBe(sent.deliveryId);
      expect(after.deliveryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      await hook.close();
    }
  });
});
