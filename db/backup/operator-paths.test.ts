import { describe, expect, it } from 'vitest';
import { databaseUrlOf, defaultDatabaseUrl, operatorPath } from './operator-paths';

/** npm ran the script in the package's folder; the operator typed the command in /srv/nightly. */
const env = { INIT_CWD: '/srv/nightly' };

describe('a path the operator typed', () => {
  it('is read from the folder npm was run in', () => {
    expect(operatorPath('battlemap-2026-06-15.db', env)).toBe('/srv/nightly/battlemap-2026-06-15.db');
    expect(operatorPath('../backups/b.db', env)).toBe('/srv/backups/b.db');
    expect(operatorPath('/backups/b.db', env)).toBe('/backups/b.db');
  });

  it('in DATABASE_URL, as a relative file: path, is read from there too; other URLs are kept', () => {
    expect(databaseUrlOf({ ...env, DATABASE_URL: 'file:./data/battlemap.db' })).toBe('file:/srv/nightly/data/battlemap.db');
    expect(databaseUrlOf({ ...env, DATABASE_URL: 'file:battlemap.db' })).toBe('file:/srv/nightly/battlemap.db');
    for (const kept of ['file:/var/lib/battlemap.db', 'file:///var/lib/battlemap.db', 'file://localhost/var/lib/battlemap.db', 'file::memory:', 'http://127.0.0.1:8080', 'libsql://db.example']) {
      expect(databaseUrlOf({ ...env, DATABASE_URL: kept })).toBe(kept);
    }
    // Unset: the server's default, in the package's folder where npm runs both.
    expect(databaseUrlOf(env)).toBe(defaultDatabaseUrl);
  });
});
