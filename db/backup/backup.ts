import { createClient, LibsqlError } from '@libsql/client';
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Label } from '../../engine/labels';
import { openDatabase } from '../client';
import { otherProgramsTables } from '../other-program';
import { libsqlErrorIn, reasonOf } from '../error-cause';
import { createOwnerOnlyFile } from '../owner-only-file';
import { migrationCount, NewerDatabase } from '../schema-version';
import { mismatchCount, mismatchLine, subjectOf, verifyAudit, type VerifyResult } from '../audit/verify';
import { BackupError } from './backup-error';
import { firstLineOf, integrityProblem, missingBattlemapTables, sqliteFileProblem } from './database-file';
import { claimRestoreMark, localPathOf, realPathOf, runningRestores, runningServers } from './server-lock';

export { BackupError } from './backup-error';

function localPathOrFail(url: string): string {
  const path = localPathOf(url);
  if (path === null) {
    throw new BackupError({
      zh: `${url} 不是本地数据库文件。文件备份只适用于内嵌数据库；libSQL 服务器（sqld）请用它自己的工具备份`,
      en: `${url} is not a local database file. File backups apply to the embedded database only; back up a libSQL server (sqld) with its own tools.`,
    });
  }
  return path;
}

/**
 * Writes a consistent copy of the database to `target` while servers keep
 * running: `VACUUM INTO` reads one snapshot (WAL mode lets writers go on
 * meanwhile), so the copy holds exactly the transactions committed before
 * it began, compacted, as a single file with no WAL beside it. A file
 * that is not a Battlemap database (empty, another program's) is refused:
 * a restore would refuse its copy.
 */
export async function backupDatabase(url: string, target: string): Promise<{ path: string; bytes: number }> {
  const source = localPathOrFail(url);
  if (!existsSync(source)) throw new BackupError({ zh: `没有数据库 ${source}`, en: `There is no database at ${source}.` });
  const fileProblem = sqliteFileProblem(source);
  if (fileProblem !== null) throw notBackedUp(source, fileProblems[fileProblem]);
  const path = resolve(target);
  if (existsSync(path)) throw new BackupError({ zh: `${path} 已存在；请换一个新文件名（备份从不覆盖）`, en: `${path} exists already; choose a new file name (backups are never overwritten).` });
  const folder = dirname(path);
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new BackupError({ zh: `${folder} 是文件，不是文件夹，无法写入备份 ${path}`, en: `${folder} is a file, not a folder, so the backup ${path} cannot be written there.` });
  }
  if (!existsSync(folder)) {
    throw new BackupError({ zh: `文件夹 ${folder} 不存在，无法写入备份 ${path}；请先创建它`, en: `The folder ${folder} does not exist, so the backup ${path} cannot be written there; create it first.` });
  }
  const client = createClient({ url: `file:${source}`, timeout: 10_000 });
  try {
    // A copy restore would refuse, said now rather than on the day it is needed.
    const missing = await missingBattlemapTables(client);
    if (missing.length > 0) throw notBackedUp(source, notBattlemap(missing));
    // Before SQLite makes it 0644: see createOwnerOnlyFile. VACUUM INTO writes into an empty file.
    createOwnerOnlyFile(path);
    await client.execute({ sql: 'VACUUM INTO ?', args: [path] });
  } catch (error) {
    if (!(error instanceof LibsqlError)) throw error;
    // The file did not exist before (checked above): what a failed copy left of it is not a backup.
    rmSync(path, { force: true });
    throw new BackupError({ zh: `无法把 ${source} 备份到 ${path}（${firstLineOf(error)}）`, en: `Could not back up ${source} to ${path}: ${firstLineOf(error)}.` });
  } finally {
    client.close();
  }
  return { path, bytes: statSync(path).size };
}

/** Why a database is not backed up, in a message that says no backup was written. */
const notBackedUp = (source: string, why: Label) => new BackupError({ zh: `数据库 ${source} ${why.zh}，未写入备份`, en: `The database ${source} ${why.en}. No backup was written.` });

/** Why a database lacking the tables `missing` is not Battlemap's. */
const notBattlemap = (missing: readonly string[]): Label => ({
  zh: `不是 Battlemap 数据库（没有 ${missing.join('、')} 表）`,
  en: `is not a Battlemap database (it has no ${missing.join(', ')} table${missing.length === 1 ? '' : 's'})`,
});

/** Why a backup is refused, in a message that says nothing was restored. */
const notRestored = (source: string, why: Label) => new BackupError({ zh: `备份 ${source} ${why.zh}，未恢复任何内容`, en: `The backup ${source} ${why.en}. Nothing was restored.` });

