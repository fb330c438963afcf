import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remoteSession, startServerProcess, type ServerProcess } from '../support/server-process';

/**
 * The server as `npm start` runs it on a fresh clone: the bundle in
 * dist/server under plain node, on an empty database. What it reads from
 * the project's folders (the migrations, the demo's county map, the web
 * app) must be found from the bundle's folder, not from the sources'.
 */
const folder = mkdtempSync(join(tmpdir(), 'battlemap-built-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the built server on an empty database', () => {
  it('migrates it, seeds the demo with its county map, and serves the web app', async () => {
    server = await startServerProcess(`file:${join(folder, 'battlemap.db')}`);
    expect(server.output()).toContain('Seeded the demo campaign');

    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"');

    const office = await remoteSession(server.url, 'office');
    const map = await office.get('/api/campaigns/1/map');
    expect(map.status).toBe(200);
    const counties = ((await map.json()) as { features: { properties: { name: string } }[] }).features.map((f) => f.properties.name);
    expect(counties).toContain('汉台区');
    const board = (await (await office.get('/api/campaigns/1/board')).json()) as { columns: { count: number }[] };
    expect(board.columns.reduce((sum, column) => sum + column.count, 0)).toBeGreaterThan(0);
  }, 90_000);
});
