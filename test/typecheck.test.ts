import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { projectPath } from '../db/project-path';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * The whole project type-checks, as `npm run typecheck` checks it, within the test run rather than before it: tsc
 * takes about 33 s of one core (a little of another), and alone ahead of the tests it left the second core idle all
 * that time. The run starts it first (see type-check-first.ts), beside the first browser tests. Its errors, if any,
 * are this test's failure, word for word as tsc prints them.
 */
test('the whole project type-checks (tsc --noEmit)', async () => {
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', projectPath()], { cwd: projectPath(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: `${stdout}${stderr}` }),
    );
  });
  expect(output).toBe('');
  expect(code).toBe(0);
}, 300_000);
