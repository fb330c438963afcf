import { closeSync, existsSync, lstatSync, openSync, readlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates `path` empty, readable and writable by its owner only, unless it
 * exists already (then its mode is the operator's to choose). A database
 * holds password hashes and police data, and SQLite creates a database file
 * 0644 (less the umask), open to every account on the machine; it gives the
 * -wal, -shm and -journal it makes beside one the database file's mode, and
 * opens an empty file as a new database, as VACUUM INTO writes into one.
 */
export function createOwnerOnlyFile(path: string, links = 0): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A symlink naming no file yet exists to 'wx', and SQLite then made the file it names 0644: that file is made here.
    // `links` bounds a loop of symlinks.
    if (links < 40 && !existsSync(path) && lstatSync(path).isSymbolicLink()) createOwnerOnlyFile(resolve(dirname(path), readlinkSync(path)), links + 1);
  }
}
