import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../db/project-path';
import { bundledScripts, removeLeftBundles } from './script-bundles';

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

  it("of a run stopped before its end are removed by a later run, not those of a run still going, nor the build's", () => {
    const dist = mkdtempSync(join(tmpdir(), 'bundles-'));
    const now = Date.now();
    for (const [name, hoursAgo] of [['test-scripts-stopped', 30], ['test-scripts-going', 0.2], ['server', 30]] as const) {
      mkdirSync(join(dist, name));
      writeFileSync(join(dist, name, 'write-worker.mjs'), '');
      const at = new Date(now - hoursAgo * 3_600_000);
      utimesSync(join(dist, name), at, at);
    }
    expect(removeLeftBundles(dist, now)).toEqual(['test-scripts-stopped']);
    expect(readdirSync(dist).sort()).toEqual(['server', 'test-scripts-going']);
  });
});
