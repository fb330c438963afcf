import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../api/services/people/first-start';
import { testNow } from '../../test/support/test-database';
import { openDatabase } from '../client';
import { packageRoot, runOperatorCli } from '../../test/support/operator-cli';

/** `npm run restore` as the operator runs it (test/support/operator-cli.ts). */
const root = packageRoot;

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-restore-cli-'));
  const database = await openDatabase(`file:${join(folder, 'source.db')}`);
  // One audit entry, so that the backup's own log is told from another database's empty one.
  await createFirstAdmin(database, 'a password long enough 1', testNow);
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [join(folder, 'backup.db')] });
  await database.close();
  // The database a restore would replace: a file no connection of this process holds.
  copyFileSync(join(folder, 'backup.db'), join(folder, 'live.db'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const restore = (file: string, databaseUrl: string) => runOperatorCli('db/backup/restore-cli.ts', [file], { DATABASE_URL: databaseUrl, INIT_CWD: folder });

describe('npm run restore', () => {
  it('refuses a truncated backup in one line naming it and why, exits 1, and leaves the database alone', async () => {
    const truncated = join(folder, 'truncated.db');
    writeFileSync(truncated, readFileSync(join(folder, 'backup.db')).subarray(0, 20_000));
    const live = readFileSync(join(folder, 'live.db'));
    const { code, output } = await restore(truncated, `file:${join(folder, 'live.db')}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`The backup ${truncated} is damaged`))]);
    expect(readFileSync(join(folder, 'live.db')).equals(live)).toBe(true);
  });

  it('reads a relative FILE in the folder npm was run in, and a relative DATABASE_URL from the package folder, as the server does', async () => {
    const typedIn = join(folder, 'operator');
    mkdirSync(typedIn);
    copyFileSync(join(folder, 'backup.db'), join(typedIn, 'nightly.db'));
    const { code, output } = await runOperatorCli('db/backup/restore-cli.ts', ['nightly.db'], { DATABASE_URL: `file:${relative(root, join(folder, 'restored', 'battlemap.db'))}`, INIT_CWD: typedIn });
    expect(code, output).toBe(0);
    // One line, Chinese first as the bureau reads it, then the English.
    const restored = `file:${join(folder, 'restored', 'battlemap.db')}`;
    expect(output.trim().split('\n')[0]).toBe(
      `已将 ${join(typedIn, 'nightly.db')} 恢复到 ${restored}：审计日志完整，共 1 条；0 项回放结果与存储状态一致；0 个附件的 SHA-256 与记录一致 / ` +
        `Restored ${join(typedIn, 'nightly.db')} into ${restored}: audit log intact, 1 entries, 0 items replay to their stored state, 0 attached files have the SHA-256 recorded.`,
    );
    expect(existsSync(join(typedIn, 'restored'))).toBe(false);
  });

  it('sets aside a -wal and -shm left beside a database that is no longer there, so that SQLite does not replay them into the restored one', async () => {
    // A crash: another database's last writes still in its WAL. The operator moves the broken file aside and restores.
    const crashed = join(folder, 'crashed.db');
    const other = await openDatabase(`file:${crashed}`);
    const server = join(folder, 'srv');
    mkdirSync(server);
    const target = join(server, 'battlemap.db');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${crashed}${suffix}`, `${target}${suffix}`);
    await other.close();
    renameSync(target, join(server, 'broken.db'));
    const staleWal = readFileSync(`${target}-wal`);
    expect(staleWal.length).toBeGreaterThan(0);

    const { code, output } = await restore(join(folder, 'backup.db'), `file:${target}`);
    expect(code, output).toBe(0);
    // Opened by another process, as the server would open it: the backup's own log, whole.
    const verified = await runOperatorCli('db/audit/verify-cli.ts', [], { DATABASE_URL: `file:${target}`, INIT_CWD: folder });
    expect(verified.code, verified.output).toBe(0);
    expect(verified.output).toMatch(/audit log intact: 1 entries/);

    // Kept, as a database restore replaces is, and said.
    const kept = readdirSync(server).filter((name) => name.startsWith('battlemap.db.replaced-')).sort();
    expect(kept).toEqual([expect.stringMatching(/-shm$/), expect.stringMatching(/-wal$/)]);
    expect(readFileSync(join(server, kept[1] ?? '')).equals(staleWal)).toBe(true);
    expect(output).toMatch(new RegExp(`^原数据库位置留有日志文件而没有数据库，这些文件保留为 .*${kept[1]}.* / The log files left where the database was, without it, are kept as .*${kept[1]}`, 'm'));
    expect(readdirSync(server).sort()).toEqual(['battlemap.db', ...kept, 'broken.db'].sort());
  });

  it('into a folder the system refuses says which and why in one line, not a stack trace, and exits 1', async () => {
    // The database's folder inside a file: the folder cannot be made. As root (the tests' user at times) permissions refuse nothing.
    writeFileSync(join(folder, 'a-file'), 'x');
    const target = join(folder, 'a-file', 'srv', 'battlemap.db');
    const { code, output } = await restore(join(folder, 'backup.db'), `file:${target}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^恢复失败：.*a-file.*：路径中有一段是文件而不是文件夹（ENOTDIR） \/ The restore failed: .*a-file.*: a part of the path is a file, not a folder \(ENOTDIR\)$/)]);
  });

  it('refuses an option or a second file with its usage line, and leaves the database alone', async () => {
    const live = readFileSync(join(folder, 'live.db'));
    for (const more of [['--force'], ['second.db']]) {
      const { code, output } = await runOperatorCli('db/backup/restore-cli.ts', [join(folder, 'backup.db'), ...more], { DATABASE_URL: `file:${join(folder, 'live.db')}`, INIT_CWD: folder });
      expect(code, output).toBe(2);
      expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^用法：npm run restore -- 文件 .* \/ Usage: npm run restore -- FILE/)]);
    }
    expect(readFileSync(join(folder, 'live.db')).equals(live)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.startsWith('live.db.replaced-'))).toEqual([]);
  });
});
