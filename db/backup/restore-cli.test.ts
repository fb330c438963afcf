import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { packageRoot, runOperatorCli } from '../../test/support/operator-cli';

/** `npm run restore` as the operator runs it (test/support/operator-cli.ts). */
const root = packageRoot;

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-restore-cli-'));
  const database = await openDatabase(`file:${join(folder, 'live.db')}`);
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [join(folder, 'backup.db')] });
  await database.close();
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

  it('reads a relative FILE and DATABASE_URL in the folder npm was run in, not the package folder', async () => {
    const { code, output } = await restore('backup.db', 'file:./restored/battlemap.db');
    expect(code, output).toBe(0);
    expect(output).toContain(`Restored ${join(folder, 'backup.db')} into file:${join(folder, 'restored', 'battlemap.db')}: audit log intact`);
    expect(existsSync(join(root, 'restored'))).toBe(false);
  });
});
