import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchServer } from '../../../test/support/server-process';

/** Production's first start, as `NODE_ENV=production npm run serve` does it, on an empty database. */
const folder = mkdtempSync(join(tmpdir(), 'battlemap-first-start-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The built server on a database file of this test's folder, in production. */
const start = (databaseFile: string, env: Record<string, string>) => launchServer({ NODE_ENV: 'production', DATABASE_URL: `file:${join(folder, databaseFile)}`, ...env });

describe('production first start', () => {
  it('seeds no demo, creates the administrator with BATTLEMAP_ADMIN_PASSWORD, who can sign in', async () => {
    const server = start('prod.db', { BATTLEMAP_ADMIN_PASSWORD: 'first-admin-password' });
    try {
      const url = await server.serving;
      expect(url, server.output()).not.toBeNull();
      const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'first-admin-password' }) });
      expect(login.status).toBe(200);
      expect(await login.json()).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: false });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(await (await fetch(`${url}/api/campaigns`, { headers: { cookie } })).json()).toEqual([]);
      const accounts = (await (await fetch(`${url}/api/admin/users`, { headers: { cookie } })).json()) as { username: string }[];
      expect(accounts.map((a) => a.username)).toEqual(['admin']);
      const demo = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office', password: 'battlemap' }) });
      expect(demo.status).toBe(401);
      expect(server.output()).not.toMatch(/Demo logins/);
      expect(server.output()).toContain(
        '首次启动：已创建专项办和管理员“admin”。请以 admin 登录，添加单位和人员（其中要有专项办的账号）；再由专项办创建专项行动 / First start: created the campaign office and the administrator "admin".',
      );
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    // Started again with the variable still set: it is not read, and the operator is told to remove it.
    const again = start('prod.db', { BATTLEMAP_ADMIN_PASSWORD: 'first-admin-password' });
    try {
      expect(await again.serving, again.output()).not.toBeNull();
      expect(again.output()).toContain(
        '设置了 BATTLEMAP_ADMIN_PASSWORD，但账号已存在，因此没有读取它：请把它从环境变量中删除 / BATTLEMAP_ADMIN_PASSWORD is set but the accounts exist, so it was not read: remove it from the environment.',
      );
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 90_000);

  it('on a port already taken, stops with exit code 1 and says so in a line, without a stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
    const { port } = taken.address() as AddressInfo;
    try {
      const server = start('taken.db', { BATTLEMAP_ADMIN_PASSWORD: 'first-admin-password', PORT: String(port) });
      expect(await server.exited).toBe(1);
      // That line alone: no stack trace, and no background job's complaint about a database closed under it.
      expect(server.output().trim().split('\n')).toEqual([
        `Battlemap 无法提供服务：127.0.0.1 上的端口 ${port} 已被占用（另一个 Battlemap，或其他程序）：请停止它，或把 PORT 设为空闲的端口 / ` +
          `Battlemap cannot serve: port ${port} on 127.0.0.1 is already in use (another Battlemap, or another program): stop it, or set PORT to a free port.`,
      ]);
      // Stopped before it opened the database: neither created, migrated nor swept.
      expect(existsSync(join(folder, 'taken.db'))).toBe(false);
    } finally {
      taken.close();
    }
  }, 90_000);

  it('with no password and no terminal, stops with exit code 1 and says what to set; first, that DATABASE_PATH is no setting of its own', async () => {
    const server = start('empty.db', { DATABASE_PATH: join(folder, 'meant.db') });
    expect(await server.exited).toBe(1);
    expect(server.output().trim().split('\n')).toEqual([
      'DATABASE_PATH 不是 Battlemap 的设置，已忽略：请改用 DATABASE_URL（如 DATABASE_URL=file:./data/battlemap.db） / DATABASE_PATH is no Battlemap setting and is ignored: use DATABASE_URL (such as DATABASE_URL=file:./data/battlemap.db)',
      '首次启动：数据库中还没有账号。请把 BATTLEMAP_ADMIN_PASSWORD 设为管理员“admin”的密码，或在终端中启动一次 Battlemap，按提示设置密码 / ' +
        'First start: the database has no accounts yet. Set BATTLEMAP_ADMIN_PASSWORD to the password of the administrator "admin", or start Battlemap once from a terminal to be asked for it.',
    ]);
  }, 90_000);

  it('with a password the policy refuses, stops with exit code 1 and says why in both languages', async () => {
    const server = start('short.db', { BATTLEMAP_ADMIN_PASSWORD: 'short' });
    expect(await server.exited).toBe(1);
    expect(server.output().trim().split('\n')).toEqual([expect.stringMatching(/^BATTLEMAP_ADMIN_PASSWORD 被拒绝：.*至少.* \/ BATTLEMAP_ADMIN_PASSWORD is refused: .*at least/i)]);
  }, 90_000);
});
