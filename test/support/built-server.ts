import { existsSync } from 'node:fs';
import { projectPath } from '../../db/project-path';

/**
 * The node arguments the server runs with, before its script: package.json's
 * `serve` (and so `npm start`) writes the same after `exec node`, and so
 * should a service that runs node directly (built-server.test.ts checks).
 *
 * `--max-semi-space-size=8`: V8 grows the young generation of each heap (the
 * main thread's and the write worker's) up to 16 MB a half under a burst of
 * allocation, such as a start that sweeps 100,000 open items or the first
 * boards of a large campaign, and keeps it. A server of 100,000 clues after
 * 210 boards held 198–236 MB that way (VmRSS, three runs; issue #9's goal is
 * 200), 185–188 MB with halves of at most 8 MB and 165–169 MB with 4 MB; its
 * boards took 10.1–10.3 ms against 9.6–10.0. Halves of 4 MB cost the moves
 * about 5 % more CPU in one paired run and a 50,000-row import 3 % more time;
 * 8 MB is the middle. The 100,000-clue report took the same time either way.
 */
export const serverNodeArgs = ['--max-semi-space-size=8', '--enable-source-maps'] as const;

/** Where `npm run build` writes the server's bundle, from the repository's root. */
export const serverScript = 'dist/server/server.mjs';

/**
 * The server as `npm start` and `npm run serve` run it: the bundle that
 * `npm run build` writes, run by plain node (no TypeScript loader, whose
 * thread alone holds about 35 MB). The node arguments to start it with,
 * after any of the caller's own; fails with what to do when it was not built.
 */
export function builtServerArgs(): string[] {
  const script = projectPath(serverScript);
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
  return [...serverNodeArgs, script];
}
