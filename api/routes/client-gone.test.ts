import { serve, type ServerType } from '@hono/node-server';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { fixedClock } from '../clock';
import { signIn } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';

// A real Node server: a body cut short is the socket's doing, which an in-process request cannot show.
let database: Awaited<ReturnType<typeof testDatabase>>;
let server: ServerType;
let port: number;
let cookie: string;
const lines: { path: string; status: number; outcome?: string }[] = [];

beforeAll(async () => {
  database = await testDatabase();
  const app = createApp({ database, clock: fixedClock(testNow.toISOString()), session: { idleMinutes: 240, maxHours: 12, secureCookies: false }, log: (line) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
  cookie = (await signIn(app, 'office')).cookie;
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ready) => server.once('listening', () => ready()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await database.drop();
});

/** Sends the head of a request and the first bytes of its body, then hangs up. */
async function hangUpDuring(path: string, contentType: string): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((connected) => socket.once('connect', connected));
  const origin = `http://127.0.0.1:${port}`;
  socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nCookie: ${cookie}\r\nContent-Type: ${contentType}\r\nContent-Length: 1000\r\n\r\n{"text":"ab`);
  await new Promise((sent) => setTimeout(sent, 100));
  socket.destroy();
}

describe('a client that hangs up while sending its body', () => {
  it('is logged as gone (499), not as a server error with a stack, and changes nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = await (await fetch(`http://127.0.0.1:${port}/api/clues/1/history`, { headers: { cookie } })).json() as unknown[];
    try {
      await hangUpDuring('/api/clues/1/notes', 'application/json');
      await hangUpDuring('/api/clues/1/attachments?name=cut.bin', 'application/octet-stream');
      await vi.waitFor(() => expect(lines.filter((l) => l.path.startsWith('/api/clues/1/') && l.outcome === 'client_closed')).toHaveLength(2));
      expect(lines.filter((l) => l.status >= 500)).toEqual([]);
      expect(lines.filter((l) => l.outcome === 'client_closed').map((l) => l.status)).toEqual([499, 499]);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    const after = await (await fetch(`http://127.0.0.1:${port}/api/clues/1/history`, { headers: { cookie } })).json() as unknown[];
    expect(after).toHaveLength(before.length);
  });
});
