import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';

/** `npm run backup` as the operator runs it: npm starts it in the package's folder, with the folder they typed it in as INIT_CWD. */
const root = resolve(import.meta.dirname, '../..');

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-backup-cli-'));
  await (await openDatabase(`file:${join(folder, 'live.db')}`)).close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function backup(file: string, databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'db/backup/backup-cli.ts', file], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: folder } }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: stdout + stderr }),
    );
  });
}

describe('npm run backup', () => {
  it('reads a relative DATABASE_URL and writes a relative FILE in the folder npm was run in, not the package folder', async () => {
    const { code, output } = await backup('copy.db', 'file:./live.db');
    expect(code, output).toBe(0);
    expect(output).toContain(`Backed up file:${join(folder, 'live.db')} to ${join(folder, 'copy.db')}`);
    expect(existsSync(join(folder, 'copy.db'))).toBe(true);
    expect(existsSync(join(root, 'copy.db'))).toBe(false);
  });

  it('into a folder that does not exist says so in one line, and exits 1', async () => {
    const { code, output } = await backup(join(folder, 'nightly', 'copy.db'), `file:${join(folder, 'live.db')}`);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringContaining(`The folder ${join(folder, 'nightly')} does not exist`)]);
  });
});
