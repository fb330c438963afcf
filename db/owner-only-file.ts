import { closeSync, openSync } from 'node:fs';

/**
 * Creates `path` empty, readable and writable by its owner only, unless it
 * exists already (then its mode is the operator's to choose). A database
 * holds password hashes and police data, and SQLite creates a database file
 * 0644 (less the umask), open to every account on the machine; it gives the
 * -wal, -shm and -journal it makes beside one the database file's mode, and
 * opens an empty file as a new database, as VACUUM INTO writes into one.
 */
export function createOwnerOnlyFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
