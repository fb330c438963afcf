import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { localPathOf } from './backup/server-lock';
import { OtherProgramsDatabase, otherProgramsTables } from './other-program';
import { rescanIdentifiers } from './items/identifier-rescans';
import { createOwnerOnlyFile } from './owner-only-file';
import { projectPath } from './project-path';
import * as schema from './schema';
import { NewerDatabase, newerMigrations } from './schema-version';
import { cachePreparedStatements } from './statement-cache';
import { WriteQueue, type WriteCounts } from './write-queue';
import { WriteWorker } from './write-worker';

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The database as the rest of the code sees it: reads, and writes that go through one queue. */
export interface Database {
  readonly url: string;
  /** The connection reads go through (see {@link openDatabase}). */
  readonly client: Client;
  /** For reads. Writes go through `write`. */
  readonly db: Db;
  /** Serialises writes in this process and commits those queued together in one transaction. */
  readonly write: WriteQueue['run'];
  /** Queues one job of a group that the queue hands over with the group's other jobs queued next to it (see JobGroup). */
  readonly together: WriteQueue['together'];
  /** The write queue's transactions and jobs so far (see WriteCounts), and whether its write worker is working, failed, or was never started. */
  writeCounts(): WriteCounts & { readonly worker: 'working' | 'failed' | 'none' };
  /** Changes after every write but a move has committed (see WriteQueue's `writesEnded`). */
  writesEnded(): number;
  /** Why the last write failed for a full disk, from then until a write succeeds again; null otherwise (see WriteQueue's `diskFull`). */
  diskFull(): string | null;
  readonly isLocalFile: boolean;
  /** Closes the connections once the writes queued have committed (or failed), and the write worker's once it has finished what it was sent: resolves when it has ended. */
  close(): Promise<void>;
}

const migrationsFolder = projectPath('db/migrations');

/** How long a connection waits for another process's write lock before failing. */
const busyTimeoutMs = 10_000;

/**
 * Opens the database at a libSQL URL (`file:` for the embedded default, or
 * `http(s)://` / `ws(s)://` for a libSQL server), applies the migrations
 * (and rewrites the identifiers of the clues they queue for it: see
 * rescanIdentifiers) and sets WAL mode on a local file. A database a
 * newer version of Battlemap has migrated is refused with
 * {@link NewerDatabase} before any of that, and another program's with
 * {@link OtherProgramsDatabase}.
 *
 * Durability: libSQL's default `synchronous=FULL` is kept on every
 * connection, so a write acknowledged after its commit survives a power cut.
 *
 * A local file gets two connections: one for the write queue and one for
 * every read. @libsql/client otherwise keeps a pool that grows to one
 * connection per request in flight (a connection is taken before a
 * statement's first await and given back after it), and each write
 * transaction took whichever was given back last. In WAL mode a connection
 * drops its whole page cache when it finds that another connection has
 * written, so the writer started nearly every transaction cold, and each
 * read too (under ten clients moving: eleven connections, the writer on
 * another one in 625 of 630 transactions). Native calls are synchronous
 * and no read holds its connection across an await, so one connection for
 * reads makes no statement wait on another. The writer's cache now stays
 * warm; the reader's is dropped once per commit instead of on every read.
 * A libSQL server keeps its own connections, so it gets one client.
 *
 * Given `writeWorker` (the server passes the script of its write worker), a
 * local file gets a third connection, on a thread of its own, which commits
 * the groups of jobs that can run there (moves): see WriteWorker.
 */
export async function openDatabase(url: string, options: { authToken?: string; writeWorker?: URL } = {}): Promise<Database> {
  const isLocalFile = url.startsWith('file:');
  if (isLocalFile) {
    const path = url.slice('file:'.length).replace(/^\/\/(localhost)?/, '');
    if (path !== ':memory:' && !path.startsWith(':')) {
      mkdirSync(dirname(resolve(path)), { recursive: true });
      createOwnerOnlyFile(resolve(path));
    }
  }
  // Before the client opens its first connection; a libSQL server keeps its own.
  if (isLocalFile) cachePreparedStatements();
  const inMemory = url.includes(':memory:');
  // One connection each: see the doc comment. An in-memory database exists only on its one connection, so it has one client.
  const connection = () => createClient({ url, authToken: options.authToken, timeout: busyTimeoutMs, ...(isLocalFile && { concurrency: 1 }) });
  const client = connection();
  const writer = isLocalFile && !inMemory ? connection() : client;
  // Before anything writes: drizzle's migrator would apply nothing to it and say nothing, and this version would serve a schema it does not know.
  const newer = await newerMigrations(client);
  const others = newer > 0 ? [] : await otherProgramsTables(client);
  if (newer > 0 || others.length > 0) {
    if (writer !== client) writer.close();
    client.close();
    throw newer > 0 ? new NewerDatabase(localPathOf(url) ?? url, newer) : new OtherProgramsDatabase(localPathOf(url) ?? url, others);
  }
  if (isLocalFile) {
    // WAL is a property of the file, so setting it on one connection sets it for all.
    await client.execute('PRAGMA journal_mode = WAL');
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  // Before any request: a clue's stored identifiers are what the duplicate check and the search look up.
  await rescanIdentifiers(db);
  // A worker needs a file both threads can open; an in-memory database exists on one connection only.
  const worker = options.writeWorker !== undefined && isLocalFile && !inMemory ? new WriteWorker(options.writeWorker, { url, busyTimeoutMs }) : undefined;
  const where = localPathOf(url) ?? url;
  // One line when it starts and one when it ends, not a stack trace per write refused meanwhile.
  const diskFullChanged = (reason: string | null) =>
    console.error(
      reason === null
        ? `Battlemap writes to ${where} again: the disk has room.`
        : `Battlemap cannot write to ${where}: the disk is full (${reason}). Writes are refused (507 disk_full, nothing of them saved) and GET /api/health answers 503 until space is freed.`,
    );
  const queue = new WriteQueue(writer === client ? db : drizzle(writer, { schema }), { ...(worker !== undefined && { elsewhere: worker }), diskFullChanged });
  return {
    url,
    client,
    db,
    write: (work) => queue.run(work),
    together: (group, input) => queue.together(group, input),
    writeCounts: () => ({ ...queue.counts, worker: worker === undefined ? 'none' : worker.working ? 'working' : 'failed' }),
    writesEnded: () => queue.writesEnded,
    diskFull: () => queue.diskFull,
    isLocalFile,
    close: () => {
      const closeNow = () => {
        const ended = worker?.close() ?? Promise.resolve();
        if (writer !== client) writer.close();
        client.close();
        return ended;
      };
      // A write still queued (a stopping server's last moves, a sweep's) would otherwise fail on a closed connection, its caller told it was lost.
      return queue.idle ? closeNow() : queue.settled().then(closeNow);
    },
  };
}
