import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseUrlOf, operatorPath } from './operator-paths';

/** npm ran the script in the package's folder; the operator typed the command in /srv/nightly. */
const env = { INIT_CWD: '/srv/nightly' };

describe('a path the operator typed', () => {
  it('is read from the folder npm was run in', () => {
    expect(operatorPath('battlemap-2026-06-15.db', env)).toBe('/srv/nightly/battlemap-2026-06-15.db');
    expect(operatorPath('../backups/b.db', env)).toBe('/srv/backups/b.db');
    expect(operatorPath('/backups/b.db', env)).toBe('/backups/b.db');
  });

  it('run without npm, is read from the folder the process runs in', () => {
    expect(operatorPath('b.db', {})).toBe(join(process.cwd(), 'b.db'));
  });
});

describe('DATABASE_URL, in the command-line tools', () => {
  it('names the database the server uses: a relative file: path is read from the folder the process runs in (the package folder, under npm), not the one npm was run in', () => {
    expect(databaseUrlOf({ ...env, DATABASE_URL: 'file:./data/battlemap.db' })).toBe(`file:${join(process.cwd(), 'data', 'battlemap.db')}`);
    expect(databaseUrlOf({ ...env, DATABASE_URL: 'file:battlemap.db' })).toBe(`file:${join(process.cwd(), 'battlemap.db')}`);
    expect(databaseUrlOf({ ...env, DATABASE_URL: 'http://127.0.0.1:8080' })).toBe('http://127.0.0.1:8080');
  });

  it("unset, is the server's default, in the same folder", () => {
    expect(databaseUrlOf(env)).toBe(`file:${join(process.cwd(), 'data', 'battlemap.db')}`);
  });
});
