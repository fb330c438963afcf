import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/support/test-database';
import { writeRefusal } from './write-check';

let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase({ seed: false, writeWorker: false });
});
afterAll(() => database.drop());

describe('whether the database can be written', () => {
  it('it can: nothing to say, and nothing written', async () => {
    const before = (await database.client.execute('select count(*) as n from __drizzle_migrations')).rows[0]?.n;
    expect(await writeRefusal(database.client)).toBeNull();
    expect((await database.client.execute('select count(*) as n from __drizzle_migrations')).rows[0]?.n).toBe(before);
    // Nothing left open: the connection takes the next write.
    await database.client.execute('create table after_the_check (x)');
  });

  it("it cannot: SQLite's refusal, on a connection that may only read", async () => {
    // A file's read-only mode is a matter of its owner, which root overrides (api/server.test.ts starts a server on one as
    // another user); query_only refuses a connection's writes whoever runs it, with the same SQLITE_READONLY.
    const reader = createClient({ url: database.url, concurrency: 1 });
    try {
      await reader.execute('PRAGMA query_only = 1');
      expect(await writeRefusal(reader)).toMatchObject({ code: 'SQLITE_READONLY' });
    } finally {
      reader.close();
    }
  });
});
