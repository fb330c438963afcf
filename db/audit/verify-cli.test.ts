import { createClient } from '@libsql/client';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { packageRoot, runOperatorCli } from '../../test/support/operator-cli';

/**
 * `npm run audit:verify` as the operator runs it: npm starts it in the
 * package's folder, with the folder they typed it in as INIT_CWD.
 */
const root = packageRoot;

let folder: string;
/** A migrated database as a first start leaves it, and a copy of it as a backup writes it (one file, not in WAL mode). */
let fresh: string;
let copy: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-verify-cli-'));
  fresh = join(folder, 'battlemap.db');
  const database = await openDatabase(`file:${fresh}`);
  copy = join(folder, 'copy.db');
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [copy] });
  await database.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const verify = (databaseUrl: string, initCwd = folder) => runOperatorCli('db/audit/verify-cli.ts', [], { DATABASE_URL: databaseUrl, INIT_CWD: initCwd });

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const withoutStack = (output: string) => expect(output).not.toMatch(/^\s+at /m);

describe('npm run audit:verify', () => {
  it('refuses a database that is not there (a typo in a nightly check), and creates none', async () => {
    const typo = join(folder, 'battlemap.dbb');
    const { code, output } = await verify(`file:${typo}`);
    expect(code).toBe(1);
    expect(output).toContain(`There is no database at ${typo}`);
    withoutStack(output);
    expect(existsSync(typo)).toBe(false);
  });

  it('only reads what it checks: the file is not migrated, nor put in WAL mode', async () => {
    const before = sha256(copy);
    const { code, output } = await verify(`file:${copy}`);
    expect(code, output).toBe(0);
    expect(output).toMatch(/audit log intact: 0 entries/);
    expect(sha256(copy)).toBe(before);
    expect(existsSync(`${copy}-wal`)).toBe(false);
  });

  it('says a database with an older schema is older, and leaves it so, instead of migrating it', async () => {
    const older = join(folder, 'older.db');
    const client = createClient({ url: `file:${copy}` });
    await client.execute({ sql: 'VACUUM INTO ?', args: [older] });
    client.close();
    const olderClient = createClient({ url: `file:${older}` });
    // As if the newest migration came with this version: its record is what the migrator goes by.
    await olderClient.execute('delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)');
    olderClient.close();
    const before = sha256(older);
    const { code, output } = await verify(`file:${older}`);
    expect(code).toBe(1);
    expect(output).toMatch(/The database .*older\.db has an older schema than this version of Battlemap \(1 migration not applied/);
    withoutStack(output);
    expect(sha256(older)).toBe(before);
  });

  it('reads a relative file: path from the package folder, as the server does, not the folder npm was run in', async () => {
    const { code, output } = await verify(`file:${relative(root, copy)}`, join(folder, 'operator'));
    // Read from where it was typed, it would have named a database that is not there.
    expect(code, output).toBe(0);
    expect(output).toContain(`(file:${copy})`);
    expect(existsSync(join(folder, 'operator'))).toBe(false);
  });

  it('says in one line that a damaged database is damaged, naming the file and SQLite\'s reason, and exits 1', async () => {
    const damaged = join(folder, 'damaged.db');
    copyFileSync(copy, damaged);
    // The audit log's first page overwritten: the schema and the migrations' record still read, the log does not.
    const client = createClient({ url: `file:${damaged}` });
    const logRoot = Number((await client.execute("select rootpage from sqlite_master where name = 'audit_log'")).rows[0]?.rootpage);
    const pageSize = Number((await client.execute('pragma page_size')).rows[0]?.page_size);
    client.close();
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x41), 0, pageSize, (logRoot - 1) * pageSize);
    closeSync(fd);
    const { code, output } = await verify(`file:${damaged}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringContaining(`Could not read ${damaged}: SQLITE_CORRUPT: database disk image is malformed`)]);
  });
});
