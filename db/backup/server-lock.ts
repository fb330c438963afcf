import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The path of a `file:` URL's database, or null for a libSQL server (where file backups do not apply). */
export function localPathOf(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).replace(/^\/\/(localhost)?/, '');
  return path === ':memory:' || path.startsWith(':') ? null : resolve(path);
}

/**
 * The file SQLite opens at `path`: symlinks followed, as SQLite follows
 * them. For a file not there yet, the file a symlink left dangling names,
 * or the name in its folder's real path. `links` bounds a loop of symlinks.
 */
export function realPathOf(path: string, links = 0): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there (yet), or a loop: see below.
  }
  if (links < 40) {
    try {
      return realPathOf(resolve(dirname(path), readlinkSync(path)), links + 1);
    } catch {
      // Not a symlink.
    }
  }
  const folder = dirname(path);
  return folder === path ? path : join(realPathOf(folder, links), basename(path));
}

/**
 * Each running server leaves its pid here (several processes may share one
 * database file). Named after the file's real path: a server on a symlink
 * and a restore onto the file it points to (or the other way round) see
 * the same marks.
 */
const folderOf = (path: string) => `${realPathOf(path)}.servers`;

/**
 * Which process holds `pid`, where Linux says (/proc): the boot it runs in
 * and the instant it started, in clock ticks since that boot. A pid is given
 * to another process once its own ends, and after a reboot to anything, so a
 * pid alone names no process; these two together do. Null elsewhere, or when
 * there is no such process.
 */
function processIdentity(pid: number): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command's name, in brackets, which may itself hold spaces and brackets: the state is field 3, the start time field 22.
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3];
    return startTicks === undefined ? null : `${boot} ${startTicks}`;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks the database as in use by this process until `release` (or until
 * the process dies: a pid that no longer runs, or that another process now
 * has, is ignored and swept). The mark names the pid, and holds the time and
 * the process's identity (see processIdentity).
 */
export function claimServerMark(path: string): { release(): void } {
  return writeMark(path, String(process.pid), false);
}

/**
 * Writes this process's mark `name` in the database file's folder of marks,
 * taken away on `release` or when the process exits; with `folderToo`, the
 * folder as well once no other mark is in it.
 */
function writeMark(path: string, name: string, folderToo: boolean): { release(): void } {
  const folder = folderOf(path);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, name);
  writeFileSync(file, `${new Date().toISOString()}\n${processIdentity(process.pid) ?? ''}\n`);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(file, { force: true });
    if (folderToo) {
      try {
        rmdirSync(folder);
      } catch {
        // A server's or another restore's mark is there, or the folder is gone already.
      }
    }
    process.off('exit', release);
  };
  process.on('exit', release);
  return { release };
}

/**
 * Whether the process that wrote the mark `file` for `pid` still runs: the
 * pid is alive and, where the mark says which process it was, still that
 * one. A mark without it (written elsewhere than Linux, or by an earlier
 * version) goes by the pid alone.
 */
function stillRunning(pid: number, file: string): boolean {
  if (!alive(pid)) return false;
  let recorded = '';
  try {
    recorded = readFileSync(file, 'utf8').split('\n')[1]?.trim() ?? '';
  } catch {
    // Swept by another restore's check meanwhile: its process is gone.
    return false;
  }
  if (recorded === '') return true;
  const now = processIdentity(pid);
  return now === null || now === recorded;
}

/**
 * The pids of the live marks in this database file's folder of marks that
 * `pidOf` reads a pid from (a server's, a restore's); stale marks (their
 * process gone, their pid another's) are removed.
 */
function liveMarks(path: string, pidOf: (name: string) => number): number[] {
  const folder = folderOf(path);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const pid = pidOf(name);
    if (!Number.isInteger(pid) || pid <= 0) return [];
    if (stillRunning(pid, join(folder, name))) return [pid];
    rmSync(join(folder, name), { force: true });
    return [];
  });
}

/** The pids of live servers on this database file (a server's mark is its pid alone). */
export function runningServers(path: string): number[] {
  return liveMarks(path, Number);
}

/** A restore's mark: named apart from a server's (a pid alone), and unique, as two restores may run in one process. */
const restoreMark = /^restore-(\d+)-/;

/**
 * Marks the database as being restored by this process until `release` (or
 * until the process dies). A server starting on it meanwhile refuses to
 * (see runningRestores), and so does a second restore: two restores at once
 * shared one staging file, and one's rename left no database at all; a
 * server started during a restore's verification was moved aside with the
 * file it had opened, and wrote into the copy the operator was told to delete.
 */
export function claimRestoreMark(path: string): { readonly name: string; release(): void } {
  const name = `restore-${process.pid}-${randomUUID()}`;
  // The folder too when no one else marks the file: a restore leaves nothing beside the database it put in place.
  return { name, ...writeMark(path, name, true) };
}

/** The pids of restores under way into this database file, but the one whose mark is `own`. */
export function runningRestores(path: string, own?: string): number[] {
  return liveMarks(path, (name) => (name === own ? Number.NaN : Number(restoreMark.exec(name)?.[1])));
}
