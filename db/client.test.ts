import { sql } from 'drizzle-orm';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsRecorded, upgradeAsNewerVersion } from '../test/support/newer-version';
import { testDatabase } from '../test/support/test-database';
import { openDatabase } from './client';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ seed: false });
});
afterAll(() => database.drop());

// A temporary table exists only on the connection that created it: a way to tell connections apart from SQL.

/** Why a statement failed, with the driver's reason drizzle wraps as the cause. */
const failure = (running: Promise<unknown>) =>
  running.then(
    () => 'ran',
    (error: Error) => `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`,
  );

describe('the connections of a local database file', () => {
  it('runs every write transaction on one connection, whatever reads ran in between', async () => {
    await database.write((tx) => tx.run(sql`create temp table connection_mark (n integer)`));
    // Reads in flight together, the way requests' session lookups overlap: they once each took a pooled connection, and the next write whichever came back last.
    const reads = Array.from({ length: 10 }, () => database.db.all(sql`select count(*) as n from sqlite_schema`));
    const seen = await Promise.all(
      Array.from({ length: 5 }, async () => {
        await Promise.all(reads);
        return database.write(async (tx) => (await tx.all<{ n: number }>(sql`select count(*) as n from temp.connection_mark`)).length);
      }),
    );
    expect(seen).toEqual([1, 1, 1, 1, 1]);
    // The writer's temporary table is not on the reads' connection.
    expect(await failure(database.client.execute('select count(*) from temp.connection_mark'))).toMatch(/no such table: temp.connection_mark/);
  });

  it('runs reads in flight together on one connection, apart from the writer, and sees what the writer committed', async () => {
    await database.client.execute('create temp table read_mark (n integer)');
    const overlapping = await Promise.all(Array.from({ length: 10 }, () => database.client.execute('select count(*) as n from temp.read_mark')));
    expect(overlapping.map((answer) => answer.rows[0]?.n)).toEqual(Array.from({ length: 10 }, () => 0));
    await database.write((tx) => tx.run(sql`create table if not exists committed_rows (n integer)`));
    await database.write((tx) => tx.run(sql`insert into committed_rows values (1), (2)`));
    expect((await database.client.execute('select count(*) as n from committed_rows')).rows[0]?.n).toBe(2);
    expect(await failure(database.write((tx) => tx.all(sql`select count(*) from temp.read_mark`)))).toMatch(/no such table: temp.read_mark/);
  });
});

describe('a database file the server creates', () => {
  const modeOf = (path: string) => statSync(path).mode & 0o777;

  it('is readable and writable by its owner only, and so are its -wal and -shm: it holds password hashes and police data', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'battlemap-mode-'));
    try {
      const path = join(folder, 'data', 'battlemap.db');
      const created = await openDatabase(`file:${path}`);
      try {
        expect([modeOf(path), modeOf(`${path}-wal`), modeOf(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      } finally {
        await created.close();
      }
      // One that exists keeps the mode its operator gave it (a group that reads the backups, say).
      const shared = join(folder, 'shared.db');
      copyFileSync(path, shared);
      chmodSync(shared, 0o640);
      await (await openDatabase(`file:${shared}`)).close();
      expect(modeOf(shared)).toBe(0o640);
      // Through a symlink naming no file yet (DATABASE_URL on a link to another disk, say), the file it names is made so.
      const named = join(folder, 'elsewhere.db');
      const link = join(folder, 'link.db');
      symlinkSync(named, link);
      await (await openDatabase(`file:${link}`)).close();
      expect(modeOf(named)).toBe(0o600);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a database a newer version of Battlemap migrated', () => {
  it('is refused in one line naming the file and what to do, and its migrations are left as they were', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'battlemap-newer-'));
    try {
      const path = join(folder, 'battlemap.db');
      await (await openDatabase(`file:${path}`)).close();
      const before = await upgradeAsNewerVersion(path);
      const refusal = await openDatabase(`file:${path}`).then(
        () => 'opened',
        (error: Error) => error.message,
      );
      expect(refusal).toContain(`The database ${path} was upgraded by a newer version of Battlemap (1 migration this version does not have)`);
      expect(refusal).toContain('Run that newer version, or restore a backup made before the upgrade.');
      expect(refusal).not.toContain('\n');
      expect(await migrationsRecorded(path)).toEqual(before);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('closing a database with writes still queued', () => {
  it('commits them and answers their callers first, rather than failing them on a closed connection (a server stopping under load)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'battlemap-close-'));
    try {
      const path = join(folder, 'battlemap.db');
      const closing = await openDatabase(`file:${path}`);
      await closing.write((tx) => tx.run(sql`create table kept_rows (n integer)`));
      // Queued and closed in the same turn: the queue starts its transaction on a later one.
      const writes = [1, 2, 3].map((n) => failure(closing.write((tx) => tx.run(sql`insert into kept_rows values (${n})`))));
      await closing.close();
      expect(await Promise.all(writes)).toEqual(['ran', 'ran', 'ran']);
      const reopened = await openDatabase(`file:${path}`);
      expect((await reopened.client.execute('select count(*) as n from kept_rows')).rows[0]?.n).toBe(3);
      await reopened.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
