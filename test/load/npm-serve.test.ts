import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../support/operator-cli';

/**
 * `npm run serve`, the README's production command, as a service manager
 * runs and stops it: SIGTERM to the npm process it started. npm forwards the
 * signal to the shell running the script, and a shell that is not replaced
 * by node (`exec`) dies of it, leaving node serving with no one to stop it.
 */
const folder = mkdtempSync(join(tmpdir(), 'battlemap-npm-serve-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portOpen = (port: number) =>
  new Promise<boolean>((answer) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      answer(true);
    });
    socket.once('error', () => answer(false));
  });

describe('npm run serve', () => {
  it('stops node when npm is sent SIGTERM, freeing the port; it reads a relative DATABASE_URL from the package folder and says the whole path', async () => {
    const database = join(folder, 'battlemap.db');
    const { BATTLEMAP_NOW: _now, ...inherited } = process.env;
    const npm = spawn('npm', ['run', 'serve'], {
      cwd: packageRoot,
      env: {
        ...inherited,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        // Relative, as an operator may write it: read from the package folder, where npm runs the script.
        DATABASE_URL: `file:${relative(packageRoot, database)}`,
        SEED_DEMO: 'false',
        BATTLEMAP_ADMIN_PASSWORD: 'a password long enough 1',
        LOG_REQUESTS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const npmExited = new Promise((done) => npm.on('exit', done));
    let node: number | undefined;
    try {
      await expect.poll(() => /serving at http:\/\/127\.0\.0\.1:\d+/.test(output), { timeout: 60_000 }).toBe(true);
      expect(output).toContain(`(database file:${database})`);
      const port = Number(/serving at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
      // The server marks the file it serves with its own pid (see claimServerMark): node's, not npm's.
      node = Number(readdirSync(`${database}.servers`)[0]);
      expect(node).not.toBe(npm.pid);
      expect(alive(node)).toBe(true);

      npm.kill('SIGTERM');
      await expect.poll(() => alive(node ?? 0), { timeout: 8_000 }).toBe(false);
      expect(await portOpen(port)).toBe(false);
      await npmExited;
      expect(output).toContain('SIGTERM: stopping');
    } finally {
      if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
      // Left running by a shell that died under it (the failure this test is for): stopped here, by its pid.
      if (node !== undefined && alive(node)) process.kill(node, 'SIGKILL');
    }
  }, 90_000);
});
