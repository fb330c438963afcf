import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimits } from './body-limit';

// A real Node server: how @hono/node-server hands requests over is what this middleware is about.
let server: ServerType;
let port: number;

beforeAll(async () => {
  const app = new Hono();
  app.use(
    '*',
    bodyLimits(
      (c) => (c.req.path === '/big' ? 1_000 : 100),
      (c) => c.json({ refused: true }, 413),
    ),
  );
  app.post('*', async (c) => c.json({ length: (await c.req.text()).length }));
  app.get('*', (c) => c.json({ ok: true }));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ready) => server.once('listening', () => ready()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Sends a body with a Content-Length, or in chunks (no length said) when `chunks` is given. */
function send(method: string, path: string, body?: string, chunks?: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = body === undefined ? {} : chunks === undefined ? { 'content-length': String(Buffer.byteLength(body)) } : { 'transfer-encoding': 'chunked' };
    const r = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    r.on('error', reject);
    if (body !== undefined && chunks !== undefined) {
      const size = Math.ceil(body.length / chunks);
      for (let i = 0; i < body.length; i += size) r.write(body.slice(i, i + size));
    }
    r.end(chunks === undefined ? body : undefined);
  });
}

describe('body limits over HTTP', () => {
  it('pass a body within the limit, read whole by the route, whether its length is declared or it comes in chunks', async () => {
    expect(await send('POST', '/small', 'x'.repeat(100))).toEqual({ status: 200, body: '{"length":100}' });
    expect(await send('POST', '/small', 'y'.repeat(90), 3)).toEqual({ status: 200, body: '{"length":90}' });
    expect(await send('POST', '/big', '汉'.repeat(300))).toEqual({ status: 200, body: '{"length":300}' });
    expect((await send('GET', '/small')).status).toBe(200);
  });

  it('refuse a body over the limit of its route, by its declared length or as its chunks arrive', async () => {
    expect((await send('POST', '/small', 'x'.repeat(101))).status).toBe(413);
    // Counted in bytes: 34 three-byte characters are 102 bytes.
    expect((await send('POST', '/small', '汉'.repeat(34))).status).toBe(413);
    expect((await send('POST', '/small', 'y'.repeat(500), 5)).status).toBe(413);
    expect((await send('POST', '/big', 'z'.repeat(1_001))).status).toBe(413);
    expect((await send('POST', '/big', 'z'.repeat(1_000))).status).toBe(200);
  });
});
