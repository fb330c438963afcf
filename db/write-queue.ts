import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

interface Job<T> {
  readonly work: (tx: Tx) => Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

// Each job's savepoint, set by hand: drizzle's nested transaction also builds a new database object with a
// query builder per table for each job, a few per cent of a move.
const savepoint = sql.raw('savepoint job');
const release = sql.raw('release savepoint job');
const rollback = sql.raw('rollback to savepoint job');

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Every write of this process goes through one queue.
 *
 * @libsql/client's native calls are synchronous, so two writers waiting on
 * each other's lock would freeze the event loop, and a BEGIN that fails with
 * SQLITE_BUSY breaks its pooled connection. Writing one at a time avoids both.
 *
 * Jobs that queue up in the same turn of the event loop, or while a
 * transaction runs, are committed together in one transaction (group
 * commit): each runs inside its own savepoint, so a job that fails rolls
 * back alone, and each caller is answered only after the commit that made
 * its work durable. If that commit fails, every job in it fails.
 */
export class WriteQueue {
  readonly #db: Db;
  readonly #maxBatch: number;
  #pending: Job<unknown>[] = [];
  #draining = false;

  constructor(db: Db, maxBatch = 128) {
    this.#db = db;
    this.#maxBatch = maxBatch;
  }

  readonly run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve, reject } as Job<unknown>);
      if (this.#draining) return;
      this.#draining = true;
      // Not now: the native driver answers synchronously, so a transaction
      // started here would run to its commit without yielding, and requests
      // already read from their sockets could never join it. Waiting one
      // turn of the event loop lets them queue and share the commit.
      setImmediate(() => void this.#drain());
    });

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0, this.#maxBatch);
        await this.#commit(batch);
      }
    } finally {
      this.#draining = false;
    }
  }

  async #commit(batch: Job<unknown>[]): Promise<void> {
    const only = batch.length === 1 ? batch[0] : undefined;
    if (only !== undefined) {
      // Alone in its transaction: a failure rolls back the transaction itself; no savepoint needed.
      try {
        only.resolve(await this.#db.transaction((tx) => only.work(tx)));
      } catch (error) {
        only.reject(error);
      }
      return;
    }
    const results: Settled[] = [];
    try {
      await this.#db.transaction(async (tx) => {
        for (const job of batch) {
          await tx.run(savepoint);
          try {
            const value = await job.work(tx);
            await tx.run(release);
            results.push({ ok: true, value });
          } catch (error) {
            await tx.run(rollback);
            await tx.run(release);
            results.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const result = results[i];
      if (result?.ok) job.resolve(result.value);
      else job.reject(result?.error);
    });
  }
}
