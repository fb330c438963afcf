import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The path of a `file:` URL's database, or null for a libSQL server (where file backups do not apply). */
export function localPathOf(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).replace(/^\/\/(localhost)?/, '');
  return path === ':memory:' || path.startsWith(':') ? null : resolve(path);
}

/** Each running server leaves its pid here (several processes may share one database file). */
const folderOf = (path: string) => `${path}.servers`;

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
 * the process dies: a pid that no longer runs is ignored and swept).
 */
export function claimServerMark(path: string): { release(): void } {
  const folder = folderOf(path);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, String(process.pid));
  writeFileSync(file, `${new Date().toISOString()}\n`);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { release };
}

/** The pids of live servers on this database file; stale marks of dead processes are removed. */
export function runningServers(path: string): number[] {
  const folder = folderOf(path);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) return [];
    if (alive(pid)) return [pid];
    rmSync(join(folder, name), { force: true });
    return [];
  });
}
