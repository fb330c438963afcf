import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { existsSync } from 'node:fs';
import type { Label } from '../../engine/labels';
import { missingBattlemapTables, sqliteFileProblem } from '../backup/database-file';
import { localPathOf } from '../backup/server-lock';
import type { Db } from '../client';
import * as schema from '../schema';
import { migrationCount, newerMigrations, unappliedMigrations } from '../schema-version';
import { operatorLine } from '../operator-line';

/** A database the verification refuses to read, said in one line, Chinese then English. */
export class CannotVerify extends Error {
  constructor(readonly reason: Label) {
    super(operatorLine(reason));
    this.name = 'CannotVerify';
  }
}

/**
 * Opens a database for the audit verification to read and nothing else:
 * unlike {@link openDatabase} it neither migrates it nor sets WAL mode, and
 * a local file's one connection is `query_only`. A check that wrote to what
 * it checks would change the evidence, create a database at a mistyped
 * path and report it intact, and bring an old copy up to this version
 * unasked. Refused with {@link CannotVerify}: a missing file, one that is no
 * SQLite or Battlemap database, one whose schema is older than this
 * version's (its queries would read columns it lacks), or one a newer
 * version migrated (its log may hold what this version cannot replay).
 */
export async function openToVerify(url: string, authToken?: string): Promise<{ readonly db: Db; readonly shownAs: string; close(): void }> {
  const path = localPathOf(url);
  const shownAs = path ?? url;
  if (path !== null) {
    if (!existsSync(path)) throw new CannotVerify({ zh: `没有数据库 ${path}（请检查 DATABASE_URL）`, en: `There is no database at ${path} (check DATABASE_URL).` });
    const problem = sqliteFileProblem(path);
    if (problem !== null) {
      const why = { notFile: { zh: '不是文件', en: 'is not a file' }, empty: { zh: '是空文件（0 字节）', en: 'is empty (0 bytes)' }, notSqlite: { zh: '不是 SQLite 数据库', en: 'is not a SQLite database' } }[problem];
      throw new CannotVerify({ zh: `${path} ${why.zh}，无法校验`, en: `${path} ${why.en}; there is nothing to verify.` });
    }
  }
  // One connection, so that query_only, a setting of the connection, holds for every statement.
  const client = createClient({ url, ...(authToken !== undefined && { authToken }), timeout: 10_000, ...(path !== null && { concurrency: 1 }) });
  try {
    if (path !== null) await client.execute('PRAGMA query_only = 1');
    const missing = await missingBattlemapTables(client);
    if (missing.length > 0) {
      throw new CannotVerify({
        zh: `${shownAs} 不是 Battlemap 数据库（没有 ${missing.join('、')} 表），无法校验`,
        en: `${shownAs} is not a Battlemap database (it has no ${missing.join(', ')} table${missing.length === 1 ? '' : 's'}); there is nothing to verify.`,
      });
    }
    const newer = await newerMigrations(client);
    if (newer > 0) {
      throw new CannotVerify({
        zh: `数据库 ${shownAs} 已被更新版本的 Battlemap 升级（有 ${newer} 个此版本没有的迁移）；此版本读不懂它，请用那个版本校验`,
        en: `The database ${shownAs} was upgraded by a newer version of Battlemap (${migrationCount(newer)} this version does not have); check it with that version.`,
      });
    }
    const unapplied = await unappliedMigrations(client);
    const newest = unapplied[unapplied.length - 1];
    if (newest !== undefined) {
      const n = unapplied.length;
      throw new CannotVerify({
        zh: `数据库 ${shownAs} 的结构早于此版本的 Battlemap（${n} 个迁移未应用，最新的是 ${newest.tag}）；校验只读取，不会迁移它。请用此版本启动一次 Battlemap（启动时迁移），或用写入它的版本校验`,
        en:
          `The database ${shownAs} has an older schema than this version of Battlemap (${n} migration${n === 1 ? '' : 's'} not applied, the newest ${newest.tag}); ` +
          'the check only reads and does not migrate it. Start this version of Battlemap on it once (it migrates on start), or check it with the version that wrote it.',
      });
    }
  } catch (error) {
    client.close();
    throw error;
  }
  return { db: drizzle(client, { schema }), shownAs, close: () => client.close() };
}
