import { createClient } from '@libsql/client';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openDatabase } from '../client';
import { verifyAudit, type VerifyResult } from '../audit/verify';
import { localPathOf, runningServers } from './server-lock';

export class BackupError extends Error {}

function localPathOrFail(url: string): string {
  const path = localPathOf(url);
  if (path === null) {
    throw new BackupError(
      `${url} is not a local database file. File backups apply to the embedded database only; back up a libSQL server (sqld) with its own tools.`,
    );
  }
  return path;
}

/**
 * Writes a consistent copy of the database to `target` while servers keep
 * running: `VACUUM INTO` reads one snapshot (WAL mode lets writers go on
 * meanwhile), so the copy holds exactly the transactions committed before
 * it began, compacted, as a single file with no WAL beside it.
 */
export async function backupDatabase(url: string, target: string): Promise<{ path: string; bytes: number }> {
  const source = localPathOrFail(url);
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  const path = resolve(target);
  if (existsSync(path)) throw new BackupError(`${path} exists already; choose a new file name (backups are never overwritten).`);
  const client = createClient({ url: `file:${source}`, timeout: 10_000 });
  try {
    await client.execute({ sql: 'VACUUM INTO ?', args: [path] });
  } finally {
    client.close();
  }
  return { path, bytes: statSync(path).size };
}

/**
 * Restores a backup over the database at `url`, with no server running on
 * it: the backup is copied beside the database, migrated to this version
 * and its audit chain verified (hash chain and replay of every item); only
 * then does it replace the database. The database it replaces is kept as
 * `<name>.replaced-<time>` rather than deleted.
 */
export async function restoreDatabase(backup: string, url: string, now: Date = new Date()): Promise<{ verified: Extract<VerifyResult, { ok: true }>; replaced: string | null }> {
  const target = localPathOrFail(url);
  const source = resolve(backup);
  if (!existsSync(source)) throw new BackupError(`There is no backup at ${source}.`);
  const running = runningServers(target);
  if (running.length > 0) {
    throw new BackupError(`Battlemap is running on ${target} (pid ${running.join(', ')}). Stop it first, then restore.`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.restoring`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  copyFileSync(source, staging);
  let verified: VerifyResult;
  try {
    const database = await openDatabase(`file:${staging}`);
    try {
      verified = await verifyAudit(database.db);
      // Fold the WAL back into the file, so that the one file moved below is the whole database.
      await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      database.close();
    }
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
    throw error;
  }
  if (!verified.ok) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
    const where = verified.subject === undefined ? '' : ` (${verified.subject} ${verified.subjectId})`;
    throw new BackupError(`The backup's audit log is broken at seq ${verified.seq ?? '?'}${where}: ${verified.reason}. Nothing was restored.`);
  }
  let replaced: string | null = null;
  if (existsSync(target)) {
    replaced = `${target}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, replaced);
    for (const suffix of ['-wal', '-shm']) if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${replaced}${suffix}`);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  renameSync(staging, target);
  return { verified, replaced };
}
