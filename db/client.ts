import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { projectPath } from './project-path';
import * as schema from './schema';
import { cachePreparedStatements } from './statement-cache';
import { WriteQueue } from './write-queue';

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The database as the rest of the code sees it: reads, and writes that go through one queue. */
export interface Database {
  readonly url: string;
  readonly client: Client;
  /** For reads. Writes go through `write`. */
  readonly db: Db;
  /** Serialises writes in this process and commits those queued together in one transaction. */
  readonly write: WriteQueue['run'];
  /** Queues one job of a group that the queue hands over with the group's other jobs queued next to it (see JobGroup). */
  readonly together: WriteQueue['together'];
  readonly isLocalFile: boolean;
  close(): void;
}

const migrationsFolder = projectPath('db/migrations');

/** How long a connection waits for another process's write lock before failing. */
const busyTimeoutMs = 10_000;

/**
 * Opens the database at a libSQL URL (`file:` for the embedded default, or
 * `http(s)://` / `ws(s)://` for a libSQL server), applies the migrations and
 * sets WAL mode on a local file.
 *
 * Durability: libSQL's default `synchronous=FULL` is kept on every
 * connection, so a write acknowledged after its commit survives a power cut.
 */
export async function openDatabase(url: string, options: { authToken?: string } = {}): Promise<Database> {
  const isLocalFile = url.startsWith('file:');
  if (isLocalFile) {
    const path = url.slice('file:'.length).replace(/^\/\/(localhost)?/, '');
    if (path !== ':memory:' && !path.startsWith(':')) mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  // Before the client opens its first connection; a libSQL server keeps its own.
  if (isLocalFile) cachePreparedStatements();
  const client = createClient({ url, authToken: options.authToken, timeout: busyTimeoutMs });
  if (isLocalFile) {
    // WAL is a property of the file, so setting it on one connection sets it for all.
    await client.execute('PRAGMA journal_mode = WAL');
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  const queue = new WriteQueue(db);
  return {
    url,
    client,
    db,
    write: (work) => queue.run(work),
    together: (group, input) => queue.together(group, input),
    isLocalFile,
    close: () => client.close(),
  };
}
