import { describe, expect, it } from 'vitest';
import { absoluteDatabaseUrl } from './database-url';

describe('a database URL made absolute', () => {
  it('reads a relative file: path from the folder given, as SQLite would open it there, keeping what follows the path', () => {
    expect(absoluteDatabaseUrl('file:./data/battlemap.db', '/srv/battlemap')).toBe('file:/srv/battlemap/data/battlemap.db');
    expect(absoluteDatabaseUrl('file:battlemap.db', '/srv/battlemap')).toBe('file:/srv/battlemap/battlemap.db');
    expect(absoluteDatabaseUrl('file:../shared/battlemap.db', '/srv/battlemap')).toBe('file:/srv/shared/battlemap.db');
    expect(absoluteDatabaseUrl('file:battlemap.db?tls=0', '/srv/battlemap')).toBe('file:/srv/battlemap/battlemap.db?tls=0');
  });

  it('keeps an absolute path, an in-memory database and a libSQL server as they are', () => {
    for (const kept of ['file:/var/lib/battlemap.db', 'file:///var/lib/battlemap.db', 'file://localhost/var/lib/battlemap.db', 'file::memory:', 'http://127.0.0.1:8080', 'libsql://db.example', 'garbage']) {
      expect(absoluteDatabaseUrl(kept, '/srv/battlemap')).toBe(kept);
    }
  });
});
