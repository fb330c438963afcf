import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/** The package's folder, where npm starts a script whatever folder the operator typed the command in. */
export const packageRoot = resolve(import.meta.dirname, '../..');

/**
 * One of the operator's commands (`npm run backup`, `restore`, `audit:verify`) as npm runs it: its script under tsx in
 * the package's folder, the folder the operator typed it in as INIT_CWD. Answers its exit status and what it printed.
 */
export function runOperatorCli(script: string, args: readonly string[], env: { readonly DATABASE_URL: string; readonly INIT_CWD: string }): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: packageRoot, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: stdout + stderr }),
    );
  });
}
