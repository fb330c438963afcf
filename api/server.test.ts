import { createClient } from '@libsql/client';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, restoreDatabase } from '../db/backup/backup';
import { claimRestoreMark } from '../db/backup/server-lock';
import { openDatabase } from '../db/client';
import { freePort } from '../test/support/free-port';
import { migrationsRecorded, upgradeAsNewerVersion } from '../test/support/newer-version';
import { launchServer, type Launched } from '../test/support/server-process';
import { createFirstAdmin } from './services/people/first-start';

/**
 * How the server's start ends, as `npm run serve` runs it (the built bundle
 * under plain node): what it says when it cannot serve, and what it does to
 * a database with accounts of its own.
 */
let folder: string;
/** A database as a production install's first start leaves it: the administrator, no campaign; one file, nothing beside it. */
let withAccounts: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-server-'));
  const database = await openDatabase(`file:${join(folder, 'first-start.db')}`);
  await createFirstAdmin(database, 'a password long enough 1', new Date());
  // Folded into the file, so that a copy of it alone is the whole database.
  await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  await database.close();
  withAccounts = join(folder, 'accounts.db');
  copyFileSync(join(folder, 'first-start.db'), withAccounts);
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Waits for the start to end, and stops a server that came to serve after all (a test failing). */
async function ended(server: Launched): Promise<{ code: number | null; serving: string | null; lines: string[] }> {
  const serving = await server.serving;
  if (serving !== null) server.child.kill('SIGTERM');
  const code = await server.exited;
  return { code, serving, lines: server.output().trim().split('\n') };
}

describe('a start that cannot serve', () => {
  it('on an address that is not this machine\'s says so in one line, before it opens the database', async () => {
    const database = join(folder, 'never-opened.db');
    const { code, serving, lines } = await ended(launchServer({ NODE_ENV: 'production', HOST: '8.8.8.8', DATABASE_URL: `file:${database}` }));
    expect(serving).toBeNull();
    expect(code).toBe(1);
    expect(lines).toEqual([
      'Battlemap 无法提供服务：8.8.8.8 不是本机的地址：请把 HOST 设为本机的地址之一（0.0.0.0 表示全部地址） / Battlemap cannot serve: 8.8.8.8 is not an address of this machine: set HOST to one of its addresses (0.0.0.0 for all of them).',
    ]);
    // Neither created nor migrated, nor swept.
    expect(existsSync(database)).toBe(false);
  }, 60_000);

  it('with a libSQL server no one answers at, names DATABASE_URL and the refusal in one line', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const { code, serving, lines } = await ended(launchServer({ NODE_ENV: 'production', DATABASE_URL: url }));
    expect(serving).toBeNull();
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^Battlemap 无法打开数据库（DATABASE_URL=${url}）：.*connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+ / Battlemap cannot open the database at DATABASE_URL=${url}: .*connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\.$`)),
    ]);
  }, 60_000);

  it('with a DATABASE_URL that is no URL, names the variable and why in one line', async () => {
    const { code, serving, lines } = await ended(launchServer({ NODE_ENV: 'production', DATABASE_URL: 'garbage' }));
    expect(serving).toBeNull();
    expect(code).toBe(1);
    expect(lines).toEqual([
      "Battlemap 无法打开数据库（DATABASE_URL=garbage）：URL_INVALID: The URL 'garbage' is not in a valid format / Battlemap cannot open the database at DATABASE_URL=garbage: URL_INVALID: The URL 'garbage' is not in a valid format.",
    ]);
  }, 60_000);

  it('on a database file it may not write, refuses in one line naming the file and why, rather than serving sign-ins that fail', async () => {
    const readOnly = join(folder, 'read-only');
    mkdirSync(readOnly);
    const database = join(readOnly, 'battlemap.db');
    copyFileSync(withAccounts, database);
    chmodSync(database, 0o444);
    // Root writes any file whatever its mode: a test run as root starts the server without that override, as a service
    // runs under a user of its own. The folder stays writable, so SQLite may make the -wal and -shm it reads a WAL
    // database with: only the file is read-only.
    const { code, serving, lines } = await ended(launchServer({ NODE_ENV: 'production', DATABASE_URL: `file:${database}` }, { asFileModesHold: true }));
    expect(serving).toBeNull();
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^Battlemap 无法写入数据库 ${database}（DATABASE_URL）：SQLITE_READONLY: .*；请检查运行 Battlemap 的用户能否写入该文件及其所在文件夹 / Battlemap cannot write to the database ${database} \\(DATABASE_URL\\): SQLITE_READONLY: .*`),
      ),
    ]);
  }, 60_000);
});

