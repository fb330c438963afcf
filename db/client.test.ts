import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/support/test-database';

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
