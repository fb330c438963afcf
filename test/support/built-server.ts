import { existsSync } from 'node:fs';
import { projectPath } from '../../db/project-path';

/**
 * The server as `npm start` and `npm run serve` run it: the bundle that
 * `npm run build` writes, run by plain node (no TypeScript loader, whose
 * thread alone holds about 35 MB). The node arguments to start it with,
 * after any of the caller's own; fails with what to do when it was not built.
 */
export function builtServerArgs(): string[] {
  const script = projectPath('dist/server/server.mjs');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
  return ['--enable-source-maps', script];
}
