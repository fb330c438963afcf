import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleOf } from './bundle-of';

/** The package's folder, where npm starts a script whatever folder the operator typed the command in. */
export const packageRoot = resolve(import.meta.dirname, '../..');

/**
 * One of the operator's commands (`npm run import`, `backup`, `restore`, `audit:verify`) as npm runs it: in the
 * package's folder, the folder the operator typed it in as INIT_CWD. Answers its exit status and what it printed.
 *
 * npm runs the script's source under tsx; the tests run the run's bundle of the same source (script-bundles.ts),
 * about 0.6 CPU seconds a run against 2.1, some fifty runs. That package.json runs these sources is checked in
 * script-bundles.test.ts, and test/load/backup.test.ts runs backup and restore under tsx as npm does. A script the
 * run did not bundle runs under tsx here too.
 */
export async function runOperatorCli(script: string, args: readonly string[], env: { readonly DATABASE_URL: string; readonly INIT_CWD: string }): Promise<{ code: number; output: string }> {
  const source = pathToFileURL(resolve(packageRoot, script));
  const bundle = await bundleOf(source);
  const command = bundle.href === source.href ? ['--import', 'tsx', script] : ['--enable-source-maps', bundle.pathname];
  return new Promise((done) => {
    execFile(process.execPath, [...command, ...args], { cwd: packageRoot, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: stdout + stderr }),
    );
  });
}
