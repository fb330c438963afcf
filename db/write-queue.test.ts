import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../test/support/test-database';
import { diskFullReasonOf } from './disk-full';
import { reasonOf } from './error-cause';
import type { JobGroup } from './job-group';
import { inSavepoint } from './transaction';
import { WriteQueue } from './write-queue';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ seed: false });
  await database.client.execute('create table jobs (id integer primary key, name text not null unique)');
});
afterAll(() => database.drop());

const insert = (name: string) => sql`insert into jobs (name) values (${name})`;
const names = async () => (await database.client.execute('select name from jobs order by id')).rows.map((row) => String(row.name));

/** Runs each write from its own callback, the way separate HTTP requests reach the queue. */
function fromSeparateCallbacks(writes: readonly (() => Promise<unknown>)[]): Promise<PromiseSettledResult<unknown>[]> {
  return Promise.allSettled(writes.map((write) => new Promise<unknown>((resolve, reject) => setImmediate(() => write().then(resolve, reject)))));
}

describe('the write queue', () => {
  it('commits writes that arrive in the same turn of the event loop in one transaction, each answered after it is durable', async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    const transactions = vi.spyOn(database.db, 'transaction');
    const visibleWhenAnswered: boolean[] = [];
    const results = await fromSeparateCallbacks(
      ['a', 'b', 'c', 'd'].map((name) => async () => {
        await queue.run((tx) => tx.run(insert(name)));
        // Read on another pooled connection: only committed rows are visible there.
        visibleWhenAnswered.push((await names()).includes(name));
      }),
    );
    const transactionCount = transactions.mock.calls.length;
    transactions.mockRestore();
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(transactionCount).toBe(1);
    expect(visibleWhenAnswered).toEqual([true, true, true, true]);
    expect(await names()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rolls back only the write that failed when others share its transaction', async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    const results = await fromSeparateCallbacks([
      () => queue.run((tx) => tx.run(insert('kept'))),
      // Its first statement succeeds, its second breaks the unique name: neither may stay.
      () =>
        queue.run(async (tx) => {
          await tx.run(insert('half'));
          await tx.run(insert('kept'));
        }),
      () => queue.run((tx) => tx.run(insert('also kept'))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await names()).toEqual(['kept', 'also kept']);
  });

  it('keeps each write apart when several fail, some inside savepoints of their own', async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    const results = await fromSeparateCallbacks(
      ['one', 'two', 'three', 'four', 'five', 'six'].map((name, i) => () =>
        queue.run(async (tx) => {
          await tx.run(insert(name));
          // A write may set a savepoint of its own; what it keeps there goes with the write.
          if (i % 3 === 1) await tx.transaction((inner) => inner.run(insert(`${name} inner`)));
          if (i % 2 === 1) throw new Error(`${name} refused`);
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(await names()).toEqual(['one', 'three', 'five', 'five inner']);
  });

  it('runs a write queued alone in a transaction of its own', async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    await expect(queue.run((tx) => tx.run(insert('alone')))).resolves.toBeDefined();
    await expect(queue.run(async (tx) => {
      await tx.run(insert('rolled back'));
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await names()).toEqual(['alone']);
  });

  it('hands a group the inputs queued next to each other in one call, in order among the other writes, and answers each with its own result', async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    const calls: string[][] = [];
    // Writes its names with one statement, as moves are written together.
    const names3: JobGroup<string, string> = {
      async run(tx, inputs) {
        calls.push([...inputs]);
        await tx.run(sql`insert into jobs (name) select value from json_each(${JSON.stringify(inputs)}) order by key`);
        return inputs.map((name) => ({ ok: true, value: name.toUpperCase() }));
      },
    };
    const transactions = vi.spyOn(database.db, 'transaction');
    const results = await fromSeparateCallbacks([
      () => queue.run((tx) => tx.run(insert('a'))),
      () => queue.together(names3, 'x'),
      () => queue.together(names3, 'y'),
      () => queue.run((tx) => tx.run(insert('b'))),
      () => queue.together(names3, 'z'),
    ]);
    const transactionCount = transactions.mock.calls.length;
    transactions.mockRestore();
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual([expect.anything(), 'X', 'Y', expect.anything(), 'Z']);
    expect(calls).toEqual([['x', 'y'], ['z']]);
    expect(transactionCount).toBe(1);
    expect(await names()).toEqual(['a', 'x', 'y', 'b', 'z']);
  });

  it("fails only the input a group settles as failed, and undoes it through the group's own savepoint", async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    const oneByOne: JobGroup<string, string> = {
      async run(tx, inputs) {
        const settled = [];
        for (const name of inputs) settled.push(await inSavepoint(tx, async () => {
          await tx.run(insert(name));
          if (name.startsWith('bad')) throw new Error(`${name} refused`);
          return name;
        }));
        return settled;
      },
    };
    const results = await fromSeparateCallbacks(['good 1', 'bad 1', 'good 2'].map((name) => () => queue.together(oneByOne, name)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await names()).toEqual(['good 1', 'good 2']);
  });

  it('fails every input of a group that throws, undoes what it wrote, and keeps the other writes of the transaction', async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    const broken: JobGroup<string, string> = {
      async run(tx, inputs) {
        for (const name of inputs) await tx.run(insert(name));
        throw new Error('the group broke');
      },
    };
    const results = await fromSeparateCallbacks([
      () => queue.run((tx) => tx.run(insert('before'))),
      () => queue.together(broken, 'p'),
      () => queue.together(broken, 'q'),
      () => queue.run((tx) => tx.run(insert('after'))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(await names()).toEqual(['before', 'after']);
  });

  it('waits for as many jobs as the last transaction held, and starts as soon as they are queued', async () => {
    await database.client.execute('delete from jobs');
    // Never gives up waiting within the test: what starts the transaction is the jobs arriving.
    const queue = new WriteQueue(database.db, { gatherMs: 60_000 });
    const transactionOf = new Map<string, unknown>();
    const write = (name: string) => queue.run(async (tx) => {
      transactionOf.set(name, tx);
      await tx.run(insert(name));
    });
    await fromSeparateCallbacks(['a', 'b', 'c'].map((name) => () => write(name)));
    let firstDone = false;
    const first = write('d').then(() => (firstDone = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(firstDone).toBe(false);
    expect(await names()).toEqual(['a', 'b', 'c']);
    await Promise.all([first, ...(await fromSeparateCallbacks(['e', 'f'].map((name) => () => write(name))))]);
    expect(await names()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(transactionOf.get('d')).toBe(transactionOf.get('f'));
    expect(transactionOf.get('a')).not.toBe(transactionOf.get('d'));
  });

  it('never makes a lone writer wait, and gives up waiting for others after gatherMs', async () => {
    await database.client.execute('delete from jobs');
    // A lone write on a fresh queue would time the test out if it waited a minute.
    const patient = new WriteQueue(database.db, { gatherMs: 60_000 });
    for (const name of ['one', 'two', 'three']) await patient.run((tx) => tx.run(insert(name)));
    const brief = new WriteQueue(database.db, { gatherMs: 20 });
    await fromSeparateCallbacks(['x', 'y'].map((name) => () => brief.run((tx) => tx.run(insert(name)))));
    // The last transaction held two: this one waits 20 ms for a second job that never comes, then commits alone.
    await brief.run((tx) => tx.run(insert('z')));
    expect(await names()).toEqual(['one', 'two', 'three', 'x', 'y', 'z']);
  });

  it("runs a group's job queued alone in a transaction, answered after it commits", async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    const single: JobGroup<string, boolean> = {
      async run(tx, inputs) {
        for (const name of inputs) await tx.run(insert(name));
        return inputs.map(() => ({ ok: true, value: true }));
      },
    };
    await expect(queue.together(single, 'alone in a group')).resolves.toBe(true);
    expect(await names()).toEqual(['alone in a group']);
  });

  it('counts each transaction that held a write other than a group job, before answering its callers; a group alone leaves the count', async () => {
    await database.client.execute('delete from jobs');
    const queue = new WriteQueue(database.db);
    const group: JobGroup<string, string> = {
      async run(tx, inputs) {
        for (const name of inputs) await tx.run(insert(name));
        return inputs.map((name) => ({ ok: true, value: name }));
      },
    };
    const seenByCaller: number[] = [];
    await queue.together(group, 'a move');
    expect(queue.writesEnded).toBe(0);
    await queue.run((tx) => tx.run(insert('a sign-out'))).then(() => seenByCaller.push(queue.writesEnded));
    await fromSeparateCallbacks([() => queue.together(group, 'with'), () => queue.run((tx) => tx.run(insert('a note'))).then(() => seenByCaller.push(queue.writesEnded))]);
    await expect(queue.run((tx) => tx.run(insert('a note')))).rejects.toThrow();
    // The one that failed changed nothing, but counting it costs a session read at most.
    expect(seenByCaller).toEqual([1, 2]);
    expect(queue.writesEnded).toBe(3);
  });
});

describe('a write that finds the disk full', () => {
  it('fails with SQLITE_FULL, alone or beside others; the queue says so until a write succeeds, and then writes on', async () => {
    // A connection of its own: the page limit that stands in for the full disk holds for the connection that sets it.
    const client = createClient({ url: database.url });
    const changes: (string | null)[] = [];
    const queue = new WriteQueue(drizzle(client), { diskFullChanged: (reason) => changes.push(reason) });
    try {
      await client.execute('create table ballast (b blob not null)');
      const pages = Number((await client.execute('pragma page_count')).rows[0]?.[0]);
      await client.execute(`pragma max_page_count = ${pages + 32}`);
      const ballast = () => queue.run((tx) => tx.run(sql`insert into ballast values (zeroblob(3000))`));
      // Alone in its transaction: SQLite rolls the whole of it back, and the ROLLBACK after it said `TRANSACTION_CLOSED`.
      let alone: unknown = null;
      while (alone === null) alone = await ballast().then(() => null, (error: unknown) => error);
      expect(reasonOf(alone)).toBe('SQLITE_FULL: database or disk is full');
      expect(queue.diskFull).toBe('SQLITE_FULL: database or disk is full');
      // Beside others, in savepoints of one transaction: each fails for the full disk, not for the savepoint SQLite dropped.
      const together = await fromSeparateCallbacks([ballast, ballast, ballast]);
      expect(together.map((r) => (r.status === 'rejected' ? diskFullReasonOf(r.reason) : 'stored'))).toEqual(Array(3).fill('SQLITE_FULL: database or disk is full'));
      expect(changes).toEqual(['SQLITE_FULL: database or disk is full']);

      await client.execute('delete from ballast');
      await ballast();
      expect(queue.diskFull).toBeNull();
      expect(changes).toEqual(['SQLITE_FULL: database or disk is full', null]);
      expect(Number((await client.execute('select count(*) from ballast')).rows[0]?.[0])).toBe(1);
    } finally {
      await queue.settled();
      client.close();
    }
  });
});
