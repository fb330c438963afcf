import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, users } from '../../db/schema';
import { testDatabase, testNow } from '../../test/support/test-database';
import { testWebhook } from './webhook-test';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ clues: 4, problems: 1 });
});
afterAll(() => database.drop());

describe('a test delivery to a receiver that redirects', () => {
  it('is not delivered: it says the receiver redirected, and where, and sends nothing there', async () => {
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(`${req.method} ${req.url}`);
      req.resume();
      if (req.url === '/hook') res.writeHead(307, { location: '/moved' }).end();
      else res.writeHead(204).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await database.write((tx) => tx.update(campaigns).set({ webhookUrl: `${origin}/hook`, webhookSecret: 'the-secret-of-the-bureau' }).where(eq(campaigns.id, 1)));
      const [office] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
      const result = await testWebhook(database.db, 1, { userId: office?.id ?? -1, role: 'office', unitScope: [] }, testNow);
      expect(result).toMatchObject({ delivered: false, status: 307, error: `HTTP 307 redirect to ${origin}/moved` });
      expect(result.reason?.en).toBe(`The receiver redirected to ${origin}/moved: deliveries are not sent on to another address`);
      expect(paths).toEqual(['POST /hook']);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
