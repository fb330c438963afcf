import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../context';
import { requestLog } from './request-log';
import { securityHeaders } from './security';

// A real Node server: the header is set on the response @hono/node-server writes, whichever kind the handler returned.
let server: ServerType;
let port: number;
const lines: string[] = [];

beforeAll(async () => {
  const app = new Hono<AppEnv>();
  app.use('*', requestLog((line) => lines.push(line)));
  app.use('*', securityHeaders);
  app.onError((error, c) => c.json({ title: error.message }, 422));
  app.get('/json', (c) => c.json({ ok: true, 名: '线索' }));
  app.get('/refused', () => {
    throw new Error('refused');
  });
  app.get('/raw', () => new Response('plain words', { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  app.get('/stream', (c) => c.body(new Blob(['a', 'b', 'c']).stream(), 200, { 'content-type': 'text/plain' }));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ready) => server.once('listening', () => ready()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, method: 'GET', path }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    r.on('error', reject);
    r.end();
  });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the request log', () => {
  it.each([
    ['/json', 200, '{"ok":true,"名":"线索"}'],
    ['/refused', 422, '{"title":"refused"}'],
    ['/raw', 200, 'plain words'],
    ['/stream', 200, 'abc'],
  ])('answers %s with its request id and security headers, and logs it under that id', async (path, status, body) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect(answer.body).toBe(body);
    const id = answer.headers['x-request-id'];
    expect(id).toMatch(uuid);
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const line = lines.map((l) => JSON.parse(l) as { requestId: string; path: string; status: number; method: string }).find((l) => l.requestId === id);
    expect(line).toMatchObject({ path, status, method: 'GET' });
  });

  it('gives each request its own id', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await get('/json')).headers['x-request-id']));
    expect(new Set(ids).size).toBe(3);
  });
});
