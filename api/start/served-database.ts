import { localPathOf } from '../../db/backup/server-lock';
import { openDatabase, type Database } from '../../db/client';
import { reasonOf } from '../../db/error-cause';
import { OtherProgramsDatabase } from '../../db/other-program';
import { NewerDatabase } from '../../db/schema-version';
import { writeRefusal } from '../../db/write-check';
import { CannotStart } from './cannot-start';

/**
 * The server's database: opened (and migrated) at `url`, DATABASE_URL made
 * absolute, and found writable. What stops it is said in one sentence that
 * names DATABASE_URL and the cause under drizzle's and libSQL's wrappers
 * (connection refused, no such host, URL_INVALID, SQLITE_READONLY…), where
 * the first failed query used to be all that was said; a database a newer
 * version upgraded is said as such (see NewerDatabase), and so is another
 * program's database (see OtherProgramsDatabase).
 */
export async function openServedDatabase(url: string, options: Parameters<typeof openDatabase>[1]): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase(url, options);
  } catch (error) {
    if (error instanceof NewerDatabase || error instanceof OtherProgramsDatabase) {
      throw new CannotStart({ zh: `Battlemap 无法启动：${error.reason.zh}`, en: `Battlemap cannot start: ${error.reason.en}` });
    }
    const reason = reasonOf(error);
    throw new CannotStart({ zh: `Battlemap 无法打开数据库（DATABASE_URL=${url}）：${reason}`, en: `Battlemap cannot open the database at DATABASE_URL=${url}: ${reason}.` });
  }
  const refusal = await writeRefusal(database.client);
  if (refusal !== null) {
    await database.close();
    const path = localPathOf(url);
    const reason = reasonOf(refusal);
    if (path === null) {
      throw new CannotStart({
        zh: `Battlemap 无法写入 ${url} 处 libSQL 服务器上的数据库（DATABASE_URL）：${reason}；请检查其权限和 DATABASE_AUTH_TOKEN`,
        en: `Battlemap cannot write to the database on the libSQL server at ${url} (DATABASE_URL): ${reason}; check its permissions and DATABASE_AUTH_TOKEN.`,
      });
    }
    throw new CannotStart({
      zh: `Battlemap 无法写入数据库 ${path}（DATABASE_URL）：${reason}；请检查运行 Battlemap 的用户能否写入该文件及其所在文件夹`,
      en: `Battlemap cannot write to the database ${path} (DATABASE_URL): ${reason}; check that the user running Battlemap may write the file and its folder.`,
    });
  }
  return database;
}
