import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client';

/** How one job ended. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

// Savepoints set by hand: drizzle's nested transaction also builds a new database object with a query builder
// per table for each job, a few per cent of a move. SQLite rolls back to the most recent savepoint of a name,
// so savepoints of one name nest (a group's job inside the group's own).
const savepoint = sql.raw('savepoint job');
const release = sql.raw('release savepoint job');
const rollback = sql.raw('rollback to savepoint job');

/**
 * Runs work inside a savepoint of the caller's transaction: if it fails, what it wrote is undone and the rest of the
 * transaction stands. If even the rollback to the savepoint fails, the transaction fails, with the work's error: a full
 * disk can make SQLite roll back the whole transaction, savepoint and all, and the rollback's `TRANSACTION_CLOSED`
 * then took the place of the SQLITE_FULL that said why.
 */
export async function inSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<Settled<T>> {
  await tx.run(savepoint);
  try {
    const value = await work();
    await tx.run(release);
    return { ok: true, value };
  } catch (error) {
    try {
      await tx.run(rollback);
    } catch {
      throw error;
    }
    await tx.run(release);
    return { ok: false, error };
  }
}

/**
 * Runs work in a transaction, committed if it succeeds. If the work fails, the transaction fails with the work's error,
 * whatever the rollback after it says: drizzle's ROLLBACK of a transaction SQLite has rolled back itself (a full disk
 * can make it do so) fails with `TRANSACTION_CLOSED`, and that error took the place of the SQLITE_FULL that said why.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const failure: { failed: boolean; error: unknown } = { failed: false, error: undefined };
  try {
    return await db.transaction(async (tx) => {
      try {
        return await work(tx);
      } catch (error) {
        failure.failed = true;
        failure.error = error;
        throw error;
      }
    });
  } catch (error) {
    throw failure.failed ? failure.error : error;
  }
}
