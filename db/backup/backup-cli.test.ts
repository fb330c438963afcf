import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { packageRoot, runOperatorCli } from '../../test/support/operator-cli';

/** `npm run backup` as the operator runs it (test/support/operator-cli.ts). */
const root = packageRoot;

let folder: string;
/** Where the operator typed the command: a folder of its own, so that a path read from there is told from one read from the package folder. */
let typedIn: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-backup-cli-'));
  typedIn = join(folder, 'operator');
  mkdirSync(typedIn);
  await (await openDatabase(`file:${join(folder, 'live.db')}`)).close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const backup = (file: string, databaseUrl: string, more: readonly string[] = []) => runOperatorCli('db/backup/backup-cli.ts', [file, ...more], { DATABASE_URL: databaseUrl, INIT_CWD: typedIn });

describe('npm run backup', () => {
  it('reads a relative DATABASE_URL from the package folder, as the server does, and writes a relative FILE in the folder npm was run in', async () => {
    const { code, output } = await backup('copy.db', `file:${relative(root, join(folder, 'live.db'))}`);
    expect(code, output).toBe(0);
    // One line, Chinese first as the bureau reads it, then the English.
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^已将 file:${join(folder, 'live.db')} 备份到 ${join(typedIn, 'copy.db')}（\\d+\\.\\d MB，用时 \\d+ 毫秒） / Backed up file:${join(folder, 'live.db')} to ${join(typedIn, 'copy.db')} \\(\\d+\\.\\d MB, \\d+ ms\\)\\.$`),
      ),
    ]);
    expect(existsSync(join(typedIn, 'copy.db'))).toBe(true);
    expect(existsSync(join(root, 'copy.db'))).toBe(false);
  });

  it('of an empty (0-byte) database file refuses in one line naming it and why, exits 1, and writes no backup restore would refuse', async () => {
    writeFileSync(join(folder, 'empty.db'), '');
    const { code, output } = await backup('empty-copy.db', `file:${join(folder, 'empty.db')}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      `数据库 ${join(folder, 'empty.db')} 是空文件（0 字节），不是 SQLite 数据库，未写入备份 / The database ${join(folder, 'empty.db')} is empty (0 bytes), not a SQLite database. No backup was written.`,
    ]);
    expect(readdirSync(typedIn)).not.toContain('empty-copy.db');
  });

  it('into a folder that does not exist says so in one line, and exits 1', async () => {
    const { code, output } = await backup(join(folder, 'nightly', 'copy.db'), `file:${join(folder, 'live.db')}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringContaining(`The folder ${join(folder, 'nightly')} does not exist`)]);
  });

  it('into a file the system refuses says which and why in one line, not a stack trace, and exits 1', async () => {
    // A name past what the file system takes: as root (the tests' user at times) a folder's permissions refuse nothing.
    const target = join(folder, `${'x'.repeat(300)}.db`);
    const { code, output } = await backup(target, `file:${join(folder, 'live.db')}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([`备份失败：${target}：文件名过长（ENAMETOOLONG） / The backup failed: ${target}: the name is too long (ENAMETOOLONG)`]);
  });

  it('refuses an option or a second file with its usage line, and writes nothing', async () => {
    for (const more of [['--force'], ['second.db']]) {
      const { code, output } = await backup('unasked.db', `file:${join(folder, 'live.db')}`, more);
      expect(code, output).toBe(2);
      expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^用法：npm run backup -- 文件 .* \/ Usage: npm run backup -- FILE/)]);
    }
    expect(existsSync(join(typedIn, 'unasked.db'))).toBe(false);
  });
});
