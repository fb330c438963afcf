import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from './client';
import { probeGroup, ProbeError, type ProbeInput } from './fixtures/probe-group';

const probeWorker = new URL('./fixtures/probe-worker.ts', import.meta.url);
const folder = mkdtempSync(join(tmpdir(), 'battlemap-write-worker-'));
let database: Database;

beforeAll(async () => {
  database = await openDatabase(`file:${join(folder, 'worker.db')}`, { writeWorker: probeWorker });
  await database.write((tx) => tx.run(sql`create table probes (id integer primary key, note text not null)`));
});
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

const notes = async () => (await database.client.execute('select note from probes order by id')).rows.map((row) => String(row.note));

/** Queues each job from its own callback, the way separate HTTP requests reach the queue. */
function fromSeparateCallbacks<T>(jobs: readonly (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(jobs.map((job) => new Promise<T>((resolve, reject) => setImmediate(() => job().then(resolve, reject)))));
}

const probe = (input: ProbeInput) => () => database.together(probeGroup, input);

describe('the write worker', () => {
  it('commits a group queued together in one transaction on its own thread, each job answered once its row is visible to readers', async () => {
    await database.write((tx) => tx.run(sql`delete from probes`));
    const before = database.writeCounts();
    const visible: boolean[] = [];
    const results = await fromSeparateCallbacks(
      ['a', 'b', 'c'].map((note) => async () => {
        const stored = await probe({ note })();
        visible.push((await notes()).includes(note));
        return stored;
      }),
    );
    const after = database.writeCounts();
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const answers = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(answers.every((answer) => answer !== null && answer.threadId !== threadId)).toBe(true);
    expect(new Set(answers.map((answer) => answer?.threadId)).size).toBe(1);
    expect(after.transactions - before.transactions).toBe(1);
    expect(after.worker).toBe('working');
    expect(after.jobs - before.jobs).toBe(3);
    expect(visible).toEqual([true, true, true]);
    expect(await notes()).toEqual(['a', 'b', 'c']);
  });

  it("answers a job that fails with its own error, rebuilt with its class and fields, and stores the others'", async () => {
    await database.write((tx) => tx.run(sql`delete from probes`));
    const results = await fromSeparateCallbacks([probe({ note: 'kept' }), probe({ note: 'refused', fail: 'job' }), probe({ note: 'also kept' })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = results[1];
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ProbeError);
    expect(refused?.status === 'rejected' && (refused.reason as ProbeError).note).toBe('refused');
    expect(await notes()).toEqual(['kept', 'also kept']);
  });

  it('fails every job of a group that throws, and stores none of what it wrote', async () => {
    await database.write((tx) => tx.run(sql`delete from probes`));
    const results = await fromSeparateCallbacks([probe({ note: 'x' }), probe({ note: 'y', fail: 'group' })]);
    expect(results.map((r) => (r.status === 'rejected' ? String((r.reason as Error).message) : 'stored'))).toEqual(['the probe group failed', 'the probe group failed']);
    expect(await notes()).toEqual([]);
  });

  it('sends each job of a group alone when one cannot be copied to the thread: only that one fails, the others are stored', async () => {
    await database.write((tx) => tx.run(sql`delete from probes`));
    // Nested past the stack of the copy between threads (a request's payload once reached it so).
    let nested: unknown = [];
    for (let i = 0; i < 20_000; i += 1) nested = [nested];
    const results = await fromSeparateCallbacks([probe({ note: 'kept' }), probe({ note: 'unsendable', carried: nested }), probe({ note: 'also kept' })]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : 'stored'))).toEqual(['stored', 'JobsNotSent', 'stored']);
    expect(await notes()).toEqual(['kept', 'also kept']);
    // The worker goes on taking what is sent to it.
    expect(database.writeCounts().worker).toBe('working');
    expect((await fromSeparateCallbacks([probe({ note: 'after' })])).map((r) => r.status)).toEqual(['fulfilled']);
  });

  it('keeps the order of writes queued between the groups: each transaction sees the one before it', async () => {
    await database.write((tx) => tx.run(sql`delete from probes`));
    const seen: string[][] = [];
    const results = await fromSeparateCallbacks<unknown>([
      probe({ note: 'first' }),
      () =>
        database.write(async (tx) => {
          seen.push((await tx.all<{ note: string }>(sql`select note from probes order by id`)).map((row) => row.note));
          await tx.run(sql`insert into probes (note) values ('here')`);
        }),
      probe({ note: 'last' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(seen).toEqual([['first']]);
    expect(await notes()).toEqual(['first', 'here', 'last']);
  });
});

describe('a write worker that cannot start', () => {
  it('fails only the jobs it was given, logs why, and leaves later groups to the main thread', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = await openDatabase(`file:${join(folder, 'broken.db')}`, { writeWorker: new URL('./fixtures/no-such-worker.ts', import.meta.url) });
    try {
      await broken.write((tx) => tx.run(sql`create table probes (id integer primary key, note text not null)`));
      const first = await Promise.allSettled([broken.together(probeGroup, { note: 'sent to the worker' })]);
      // Whether the first job reached the worker before it failed depends on timing; the job after it never does.
      if (first[0]?.status === 'rejected') expect(String((first[0].reason as Error).message)).toMatch(/no-such-worker|write worker/);
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringContaining('The write worker failed')));
      expect(broken.writeCounts().worker).toBe('failed');
      const later = await broken.together(probeGroup, { note: 'on the main thread' });
      expect(later.threadId).toBe(threadId);
      const stored = (await broken.client.execute('select note from probes order by id')).rows.map((row) => String(row.note));
      expect(stored).toContain('on the main thread');
    } finally {
      logged.mockRestore();
      await broken.close();
    }
  });
});

describe('a write worker sent a group its script does not serve', () => {
  it('fails that job, ends, logs why, and the main thread commits what comes after', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const other = await openDatabase(`file:${join(folder, 'unknown-group.db')}`, { writeWorker: probeWorker });
    try {
      await other.write((tx) => tx.run(sql`create table probes (id integer primary key, note text not null)`));
      // The same group under a name the probe worker's script never registered.
      const unserved = { ...probeGroup, name: 'unserved' };
      await expect(other.together(unserved, { note: 'lost' })).rejects.toThrow();
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringContaining('no group named unserved')));
      expect(other.writeCounts().worker).toBe('failed');
      const later = await other.together(probeGroup, { note: 'on the main thread' });
      expect(later.threadId).toBe(threadId);
      const stored = (await other.client.execute('select note from probes order by id')).rows.map((row) => String(row.note));
      expect(stored).toEqual(['on the main thread']);
    } finally {
      logged.mockRestore();
      await other.close();
    }
  });
});
