import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/support/test-database';
import { inSavepoint, inTransaction } from './transaction';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ seed: false });
  await database.client.execute('create table marks (name text primary key)');
});
beforeEach(() => database.client.execute('delete from marks'));
afterAll(() => database.drop());

const mark = (name: string) => sql`insert into marks (name) values (${name})`;
const marks = async () => (await database.client.execute('select name from marks order by name')).rows.map((row) => String(row.name));
/** What SQLite does to a transaction on a full disk: it rolls the whole of it back itself, savepoints and all. */
const rolledBackBySqlite = sql.raw('rollback');

describe('a savepoint', () => {
  it('undoes only the work that failed, and says how it failed; the rest of the transaction commits', async () => {
    const failure = new Error('the second mark is refused');
    const settled = await inTransaction(database.db, async (tx) => {
      const first = await inSavepoint(tx, () => tx.run(mark('first')));
      const second = await inSavepoint(tx, async () => {
        await tx.run(mark('second'));
        throw failure;
      });
      const third = await inSavepoint(tx, async () => {
        await tx.run(mark('third'));
        return 'kept';
      });
      return [first.ok, second, third];
    });
    expect(settled).toEqual([true, { ok: false, error: failure }, { ok: true, value: 'kept' }]);
    expect(await marks()).toEqual(['first', 'third']);
  });

  it("fails the transaction with the work's own error when the savepoint is gone, not with the rollback's", async () => {
    const failure = new Error('database or disk is full');
    const outcome = inTransaction(database.db, async (tx) => {
      await tx.run(mark('before'));
      await inSavepoint(tx, async () => {
        await tx.run(rolledBackBySqlite);
        throw failure;
      });
    });
    await expect(outcome).rejects.toBe(failure);
    expect(await marks()).toEqual([]);
  });
});

describe('a transaction', () => {
  it('commits what its work wrote, and answers with what the work returned', async () => {
    expect(await inTransaction(database.db, async (tx) => (await tx.run(mark('stored')), 7))).toBe(7);
    expect(await marks()).toEqual(['stored']);
  });

  it("fails with the work's own error, even when SQLite has already rolled it back and the ROLLBACK after it fails", async () => {
    const failure = new Error('database or disk is full');
    const outcome = inTransaction(database.db, async (tx) => {
      await tx.run(mark('lost'));
      await tx.run(rolledBackBySqlite);
      throw failure;
    });
    await expect(outcome).rejects.toBe(failure);
    expect(await marks()).toEqual([]);
  });
});
