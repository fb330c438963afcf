import { LibsqlError } from '@libsql/client';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/support/test-database';
import { openDatabase } from './client';
import { libsqlErrorIn, reasonOf } from './error-cause';

let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase({ seed: false });
});
afterAll(() => database.drop());

/** What a promise was rejected with. */
const rejection = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('it succeeded'), (error: unknown) => error);

describe('why a database error happened', () => {
  it("is drizzle's cause, not its `Failed query:` wrapper that names only the query", async () => {
    await database.client.execute('create table gone (x)');
    await database.client.execute('drop table gone');
    const error = await rejection(database.db.run('select x from gone'));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Failed query: select x from gone/);
    expect(reasonOf(error)).toBe('SQLITE_ERROR: no such table: gone');
    expect(libsqlErrorIn(error)?.code).toBe('SQLITE_ERROR');
  });

  it("of a libSQL server no one answers at, says the connection's refusal", async () => {
    // A port that was free a moment ago, and is closed again.
    const probe = createServer();
    await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening));
    const { port } = probe.address() as AddressInfo;
    await new Promise((closed) => probe.close(closed));
    const error = await rejection(openDatabase(`http://127.0.0.1:${port}`));
    expect(reasonOf(error)).toMatch(new RegExp(`connect ECONNREFUSED 127\\.0\\.0\\.1:${port}$`));
    expect(reasonOf(error)).not.toMatch(/Failed query/);
  });

  it('is the error itself when it has no cause; a chain the database had no part in holds no driver error', async () => {
    const error = await rejection(openDatabase('garbage'));
    expect(error).toBeInstanceOf(LibsqlError);
    expect(reasonOf(error)).toBe("URL_INVALID: The URL 'garbage' is not in a valid format");
    expect(libsqlErrorIn(new Error('not the database', { cause: new TypeError('nor this') }))).toBeUndefined();
  });
});