describe('a start on a database a newer version of Battlemap upgraded', () => {
  it('refuses in one line naming the file and what to do, and changes nothing in it, rather than serving a schema it does not know', async () => {
    const database = join(folder, 'upgraded.db');
    copyFileSync(withAccounts, database);
    const before = await upgradeAsNewerVersion(database);
    const { code, serving, lines } = await ended(launchServer({ NODE_ENV: 'production', DATABASE_URL: `file:${database}` }));
    expect(serving).toBeNull();
    expect(code).toBe(1);
    expect(lines).toEqual([
      `Battlemap 无法启动：数据库 ${database} 已被更新版本的 Battlemap 升级（有 1 个此版本没有的迁移），未作任何改动。请运行那个更新的版本，或恢复升级之前做的备份 / ` +
        `Battlemap cannot start: The database ${database} was upgraded by a newer version of Battlemap (1 migration this version does not have) and was left as it was. Run that newer version, or restore a backup made before the upgrade.`,
    ]);
    expect(await migrationsRecorded(database)).toEqual(before);
    // Claimed before the database was opened, and taken away on the way out: a restore is not refused for a server that never served.
    expect(readdirSync(`${database}.servers`)).toEqual([]);
  }, 60_000);
});

describe("a start on another program's SQLite database", () => {
  it('refuses in one line naming the file and why, and writes nothing to it, rather than migrating it and seeding the demo beside its tables', async () => {
    const database = join(folder, 'so.db');
    const client = createClient({ url: `file:${database}` });
    await client.execute('create table t (x)');
    await client.execute("insert into t values ('theirs')");
    client.close();
    const before = readFileSync(database);
    const { code, serving, lines } = await ended(launchServer({ NODE_ENV: 'development', DATABASE_URL: `file:${database}` }));
    expect(serving).toBeNull();
    expect(code).toBe(1);
    expect(lines).toEqual([
      `Battlemap 无法启动：数据库 ${database} 不是 Battlemap 数据库：它有其他程序的表（t），没有 Battlemap 的表，未作任何改动。请把 DATABASE_URL 指向 Battlemap 的数据库，或指向一个新文件 / ` +
        `Battlemap cannot start: The database ${database} is not a Battlemap database: it holds another program's table (t) and none of Battlemap's, and was left as it was. Point DATABASE_URL at a Battlemap database, or at a new file.`,
    ]);
    expect(readFileSync(database).equals(before)).toBe(true);
    expect(existsSync(`${database}-wal`)).toBe(false);
  }, 60_000);
});

describe('a start while a restore is under way into its database', () => {
  it('refuses in one line naming the restore, and leaves no mark of its own: the restore would move the file it opened aside', async () => {
    const database = join(folder, 'being-restored.db');
    copyFileSync(withAccounts, database);
    // This test's process as the restore.
    const restore = claimRestoreMark(database);
    try {
      const { code, serving, lines } = await ended(launchServer({ NODE_ENV: 'development', DATABASE_URL: `file:${database}` }));
      expect(serving).toBeNull();
      expect(code).toBe(1);
      expect(lines).toEqual([
        `Battlemap 无法启动：正在把备份恢复到 ${database}（进程 ${process.pid}）。请等恢复结束后再启动 Battlemap / Battlemap cannot start: a restore into ${database} is under way (pid ${process.pid}). Start Battlemap once it has ended.`,
      ]);
      expect(readdirSync(`${database}.servers`)).toEqual([expect.stringMatching(/^restore-/)]);
    } finally {
      restore.release();
    }
  }, 60_000);
});

