import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';

/** `npm run restore` as the operator runs it: npm starts it in the package's folder, with the folder they typed it in as INIT_CWD. */
const root = resolve(import.meta.dirname, '../..');

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-restore-cli-'));
  const database = await openDatabase(`file:${join(folder, 'live.db')}`);
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [join(folder, 'backup.db')] });
  await database.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function restore(file: string, databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'db/backup/restore-cli.ts', file], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: folder } }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: stdout + stderr }),
    );
  });
}

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

  it('reads a relative FILE and DATABASE_URL in the folder npm was run in, not the package folder', async () => {
    const { code, output } = await restore('backup.db', 'file:./restored/battlemap.db');
    expect(code, output).toBe(0);
    expect(output).toContain(`Restored ${join(folder, 'backup.db')} into file:${join(folder, 'restored', 'battlemap.db')}: audit log intact`);
    expect(existsSync(join(root, 'restored'))).toBe(false);
  });
});
