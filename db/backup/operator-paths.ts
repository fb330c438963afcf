import { isAbsolute, resolve } from 'node:path';

/** The database the command-line tools use when DATABASE_URL is not set: the server's default, in the package's folder. */
export const defaultDatabaseUrl = 'file:./data/battlemap.db';

/**
 * The folder the operator typed the command in. npm runs a package's scripts
 * in the package's folder and names the one it was started from INIT_CWD, so
 * a path resolved against the process's own folder lands in the package (a
 * nightly `npm run audit:verify` with `file:./battlemap.db` checked a new,
 * empty database there).
 */
function operatorFolder(env: NodeJS.ProcessEnv): string {
  return env.INIT_CWD ?? process.cwd();
}

/** A path the operator typed (a backup's file), as they meant it: relative to where they typed it. */
export function operatorPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(operatorFolder(env), path);
}

/**
 * DATABASE_URL, a relative `file:` path in it resolved from the operator's
 * folder; unset, {@link defaultDatabaseUrl}. A libSQL server's URL, an
 * absolute path and `:memory:` are kept as they are.
 */
export function databaseUrlOf(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (url === undefined) return defaultDatabaseUrl;
  if (!url.startsWith('file:')) return url;
  const rest = url.slice('file:'.length);
  const query = rest.search(/[?#]/);
  const path = query === -1 ? rest : rest.slice(0, query);
  if (path === '' || path.startsWith('/') || path.startsWith(':') || isAbsolute(path)) return url;
  return `file:${operatorPath(path, env)}${query === -1 ? '' : rest.slice(query)}`;
}
