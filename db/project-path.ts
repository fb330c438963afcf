import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * A path inside the project (the folder of its package.json), found from
 * the folder of the running code: the sources run from their own folders
 * (under tsx, in tests and the command-line tools), the server from its
 * bundle in dist/server, so a path written relative to the file would point
 * elsewhere in each.
 */
export function projectPath(...parts: readonly string[]): string {
  if (root === undefined) {
    let dir = import.meta.dirname;
    while (!existsSync(join(dir, 'package.json'))) {
      const up = dirname(dir);
      if (up === dir) throw new Error(`no package.json in ${import.meta.dirname} or above it`);
      dir = up;
    }
    root = dir;
  }
  return join(root, ...parts);
}
