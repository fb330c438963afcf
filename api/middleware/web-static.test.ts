import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import type { AppEnv } from '../context';
import { serveWebApp } from './web-static';

const root = mkdtempSync(join(tmpdir(), 'battlemap-web-'));
const script = 'export const answer = 42;\n'.repeat(100);
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(root, 'assets/app-abc123.js'), script);
writeFileSync(join(root, 'assets/app-abc123.js.br'), brotliCompressSync(script));
writeFileSync(join(root, 'assets/app-abc123.js.gz'), gzipSync(script));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const app = new Hono<AppEnv>();
serveWebApp(app, root);

describe('the built web app', () => {
  test('a hashed file goes as the compressed copy the browser takes, cached for good', async () => {
    const br = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const gzip = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(script);

    const plain = await app.request('/assets/app-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  test('every other path answers index.html, checked again on every load; a built file that is not there is a 404, never the page', async () => {
    for (const path of ['/assets/app-gone.js', '/assets/style-gone.css']) {
      const gone = await app.request(path);
      expect([path, gone.status, gone.headers.get('content-type')?.startsWith('text/html'), gone.headers.get('cache-control')]).toEqual([path, 404, false, null]);
    }
    for (const path of ['/', '/campaigns/1/board?kind=problem', '/login', '/assetsish', '/campaigns/1/assets']) {
      const page = await app.request(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });
});
