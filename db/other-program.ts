import type { Client } from '@libsql/client';
import type { Label } from '../engine/labels';
import { missingBattlemapTables } from './backup/database-file';
import { operatorLine } from './operator-line';

/**
 * The tables of another program in the database: those it has when it has
 * not Battlemap's, none for a new (empty) database or a Battlemap one.
 * Drizzle's migrator creates its own table before it applies the first
 * migration, so an empty one is what a first start that failed left, not
 * another program's.
 */
export async function otherProgramsTables(client: Client): Promise<string[]> {
  if ((await missingBattlemapTables(client)).length === 0) return [];
  const { rows } = await client.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite!_%' escape '!' order by name");
  const tables = rows.map((row) => String(row.name));
  if (!tables.includes('__drizzle_migrations')) return tables;
  const migrated = (await client.execute('select 1 from __drizzle_migrations limit 1')).rows.length > 0;
  return migrated ? tables : tables.filter((table) => table !== '__drizzle_migrations');
}

/** "t", "a, b, c", "a, b, c and 4 more". */
function tableList(tables: readonly string[], and: (more: number) => string): string {
  const shown = tables.slice(0, 3).join(', ');
  return tables.length > 3 ? `${shown}${and(tables.length - 3)}` : shown;
}

/**
 * Another program's SQLite database, refused before anything is written to
 * it: migrated, it would hold Battlemap's schema and the demo (or the first
 * administrator) beside that program's tables, and serve, while a restore
 * refuses the same file. Said in one line, Chinese then English.
 */
export class OtherProgramsDatabase extends Error {
  readonly reason: Label;

  constructor(
    readonly shownAs: string,
    readonly tables: readonly string[],
  ) {
    const reason = {
      zh: `数据库 ${shownAs} 不是 Battlemap 数据库：它有其他程序的表（${tableList(tables, (more) => ` 等另 ${more} 个`)}），没有 Battlemap 的表，未作任何改动。请把 DATABASE_URL 指向 Battlemap 的数据库，或指向一个新文件`,
      en:
        `The database ${shownAs} is not a Battlemap database: it holds another program's table${tables.length === 1 ? '' : 's'} (${tableList(tables, (more) => ` and ${more} more`)}) and none of Battlemap's, and was left as it was. ` +
        'Point DATABASE_URL at a Battlemap database, or at a new file.',
    };
    super(operatorLine(reason));
    this.name = 'OtherProgramsDatabase';
    this.reason = reason;
  }
}
