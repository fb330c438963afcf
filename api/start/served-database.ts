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
    if (error instanceof NewerDatabase || error instanceof OtherProgramsDatabase) throw new CannotStart(`Battlemap cannot start: ${error.reason.en}`);
    throw new CannotStart(`Battlemap cannot open the database at DATABASE_URL=${url}: ${reasonOf(error)}.`);
  }
  const refusal = await writeRefusal(database.client);
  if (refusal !== null) {
    await database.close();
    const path = localPathOf(url);
    const what = path === null ? `the libSQL server at ${url}` : path;
    const hint = path === null ? 'check its permissions and DATABASE_AUTH_TOKEN' : 'check that the user running Battlemap may write the file and its folder';
    throw new CannotStart(`Battlemap cannot write to the database ${what} (DATABASE_URL): ${reasonOf(refusal)}; ${hint}.`);
  }
  return database;
}
