import { resolve } from 'node:path';
import { absoluteDatabaseUrl, defaultDatabaseUrl } from '../database-url';

/**
 * The folder the operator typed the command in. npm runs a package's scripts
 * in the package's folder and names the one it was started from INIT_CWD, so
 * a file named on the command line and resolved against the process's own
 * folder lands in the package (`npm --prefix /srv/battlemap run backup --
 * nightly.db` wrote the backup there).
 */
function operatorFolder(env: NodeJS.ProcessEnv): string {
  return env.INIT_CWD ?? process.cwd();
}

/** A file the operator named on the command line (a backup, an import's file), as they meant it: relative to where they typed it. */
export function operatorPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(operatorFolder(env), path);
}

/**
 * DATABASE_URL as the server reads it (unset, {@link defaultDatabaseUrl}),
 * a relative `file:` path made absolute from the folder the process runs in,
 * not the operator's: a setting names one database for the server and the
 * tools alike, wherever a command is typed (see absoluteDatabaseUrl).
 */
export function databaseUrlOf(env: NodeJS.ProcessEnv = process.env): string {
  return absoluteDatabaseUrl(env.DATABASE_URL ?? defaultDatabaseUrl);
}
