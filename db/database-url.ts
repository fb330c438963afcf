import { isAbsolute, resolve } from 'node:path';

/** The database when DATABASE_URL is not set: data/battlemap.db in the folder the process runs in (npm runs every script in the package's). */
export const defaultDatabaseUrl = 'file:./data/battlemap.db';

/**
 * The URL with a relative `file:` path made absolute from `folder`, the
 * folder the process runs in by default, as SQLite reads it there. The one
 * rule for DATABASE_URL: the server and every command-line tool name the
 * same file by it (npm runs each script in the package's folder, wherever
 * the operator typed the command), and each says which file it is. A libSQL
 * server's URL, an absolute path and `:memory:` are kept as they are.
 */
export function absoluteDatabaseUrl(url: string, folder: string = process.cwd()): string {
  if (!url.startsWith('file:')) return url;
  const rest = url.slice('file:'.length);
  const query = rest.search(/[?#]/);
  const path = query === -1 ? rest : rest.slice(0, query);
  if (path === '' || path.startsWith('/') || path.startsWith(':') || isAbsolute(path)) return url;
  return `file:${resolve(folder, path)}${query === -1 ? '' : rest.slice(query)}`;
}
