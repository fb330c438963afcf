import { createClient } from '@libsql/client';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { OtherProgramsDatabase } from './other-program';

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-other-program-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A SQLite database at `name` made by running `statements`, as another program (or an earlier failed start) left it. */
async function databaseWith(name: string, statements: string[]): Promise<string> {
  const path = join(folder, name);
  const client = createClient({ url: `file:${path}` });
  for (const statement of statements) await client.execute(statement);
  client.close();
  return path;
}

describe('opening a database', () => {
  it("refuses another program's, naming the file and its tables in both languages, and writes nothing to it", async () => {
    const path = await databaseWith('other.db', ['create table t (x)', "insert into t values ('theirs')", 'create table __drizzle_migrations (id, hash, created_at)', "insert into __drizzle_migrations values (1, 'x', 1)"]);
    const before = readFileSync(path);
    const outcome = await openDatabase(`file:${path}`).then(
      (database) => database.close(),
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(OtherProgramsDatabase);
    expect((outcome as OtherProgramsDatabase).reason).toEqual({
      zh: `数据库 ${path} 不是 Battlemap 数据库：它有其他程序的表（__drizzle_migrations, t），没有 Battlemap 的表，未作任何改动。请把 DATABASE_URL 指向 Battlemap 的数据库，或指向一个新文件`,
      en: `The database ${path} is not a Battlemap database: it holds another program's tables (__drizzle_migrations, t) and none of Battlemap's, and was left as it was. Point DATABASE_URL at a Battlemap database, or at a new file.`,
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual(['other.db']);
  });

  it('migrates one a first start left with only the migrator\'s empty table (its first migration failed), as a new one', async () => {
    const path = await databaseWith('failed-first-start.db', ['create table __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)']);
    const database = await openDatabase(`file:${path}`);
    try {
      const { rows } = await database.client.execute("select count(*) as n from sqlite_master where name in ('audit_log', 'campaigns')");
      expect(Number(rows[0]?.n)).toBe(2);
    } finally {
      await database.close();
    }
  });
});
