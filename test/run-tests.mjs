// `npm test` after the build: every test (`vitest run`) and the type check (`tsc --noEmit`, as `npm run typecheck`)
// side by side. Alone before the tests, tsc took about 33 s of one core and a little of another, the rest of the
// machine idle; beside them it takes its share of a machine the tests keep busy. Run as a test of the run instead,
// it held one of the two test workers waiting on it for over a minute, and CI gained nothing.
//
// A type error still fails the command as early as before: tsc's errors are printed as soon as it ends, and the
// tests are stopped. Arguments go to vitest (`node test/run-tests.mjs api/routes`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

/** A child's exit code once it has ended, 1 for one ended by a signal. */
const exitOf = (child) => new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));

const typecheck = spawn(process.execPath, [tsc, '--noEmit', '-p', root], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let typeErrors = '';
typecheck.stdout.on('data', (chunk) => (typeErrors += chunk));
typecheck.stderr.on('data', (chunk) => (typeErrors += chunk));
const tests = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
let testsRunning = true;
const tested = exitOf(tests).then((code) => {
  testsRunning = false;
  return code;
});

const typesChecked = exitOf(typecheck).then((code) => {
  if (code !== 0) {
    process.stderr.write(`\nThe type check failed (tsc --noEmit -p .)${testsRunning ? '; the tests are stopped' : ''}:\n${typeErrors}\n`);
    if (testsRunning) tests.kill('SIGTERM');
  }
  return code;
});
const [typesCode, testsCode] = await Promise.all([typesChecked, tested]);
process.exitCode = typesCode !== 0 ? typesCode : testsCode;
