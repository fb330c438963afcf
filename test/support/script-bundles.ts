import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { projectPath } from '../../db/project-path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Each bundled script's source (file URL) → the run's bundle of it (file URL): see scriptBundles. */
    scriptBundles: Record<string, string>;
  }
}

const root = projectPath();

/**
 * The scripts the tests start as threads or processes of their own: the write workers' (the server's, and the full
 * disk tests', one group more) and the operator's commands.
 */
export const bundledScripts = [
  'api/write-worker.ts',
  'test/support/page-limit-worker.ts',
  'api/import-cli.ts',
  'db/audit/verify-cli.ts',
  'db/backup/backup-cli.ts',
  'db/backup/restore-cli.ts',
];

/**
 * vitest's global setup: the scripts of {@link bundledScripts} bundled once for the run, as `npm run build` bundles the
 * server's (esbuild, its packages left to node_modules), for the tests to start them from (see bundle-of.ts).
 *
 * A script started from the sources loads them under tsx on its own thread or in its own process: about 2 CPU
 * seconds each time, where the bundle takes a third of that or less (a write worker 0.7, a command 0.6), and nearly
 * every test file opens a database with a worker; the commands' tests run them some fifty times. Bundled at the
 * start of each run, so never older than the sources; into dist/ (git-ignored), inside the project, so that a bundle
 * finds the packages and the project's folder as the server's bundle does. Removed when the run ends.
 */
export default async function scriptBundles(project: TestProject): Promise<() => void> {
  mkdirSync(join(root, 'dist'), { recursive: true });
  removeLeftBundles(join(root, 'dist'));
  const folder = mkdtempSync(join(root, 'dist', 'test-scripts-'));
  const result = await build({
    entryPoints: bundledScripts.map((entry) => join(root, entry)),
    outbase: root,
    outdir: folder,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    metafile: true,
  });
  const bundles: Record<string, string> = {};
  for (const [output, { entryPoint }] of Object.entries(result.metafile.outputs)) {
    if (entryPoint !== undefined) bundles[pathToFileURL(join(root, entryPoint)).href] = pathToFileURL(resolve(root, output)).href;
  }
  project.provide('scriptBundles', bundles);
  return () => rmSync(folder, { recursive: true, force: true });
}

/** Older than any run takes (CI's whole run is some fifteen minutes): a run still going has its bundles younger. */
const leftAfterMs = 6 * 60 * 60 * 1000;

/**
 * The bundles of runs stopped before their end (Ctrl-C, a killed CI job), which never removed theirs: each run left
 * a folder of some megabytes in dist/. Those of a run still going beside this one are younger than {@link leftAfterMs}.
 */
export function removeLeftBundles(dist: string, now = Date.now()): string[] {
  const left = readdirSync(dist).filter((name) => name.startsWith('test-scripts-') && now - statSync(join(dist, name)).mtimeMs > leftAfterMs);
  for (const name of left) rmSync(join(dist, name), { recursive: true, force: true });
  return left;
}
