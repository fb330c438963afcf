import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/support/test-database';
import { DiskFull, diskFullReasonOf, isDiskFull } from './disk-full';

let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase({ seed: false, writeWorker: false });
});
afterAll(() => database.drop());

/** What a promise was rejected with. */
const rejection = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('it succeeded'), (error: unknown) => error);

describe('a full disk, told from other failures', () => {
  it("is SQLite's SQLITE_FULL, under drizzle's `Failed query:` wrapper too", async () => {
    // A connection of its own: the page limit holds for the connection that sets it.
    const client = createClient({ url: database.url });
    try {
      await client.execute('create table ballast (b blob not null)');
      const pages = Number((await client.execute('pragma page_count')).rows[0]?.[0]);
      await client.execute(`pragma max_page_count = ${pages}`);
      const error = await rejection(drizzle(client).run('insert into ballast values (zeroblob(20000))'));
      expect((error as Error).message).toMatch(/^Failed query: insert into ballast/);
      expect(isDiskFull(error)).toBe(true);
      expect(diskFullReasonOf(error)).toBe('SQLITE_FULL: database or disk is full');
    } finally {
      client.close();
    }
  });

  it.runIf(existsSync('/dev/full'))("is the system's ENOSPC", () => {
    let error: unknown = null;
    try {
      writeFileSync('/dev/full', 'x');
    } catch (thrown) {
      error = thrown;
    }
    expect(isDiskFull(error)).toBe(true);
    expect(isDiskFull(new Error('saving the upload failed', { cause: error }))).toBe(true);
  });

  it("is the write worker's DiskFull, as its thread says it", () => {
    expect(isDiskFull(new DiskFull('SQLITE_FULL: database or disk is full'))).toBe(true);
    expect(diskFullReasonOf(new DiskFull('SQLITE_FULL: database or disk is full'))).toBe('SQLITE_FULL: database or disk is full');
  });

  it('is not any other error of the database, the system or the code', async () => {
    expect(isDiskFull(await rejection(drizzle(database.client).run('select x from no_such_table')))).toBe(false);
    expect(isDiskFull(Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT', syscall: 'open' }))).toBe(false);
    expect(isDiskFull(new Error('database or disk is full'))).toBe(false);
    expect(diskFullReasonOf(new TypeError('x is undefined'))).toBeNull();
  });
});
