import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { packageRoot, runOperatorCli } from '../../test/support/operator-cli';

/** `npm run backup` as the operator runs it (test/support/operator-cli.ts). */
const root = packageRoot;

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-backup-cli-'));
  await (await openDatabase(`file:${join(folder, 'live.db')}`)).close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const backup = (file: string, databaseUrl: string) => runOperatorCli('db/backup/backup-cli.ts', [file], { DATABASE_URL: databaseUrl, INIT_CWD: folder });

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
