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
    // Said in Chinese, then English, as the start's refusals are: they were English only.
    expect(server.output()).toMatch(/^已生成演示专项行动，用时 \d+ 毫秒 \/ Seeded the demo campaign in \d+ ms\.$/m);
    // Printed after the address, which is all the start waits for.
    await expect.poll(() => server?.output()).toContain('演示账号（密码“battlemap”）：admin、office、viewer，以及每个单位的 <单位>.lead 和 <单位>.officer / Demo logins (password "battlemap")');
    await expect.poll(() => server?.output()).toMatch(/^ {2}单位 \/ units: xingzhen, wangan, /m);

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
