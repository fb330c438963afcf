import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../db/project-path';
import { bundledScripts } from './script-bundles';

const scripts = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the scripts the tests run from bundles', () => {
  // The commands' tests run a bundle of each command's source, not `npm run`: the source npm runs must be that one.
  it('are the sources the operator commands of package.json run under tsx', () => {
    const commands = { import: 'api/import-cli.ts', 'audit:verify': 'db/audit/verify-cli.ts', backup: 'db/backup/backup-cli.ts', restore: 'db/backup/restore-cli.ts' };
    for (const [name, source] of Object.entries(commands)) {
      expect(scripts[name], name).toBe(`tsx ${source}`);
      expect(bundledScripts, name).toContain(source);
    }
  });

  it('are files of the project', () => {
    for (const script of bundledScripts) expect(existsSync(projectPath(script)), script).toBe(true);
  });
});
