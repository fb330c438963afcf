import type { Client, Transaction } from '@libsql/client';

/** SQLITE_BUSY: another process held the write lock past the busy timeout. It writes, so this process will too: no refusal. */
const refusalOf = (error: unknown): unknown => (error instanceof Error && 'code' in error && error.code === 'SQLITE_BUSY' ? null : error);

/**
 * Why the database cannot be written through `client` (the error SQLite or
 * the libSQL server gave), or null when it can. A database file the process
 * may only read opens, migrates (nothing to apply) and answers every read,
 * so a server on it said it was healthy and answered every sign-in, which
 * writes a session, with a 500. `BEGIN IMMEDIATE` alone is no test: it
 * succeeds on such a file, and a statement that writes is what is refused.
 * This one deletes nothing, in a transaction rolled back, so a database that
 * can be written is left as it was.
 */
export async function writeRefusal(client: Client): Promise<unknown> {
  let transaction: Transaction;
  try {
    transaction = await client.transaction('write');
  } catch (error) {
    return refusalOf(error);
  }
  try {
    await transaction.execute('delete from __drizzle_migrations where 0');
    return null;
  } catch (error) {
    return refusalOf(error);
  } finally {
    // Rolls back what is still open.
    transaction.close();
  }
}
