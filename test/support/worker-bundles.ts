import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { projectPath } from '../../db/project-path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Each worker script's source (file URL) → the run's bundle of it (file URL): see workerBundles. */
    workerBundles: Record<string, string>;
  }
}

const root = projectPath();

/** The scripts the tests start write workers from: the server's, and the full disk tests' (one group more). */
const entries = ['api/write-worker.ts', 'test/support/page-limit-worker.ts'];

/**
 * vitest's global setup: the write workers' scripts bundled once for the run, as `npm run build` bundles the
 * server's (esbuild, its packages left to node_modules), for the test databases to start their workers from.
 *
 * A worker started from the sources loads them under tsx on its own thread: about 2 CPU seconds for each test
 * database, where the bundle takes about a tenth of that, and nearly every test file opens one. Bundled at the
 * start of each run, so it is never older than the sources; into dist/ (git-ignored), inside the project, so that
 * the bundle finds the packages and the project's folder as the server's bundle does. Removed when the run ends.
 */
export default async function workerBundles(project: TestProject): Promise<() => void> {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const folder = mkdtempSync(join(root, 'dist', 'test-workers-'));
  const result = await build({
    entryPoints: entries.map((entry) => join(root, entry)),
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
  project.provide('workerBundles', bundles);
  return () => rmSync(folder, { recursive: true, force: true });
}
