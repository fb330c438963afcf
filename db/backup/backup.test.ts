import { createClient } from '@libsql/client';
import { closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../api/services/people/first-start';
import { upgradeAsNewerVersion } from '../../test/support/newer-version';
import { testDatabase, testNow } from '../../test/support/test-database';
import { appendAudit } from '../audit/append';
import { verifyAudit } from '../audit/verify';
import { openDatabase } from '../client';
import { BackupError, backupDatabase, restoreDatabase } from './backup';
import { claimRestoreMark, claimServerMark } from './server-lock';

let live: Awaited<ReturnType<typeof testDatabase>>;
/** Where the backups are put and restored to, apart from the live database. */
let folder: string;
/** A good backup of the demo. */
let backup: string;
/** The database a restore would replace. */
let current: string;

beforeAll(async () => {
  live = await testDatabase();
  folder = mkdtempSync(join(tmpdir(), 'battlemap-backup-'));
  backup = join(folder, 'good.db');
  await backupDatabase(live.url, backup);
  mkdirSync(join(folder, 'current'));
  current = join(folder, 'current', 'battlemap.db');
  await backupDatabase(live.url, current);
});
afterAll(async () => {
  await live.drop();
  rmSync(folder, { recursive: true, force: true });
});

const fileIn = (name: string, bytes: Uint8Array | string) => {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
};

/** Restores `file` over the current database, expects it refused, and that nothing was put in place or left behind: the refusal's message. */
async function refusal(file: string): Promise<string> {
  const before = readFileSync(current);
  const outcome = await restoreDatabase(file, `file:${current}`, testNow).then(
    (restored) => restored,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(BackupError);
  expect(readFileSync(current).equals(before)).toBe(true);
  expect(readdirSync(join(folder, 'current'))).toEqual(['battlemap.db']);
  const message = (outcome as BackupError).message;
  // One line, in both languages, naming the file.
  expect(message).not.toContain('\n');
  expect(message).toMatch(/[\u4e00-\u9fff].* \/ [A-Z]/);
  expect(message).toContain(file);
  return message;
}

describe('a restore', () => {
  it('refuses an empty file, a text file and a truncated backup, saying which file and why, and leaves the database as it was', async () => {
    expect(await refusal(fileIn('empty.db', ''))).toMatch(/empty.*not a SQLite database/);
    expect(await refusal(fileIn('notes.db', '这不是数据库 / not a database\n'.repeat(20)))).toMatch(/not a SQLite database/);
    expect(await refusal(fileIn('truncated.db', readFileSync(backup).subarray(0, 100_000)))).toMatch(/damaged/);
  });

  it('refuses a SQLite database that is not a Battlemap one, and restores one from a first start (no campaign yet)', async () => {
    const other = join(folder, 'other.db');
    const client = createClient({ url: `file:${other}` });
    await client.execute('create table foo (x)');
    client.close();
    expect(await refusal(other)).toMatch(/not a Battlemap database.*audit_log.*campaigns/);

    const firstStart = await openDatabase(`file:${join(folder, 'first-start', 'battlemap.db')}`);
    await createFirstAdmin(firstStart, 'a password long enough 1', testNow);
    await firstStart.close();
    const firstBackup = join(folder, 'first-start.db');
    await backupDatabase(`file:${join(folder, 'first-start', 'battlemap.db')}`, firstBackup);
    const restored = await restoreDatabase(firstBackup, `file:${join(folder, 'restored-first-start', 'battlemap.db')}`, testNow);
    expect(restored).toMatchObject({ verified: { ok: true, items: 0 }, replaced: null });
    // Whatever the backup's mode: the database holds password hashes and police data.
    expect(statSync(join(folder, 'restored-first-start', 'battlemap.db')).mode & 0o777).toBe(0o600);
  });

  it('refuses a backup a newer version of Battlemap wrote, rather than put in place a schema this version does not know', async () => {
    const newer = join(folder, 'newer.db');
    copyFileSync(backup, newer);
    await upgradeAsNewerVersion(newer);
    expect(await refusal(newer)).toMatch(/was written by a newer version of Battlemap \(1 migration this version does not have\); restore it with that version\. Nothing was restored\./);
  });

  it('refuses while a server serves the database, but not for the mark of one that is gone, whose pid another process now has (after a reboot, say)', async () => {
    const target = join(folder, 'served', 'battlemap.db');
    const marks = `${target}.servers`;
    // This process as the server: its mark names its pid.
    const mark = claimServerMark(target);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    try {
      const refused = await restoreDatabase(backup, `file:${target}`, testNow).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(BackupError);
      expect((refused as BackupError).message).toContain(`Battlemap is running on ${target} (pid ${process.pid}). Stop it first, then restore.`);
      // The server ended without taking its mark away, and its pid went to another process; a second mark names a pid no process has.
      await once(gone, 'exit');
      renameSync(join(marks, String(process.pid)), join(marks, String(other.pid)));
      copyFileSync(join(marks, String(other.pid)), join(marks, String(gone.pid)));
      const restored = await restoreDatabase(backup, `file:${target}`, testNow);
      expect(restored.verified.ok).toBe(true);
      // The stale marks swept, and the restore's own taken away with the folder it left empty.
      expect(existsSync(marks) ? readdirSync(marks) : []).toEqual([]);
    } finally {
      other.kill();
      mark.release();
    }
  });

  it('refuses while a server serves the database through a symlink, restoring onto the file it points to, and the other way round', async () => {
    const linked = join(folder, 'linked');
    mkdirSync(linked);
    const real = join(linked, 'a.db');
    copyFileSync(backup, real);
    symlinkSync('a.db', join(linked, 'alias.db'));
    // A folder reached through a symlink too: the server's DATABASE_URL names neither the folder nor the file as they are.
    symlinkSync(linked, join(folder, 'linked-folder'));
    const before = readFileSync(real);
    for (const [served, restored] of [
      [join(folder, 'linked-folder', 'alias.db'), real],
      [real, join(linked, 'alias.db')],
    ] as const) {
      const mark = claimServerMark(served);
      try {
        const refused = await restoreDatabase(backup, `file:${restored}`, testNow).then(
          () => null,
          (error: unknown) => error,
        );
        expect(refused, `served ${served}, restored ${restored}`).toBeInstanceOf(BackupError);
        expect((refused as BackupError).message).toContain(`(pid ${process.pid}). Stop it first, then restore.`);
      } finally {
        mark.release();
      }
    }
    expect(readFileSync(real).equals(before)).toBe(true);
    expect(readdirSync(linked).sort()).toEqual(['a.db', 'a.db.servers', 'alias.db']);
  });

  it('refuses a second restore into the database while one is under way, and the one under way puts a whole database in place', async () => {
    const target = join(folder, 'twice', 'battlemap.db');
    // Both started in the same turn: the second finds the first's mark (they shared one staging file, and one's rename left no database).
    const [first, second] = await Promise.allSettled([restoreDatabase(backup, `file:${target}`, testNow), restoreDatabase(backup, `file:${target}`, testNow)]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    const refused = (second as PromiseRejectedResult).reason as unknown;
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as BackupError).message).toContain(`Another restore into ${target} is under way (pid ${process.pid}). Wait for it to end, then restore.`);
    // Nothing beside it: no staging file, no mark.
    expect(readdirSync(join(folder, 'twice'))).toEqual(['battlemap.db']);
    const restored = await openDatabase(`file:${target}`);
    try {
      expect((await verifyAudit(restored.db)).ok).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('is found by a restore begun after it, whose process marked the file first, and a stale restore mark is swept', async () => {
    const target = join(folder, 'marked', 'battlemap.db');
    const mark = claimRestoreMark(target);
    try {
      const refused = await restoreDatabase(backup, `file:${target}`, testNow).then(
        () => null,
        (error: unknown) => error,
      );
      expect((refused as BackupError).message).toContain('Another restore into');
    } finally {
      mark.release();
    }
    // A mark left by a restore that died (its pid no process has) stops nothing.
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await once(gone, 'exit');
    mkdirSync(`${target}.servers`, { recursive: true });
    writeFileSync(join(`${target}.servers`, `restore-${gone.pid}-left`), 'then\n');
    expect((await restoreDatabase(backup, `file:${target}`, testNow)).verified.ok).toBe(true);
    expect(readdirSync(join(folder, 'marked'))).toEqual(['battlemap.db']);
  });

  it('from a database whose last transactions are still in its -wal (kept by a restore, copied after a crash) restores them too, and writes nothing to it', async () => {
    // A server killed with -9: its file and the WAL beside it, not checkpointed, as a restore keeps them (y.db.replaced-… with its -wal).
    const served = join(folder, 'killed', 'battlemap.db');
    mkdirSync(join(folder, 'killed'));
    copyFileSync(backup, served);
    const server = await openDatabase(`file:${served}`);
    const before = await verifyAudit(server.db);
    const note = (n: number) => ({ at: testNow.toISOString(), actorId: null, campaignId: null, subject: 'unit' as const, subjectId: 0, event: 'unit.note', fromState: null, toState: null, payload: { n }, version: 1 });
    for (let n = 0; n < 5; n += 1) await server.write((tx) => appendAudit(tx, note(n)));
    const kept = join(folder, 'killed.db.replaced-2026-06-15T02-00-00-000Z');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${served}${suffix}`, `${kept}${suffix}`);
    await server.close();
    expect(statSync(`${kept}-wal`).size).toBeGreaterThan(0);
    const keptFiles = new Map(['', '-wal', '-shm'].map((suffix) => [`${kept}${suffix}`, readFileSync(`${kept}${suffix}`)]));

    const target = join(folder, 'undone', 'battlemap.db');
    const restored = await restoreDatabase(kept, `file:${target}`, testNow);
    expect(before).toMatchObject({ ok: true });
    expect(restored.verified.entries).toBe((before.ok ? before.entries : 0) + 5);
    // Opened afresh, as the server opens it: one file, every entry in it.
    expect(readdirSync(join(folder, 'undone'))).toEqual(['battlemap.db']);
    const reopened = await openDatabase(`file:${target}`);
    try {
      expect(await verifyAudit(reopened.db)).toMatchObject({ ok: true, entries: restored.verified.entries });
    } finally {
      await reopened.close();
    }
    for (const [file, bytes] of keptFiles) expect(readFileSync(file).equals(bytes), file).toBe(true);
  });

  it('through symlinks: a backup named by a link is read with the -wal beside the file it names, and a DATABASE_URL through a link is restored into that file, the link kept', async () => {
    const served = join(folder, 'linked-source', 'battlemap.db');
    mkdirSync(join(folder, 'linked-source'));
    copyFileSync(backup, served);
    const server = await openDatabase(`file:${served}`);
    const before = await verifyAudit(server.db);
    const note = (n: number) => ({ at: testNow.toISOString(), actorId: null, campaignId: null, subject: 'unit' as const, subjectId: 0, event: 'unit.note', fromState: null, toState: null, payload: { n }, version: 1 });
    for (let n = 0; n < 3; n += 1) await server.write((tx) => appendAudit(tx, note(n)));
    const kept = join(folder, 'linked-source', 'kept.db');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${served}${suffix}`, `${kept}${suffix}`);
    await server.close();
    // The link's own name has no -wal beside it: SQLite keeps it beside the file the link names.
    const link = join(folder, 'kept-link.db');
    symlinkSync(kept, link);

    mkdirSync(join(folder, 'linked-target'));
    const real = join(folder, 'linked-target', 'real.db');
    copyFileSync(backup, real);
    const alias = join(folder, 'linked-target', 'alias.db');
    symlinkSync(real, alias);
    const restored = await restoreDatabase(link, `file:${alias}`, testNow);
    expect(restored.verified.entries).toBe((before.ok ? before.entries : 0) + 3);
    expect(restored.replaced).toBe(`${real}.replaced-2026-06-15T02-00-00-000Z`);
    expect(lstatSync(alias).isSymbolicLink()).toBe(true);
    const reopened = await openDatabase(`file:${real}`);
    try {
      expect(await verifyAudit(reopened.db)).toMatchObject({ ok: true, entries: restored.verified.entries });
    } finally {
      await reopened.close();
    }
  });

  it("refuses to replace another program's SQLite database (DATABASE_URL on the wrong file), leaving it as it was", async () => {
    mkdirSync(join(folder, 'theirs'));
    const theirs = join(folder, 'theirs', 'data.db');
    const client = createClient({ url: `file:${theirs}` });
    await client.execute('create table t (x)');
    client.close();
    const before = readFileSync(theirs);
    const refused = await restoreDatabase(backup, `file:${theirs}`, testNow).then(
      () => null,
      (error: unknown) => error,
    );
    expect((refused as BackupError).message).toContain(`${theirs} is not a Battlemap database (it holds another program's tables: t). Nothing was restored; check DATABASE_URL.`);
    expect(readFileSync(theirs).equals(before)).toBe(true);
    expect(readdirSync(join(folder, 'theirs'))).toEqual(['data.db']);
  });

  it('refuses a backup whose pages are damaged (PRAGMA integrity_check fails), though its audit log still reads and verifies', async () => {
    const damaged = join(folder, 'damaged.db');
    copyFileSync(backup, damaged);
    // Bytes overwritten in an index no query of the verification reads: the audit chain and every item still replay.
    const client = createClient({ url: `file:${damaged}` });
    const root = Number((await client.execute("select rootpage from sqlite_master where name = 'clues_title'")).rows[0]?.rootpage);
    const pageSize = Number((await client.execute('pragma page_size')).rows[0]?.page_size);
    client.close();
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(pageSize / 2, 0x41), 0, pageSize / 2, (root - 1) * pageSize + pageSize / 2);
    closeSync(fd);
    expect(await refusal(damaged)).toMatch(/damaged \(PRAGMA integrity_check: .+\)/);
  });

  it('refuses a backup whose clues were changed outside Battlemap, saying its log is intact and which clue differs from it', async () => {
    const changed = join(folder, 'changed.db');
    copyFileSync(backup, changed);
    const client = createClient({ url: `file:${changed}` });
    const ids = (await client.execute('select id from clues order by id limit 2')).rows.map((row) => Number(row.id));
    await client.execute({ sql: "update clues set title = '篡改' where id in (?, ?)", args: ids });
    const entries = Number((await client.execute('select count(*) as n from audit_log')).rows[0]?.n);
    client.close();
    const message = await refusal(changed);
    expect(message).toContain(`备份 ${changed} 的审计日志完整（${entries} 条），但有 2 项存储的事项或附件与之不符（线索 ${ids[0]} 与其审计日志不符：存储的标题与其审计记录的回放不符；另有 1 项）`);
    expect(message).toContain(`The backup ${changed} has an intact audit log (${entries} entries), but 2 stored items or files do not match it (clue ${ids[0]} does not match its log: stored title differs from the replay of its audit entries; and 1 more). Nothing was restored.`);
  });
});

describe('a backup', () => {
  it('is written readable and writable by its owner only, as the database it copies is', () => {
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  });


  it("of another program's SQLite database is refused, naming it and why, and writes nothing: restore would refuse the copy", async () => {
    const other = join(folder, 'their-program.db');
    const client = createClient({ url: `file:${other}` });
    await client.execute('create table t (x)');
    client.close();
    const target = join(folder, 'their-program-copy.db');
    const outcome = await backupDatabase(`file:${other}`, target).then(
      (written) => written,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(BackupError);
    expect((outcome as BackupError).message).toBe(
      `数据库 ${other} 不是 Battlemap 数据库（没有 audit_log、campaigns 表），未写入备份 / The database ${other} is not a Battlemap database (it has no audit_log, campaigns tables). No backup was written.`,
    );
    expect(existsSync(target)).toBe(false);
  });

  it('through a symlink naming no file yet is written readable by its owner only, and into a path through a file is refused saying so', async () => {
    const named = join(folder, 'link-target.db');
    const link = join(folder, 'dangling-link.db');
    symlinkSync(named, link);
    await backupDatabase(live.url, link);
    expect(statSync(named).mode & 0o777).toBe(0o600);
    const file = fileIn('not-a-folder.txt', 'text');
    const refused = await backupDatabase(live.url, join(file, 'b.db')).then(
      () => null,
      (error: unknown) => error,
    );
    expect((refused as BackupError).message).toContain(`${file} is a file, not a folder`);
  });

  it('into a folder that does not exist is refused, naming the folder, and writes nothing', async () => {
    const target = join(folder, 'no such folder', 'battlemap.db');
    const outcome = await backupDatabase(live.url, target).then(
      (written) => written,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(BackupError);
    expect((outcome as BackupError).message).toContain(join(folder, 'no such folder'));
    expect((outcome as BackupError).message).not.toContain('\n');
    expect(existsSync(join(folder, 'no such folder'))).toBe(false);
  });
});
