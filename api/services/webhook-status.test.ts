import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, webhookOutbox } from '../../db/schema';
import { testDatabase, testNow } from '../../test/support/test-database';
import { deliverWebhooks } from './webhook-delivery';
import { webhookStatus } from './webhook-status';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ clues: 4, problems: 1 });
});
afterAll(() => database.drop());

describe('the webhook as the settings show it', () => {
  it('names the error of the latest failure, not that of the delivery retried last', async () => {
    // The receiver refuses "a" with 500, "b" with 503.
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => void res.writeHead(body.includes('"a"') ? 500 : 503).end());
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await database.write((tx) => tx.update(campaigns).set({ webhookUrl: url, webhookSecret: 'the-secret-of-the-bureau' }).where(eq(campaigns.id, 1)));
      const at = (seconds: number) => new Date(testNow.getTime() + seconds * 1000);
      await database.write((tx) => tx.insert(webhookOutbox).values({ campaignId: 1, url, body: '{"n":"a"}', nextAttemptAt: at(0).toISOString() }));
      // "a" fails four times: its backoff grows to 40 s (next attempt at 75 s).
      for (const seconds of [0, 5, 15, 35]) await deliverWebhooks(database, () => at(seconds));
      // "b", queued later, fails once at 40 s: the latest failure, retried sooner (45 s).
      await database.write((tx) => tx.insert(webhookOutbox).values({ campaignId: 1, url, body: '{"n":"b"}', nextAttemptAt: at(40).toISOString() }));
      await deliverWebhooks(database, () => at(40));
      const [campaign] = await database.db.select().from(campaigns).where(eq(campaigns.id, 1));
      expect(await webhookStatus(database.db, campaign!)).toEqual({
        url,
        secretSet: true,
        pending: 2,
        failing: 2,
        lastError: 'HTTP 503',
        lastReason: { zh: '接收方回应 HTTP 503，未表示接收成功', en: 'The receiver answered HTTP 503, not a success' },
      });
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('says why deliveries fail in the office\'s words, as the test delivery does, keeping the technical error beside it', async () => {
    // A port nothing listens on: taken from the system, then let go.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/hook`;
    await new Promise((done) => closed.close(done));
    await database.write((tx) => tx.delete(webhookOutbox));
    await database.write((tx) => tx.update(campaigns).set({ webhookUrl: url, webhookSecret: 'the-secret-of-the-bureau' }).where(eq(campaigns.id, 1)));
    await database.write((tx) => tx.insert(webhookOutbox).values({ campaignId: 1, url, body: '{"n":"c"}', nextAttemptAt: testNow.toISOString() }));
    await deliverWebhooks(database, () => testNow);
    const [campaign] = await database.db.select().from(campaigns).where(eq(campaigns.id, 1));
    const status = await webhookStatus(database.db, campaign!);
    expect(status).toMatchObject({ pending: 1, failing: 1, lastError: 'fetch failed (ECONNREFUSED)' });
    expect(status.lastReason).toEqual({ zh: '连接被拒绝：该地址上没有服务在接收', en: 'Connection refused: nothing is listening at that address' });
  });
});
