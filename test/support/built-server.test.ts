import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { projectPath } from '../../db/project-path';
import { serverNodeArgs, serverScript } from './built-server';

describe('the server as the tests and the bench start it', () => {
  test('is started with the node arguments of `npm run serve`, so what they measure is what `npm start` serves', () => {
    const scripts = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.serve).toBe(['node', ...serverNodeArgs, serverScript].join(' '));
    expect(scripts.start).toContain('npm run serve');
  });
});