describe('a start on a database with accounts of its own and no campaign, without NODE_ENV=production', () => {
  it('serves it as it is, saying why the demo is not seeded, rather than failing on the demo\'s inserts', async () => {
    const database = join(folder, 'accounts-not-production.db');
    copyFileSync(withAccounts, database);
    const server = launchServer({ NODE_ENV: 'development', DATABASE_URL: `file:${database}`, SEND_WEBHOOKS: 'false' });
    try {
      const url = await server.serving;
      expect(url, server.output()).not.toBeNull();
      // The lines after the serving one come in writes of their own, which a loaded machine may deliver later.
      await expect.poll(() => server.output()).toContain('Press Ctrl-C to stop.');
      // Each line the start says, Chinese then English, as its refusals: they were English only.
      expect(server.output().trim().split('\n')).toEqual([
        '未生成演示专项行动：数据库中已有自己的账号 / The demo campaign is not seeded: the database has accounts of its own.',
        `Battlemap 正在 ${url} 提供服务（数据库 file:${database}） / Battlemap is serving at ${url}  (database file:${database})`,
        'Webhook 投递已暂停（SEND_WEBHOOKS=false）：只排队，不发送 / Webhook deliveries are held (SEND_WEBHOOKS=false): queued, not sent.',
        '按 Ctrl-C 停止 / Press Ctrl-C to stop.',
      ]);
      expect(server.output()).not.toMatch(/Failed query|insert into/i);
      expect(server.output()).not.toMatch(/Demo logins/);
      const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'a password long enough 1' }) });
      expect(login.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(server.output().trim().split('\n').at(-1)).toBe('SIGTERM：正在停止，先答完处理中的请求 / SIGTERM: stopping; finishing requests in flight.');
  }, 60_000);
});

describe('a start on a database file', () => {
  it('marks it as served before it opens it, so that a restore is refused while the server is still starting, and takes the mark away when it stops', async () => {
    const database = join(folder, 'starting', 'battlemap.db');
    const marks = `${database}.servers`;
    mkdirSync(join(folder, 'starting'));
    copyFileSync(withAccounts, database);
    // Another connection's write lock holds the start at its first write (the migrations, the first start's seeding) for as long as the test keeps it.
    const holder = createClient({ url: `file:${database}` });
    const lock = await holder.transaction('write');
    const server = launchServer({ NODE_ENV: 'production', DATABASE_URL: `file:${database}` });
    try {
      // The mark comes before the server opens the file, so before its 10 s wait for the lock begins: waiting for the
      // mark as long as a loaded machine takes to start Node (8 s was not always enough in CI) costs the test nothing.
      for (let waited = 0; waited < 45_000 && !existsSync(join(marks, String(server.child.pid))); waited += 50) await sleep(50);
      const refused = await restoreDatabase(withAccounts, `file:${database}`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(server.output()).not.toContain('serving at');
      expect(refused, server.output()).toBeInstanceOf(BackupError);
      expect((refused as BackupError).message).toContain(`Battlemap is running on ${database} (pid ${server.child.pid}). Stop it first, then restore.`);
      lock.close();
      expect(await server.serving, server.output()).not.toBeNull();
    } finally {
      lock.close();
      holder.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
    // Stopped by its own handler, which takes the mark away: a signal that killed it outright would leave the mark.
    expect({ code: server.child.exitCode, signal: server.child.signalCode }, server.output()).toEqual({ code: 0, signal: null });
    expect(readdirSync(marks)).toEqual([]);
  }, 60_000);
});