const fileProblems: Record<NonNullable<ReturnType<typeof sqliteFileProblem>>, Label> = {
  notFile: { zh: '不是文件', en: 'is not a file' },
  empty: { zh: '是空文件（0 字节），不是 SQLite 数据库', en: 'is empty (0 bytes), not a SQLite database' },
  notSqlite: { zh: '不是 SQLite 数据库（开头没有 SQLite 的文件头）', en: 'is not a SQLite database (it does not begin with the SQLite header)' },
};

/**
 * Checks the copy of a backup before anything else opens it: SQLite finds
 * it whole, and it is a Battlemap database. Migrating comes next, and would
 * turn any SQLite file, even an empty one, into an empty Battlemap database
 * that verifies; the verification reads the log and the items, not every
 * page, so a damaged index would be put in place unseen.
 */
async function checkBackupCopy(copy: string, source: string): Promise<void> {
  const client = createClient({ url: `file:${copy}` });
  try {
    const damage = await integrityProblem(client);
    if (damage !== null) throw notRestored(source, { zh: `已损坏（PRAGMA integrity_check：${damage}）`, en: `is damaged (PRAGMA integrity_check: ${damage})` });
    const missing = await missingBattlemapTables(client);
    if (missing.length > 0) throw notRestored(source, notBattlemap(missing));
  } finally {
    client.close();
  }
}

/**
 * Restores a backup over the database at `url`, with no server running on
 * it: the backup must be a whole SQLite file (`PRAGMA integrity_check`) of
 * a Battlemap database; it is copied beside the database (with the -wal or
 * -journal beside it, see logsReadWith), migrated to this
 * version and its audit chain verified (hash chain and replay of every
 * item); only then does it replace the database. The database it replaces
 * is kept as `<name>.replaced-<time>` rather than deleted, and so are the
 * -wal, -shm and -journal beside it (`logsKept`), its own or left there by
 * a database moved away.
 */
export async function restoreDatabase(
  backup: string,
  url: string,
  now: Date = new Date(),
): Promise<{ verified: Extract<VerifyResult, { ok: true }>; replaced: string | null; logsKept: string[] }> {
  // Both as the files SQLite opens, symlinks followed: a backup's -wal is beside the file its link names, and a
  // DATABASE_URL through a link is restored into the file the link names (the link replaced by a file in its folder
  // left the database, its -wal and any other process on it where they were).
  const target = realPathOf(localPathOrFail(url));
  const source = realPathOf(resolve(backup));
  if (!existsSync(source)) throw new BackupError({ zh: `没有备份文件 ${source}`, en: `There is no backup at ${source}.` });
  const fileProblem = sqliteFileProblem(source);
  if (fileProblem !== null) throw notRestored(source, fileProblems[fileProblem]);
  // Marked first, then checked: a server or another restore starting meanwhile finds the mark and refuses, and one
  // that began before it is found here (see claimRestoreMark).
  const mark = claimRestoreMark(target);
  try {
    refuseWhileInUse(target, mark.name);
    return await restoreInto(target, source, now);
  } finally {
    mark.release();
  }
}

/** Refuses a restore into a database a server runs on, or that another restore is replacing. */
function refuseWhileInUse(target: string, ownMark: string): void {
  const running = runningServers(target);
  if (running.length > 0) {
    throw new BackupError({
      zh: `Battlemap 正在 ${target} 上运行（进程 ${running.join(', ')}），请先停止它再恢复`,
      en: `Battlemap is running on ${target} (pid ${running.join(', ')}). Stop it first, then restore.`,
    });
  }
  const restoring = runningRestores(target, ownMark);
  if (restoring.length > 0) {
    throw new BackupError({
      zh: `另一次恢复正在写入 ${target}（进程 ${restoring.join(', ')}），请等它结束后再恢复`,
      en: `Another restore into ${target} is under way (pid ${restoring.join(', ')}). Wait for it to end, then restore.`,
    });
  }
}

/**
 * Refuses to replace another program's SQLite database: a DATABASE_URL set to the wrong file would have it moved
 * aside without a word, while the server, the import and the verification refuse that file.
 */
async function refuseOtherProgramsDatabase(target: string): Promise<void> {
  if (!existsSync(target) || sqliteFileProblem(target) !== null) return;
  const client = createClient({ url: `file:${target}`, timeout: 10_000 });
  let tables: string[];
  try {
    tables = await otherProgramsTables(client);
  } finally {
    client.close();
  }
  if (tables.length > 0) {
    const shown = tables.slice(0, 3).join(', ') + (tables.length > 3 ? ' …' : '');
    throw new BackupError({
      zh: `${target} 不是 Battlemap 数据库（有其他程序的表：${shown}），未恢复任何内容；请检查 DATABASE_URL`,
      en: `${target} is not a Battlemap database (it holds another program's tables: ${shown}). Nothing was restored; check DATABASE_URL.`,
    });
  }
}

