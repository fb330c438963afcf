import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { projectPath } from '../../db/project-path';
import { serverNodeArgs, serverScript } from './built-server';

describe('the server as the tests and the bench start it', () => {
  test('is started with the node arguments of `npm run serve`, so what they measure is what `npm start` serves', () => {
    const scripts = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    // exec: the shell npm runs the script in becomes node, so the SIGTERM npm forwards to it reaches the server (test/load/npm-serve.test.ts).
    expect(scripts.serve).toBe(['exec', 'node', ...serverNodeArgs, serverScript].join(' '));
    expect(scripts.start).toMatch(/&& exec npm run serve$/);
  });
});
