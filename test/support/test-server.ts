import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from '../../api/app';
import { fixedClock, type Clock } from '../../api/clock';
import type { Database } from '../../db/client';
import { testNow } from './test-database';

export interface TestServer {
  readonly url: string;
  readonly app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/** The real app on a real port of 127.0.0.1, serving the built web app from dist/web. */
export async function startTestServer(database: Database, clock: Clock = fixedClock(testNow.toISOString())): Promise<TestServer> {
  const app = createApp({
    database,
    clock,
    session: { idleMinutes: 240, maxHours: 12, secureCookies: false },
    log: null,
    webRoot: resolve(import.meta.dirname, '../../dist/web'),
  });
  const server: ServerType = await new Promise((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