/** The restore itself, once the database is marked as being restored: see restoreDatabase. */
async function restoreInto(
  target: string,
  source: string,
  now: Date,
): Promise<{ verified: Extract<VerifyResult, { ok: true }>; replaced: string | null; logsKept: string[] }> {
  await refuseOtherProgramsDatabase(target);
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.restoring`);
  const removeStaging = () => {
    for (const suffix of ['', ...logSuffixes]) rmSync(`${staging}${suffix}`, { force: true });
  };
  removeStaging();
  // The mode of the database it replaces, else readable by its owner only (see createOwnerOnlyFile), whatever the backup's.
  const mode = existsSync(target) ? statSync(target).mode & 0o777 : 0o600;
  for (const suffix of ['', ...logsReadWith]) {
    if (suffix !== '' && !existsSync(`${source}${suffix}`)) continue;
    copyFileSync(`${source}${suffix}`, `${staging}${suffix}`);
    chmodSync(`${staging}${suffix}`, mode);
  }
  let verified: VerifyResult;
  try {
    await checkBackupCopy(staging, source);
    const database = await openDatabase(`file:${staging}`);
    try {
      verified = await verifyAudit(database.db);
      // Fold the WAL back into the file, so that the one file moved below is the whole database.
      await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      database.close();
    }
  } catch (error) {
    removeStaging();
    if (error instanceof NewerDatabase) {
      throw notRestored(source, {
        zh: `是更新版本的 Battlemap 写的（有 ${error.newer} 个此版本没有的迁移）；请用那个版本恢复`,
        en: `was written by a newer version of Battlemap (${migrationCount(error.newer)} this version does not have); restore it with that version`,
      });
    }
    // Whole and Battlemap's, yet unreadable to the migration or the verification (a schema edited by hand): said, not a stack trace.
    if (libsqlErrorIn(error) !== undefined) throw notRestored(source, { zh: `无法读取（${reasonOf(error)}）`, en: `could not be read: ${reasonOf(error)}` });
    throw error;
  }
  if (!verified.ok) {
    removeStaging();
    if (verified.logIntact) {
      const [first] = verified.mismatches;
      const others = verified.mismatches.length + verified.more - 1;
      const line = first === undefined ? { zh: '', en: '' } : mismatchLine(first);
      throw notRestored(source, {
        zh: `的审计日志完整（${verified.entries} 条），但有 ${mismatchCount(verified).zh}（${line.zh}${others > 0 ? `；另有 ${others} 项` : ''}）`,
        en: `has an intact audit log (${verified.entries} entries), but ${mismatchCount(verified).en} match it (${line.en}${others > 0 ? `; and ${others} more` : ''})`,
      });
    }
    const item = verified.subject === undefined ? null : subjectOf(verified.subject, verified.subjectId);
    throw notRestored(source, {
      zh: `的审计日志在第 ${verified.seq} 条处有误${item === null ? '' : `（${item.zh}）`}：${verified.reason.zh}`,
      en: `has an audit log broken at seq ${verified.seq}${item === null ? '' : ` (${item.en})`}: ${verified.reason.en}`,
    });
  }
  // Named for the instant, whether or not there is a database to replace: see setAsideLogs.
  const keptAs = `${target}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
  let replaced: string | null = null;
  if (existsSync(target)) {
    replaced = keptAs;
    renameSync(target, replaced);
  }
  const logsKept = setAsideLogs(target, keptAs);
  for (const suffix of ['-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  renameSync(staging, target);
  return { verified, replaced, logsKept };
}

/** The files SQLite keeps beside a database and reads as part of it when it opens it: its write-ahead log and the log's index, and a rollback journal. */
const logSuffixes = ['-wal', '-shm', '-journal'] as const;

/**
 * The logs a backup is copied with: what SQLite reads of it is the file and
 * these. A database kept by an earlier restore, or copied after a crash,
 * holds its last committed transactions in its WAL only (copied without it,
 * 45 acknowledged moves of a server killed with -9 were lost and the audit
 * log still verified); a hot journal holds what rolls a half-written
 * transaction back. Not the -shm: an index of the WAL that SQLite rebuilds
 * from it. The backup and its logs are read, never written.
 */
const logsReadWith = ['-wal', '-journal'] as const;

/**
 * Moves the logs beside `target` to `keptAs` with their suffix, and answers
 * where each went. They belong to the database that was there: SQLite would
 * replay a WAL (or roll back a hot journal) into whatever file next bears
 * the name, and a backup put in its place would open corrupt or as the other
 * database. They are there without a database too, after a crash when the
 * operator moved the broken file aside but not its -wal.
 */
function setAsideLogs(target: string, keptAs: string): string[] {
  return logSuffixes.flatMap((suffix) => {
    if (!existsSync(`${target}${suffix}`)) return [];
    renameSync(`${target}${suffix}`, `${keptAs}${suffix}`);
    return [`${keptAs}${suffix}`];
  });
}
