import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { asc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { verifyAudit } from '../../db/audit/verify';
import { clues } from '../../db/schema';
import { remoteSessions, startServerProcess, type ServerProcess } from '../support/server-process';
import { testDatabase } from '../support/test-database';

/**
 * `npm run backup` taken while 10 clients move clues through a real server
 * process; the backup restored with `npm run restore` into a fresh file
 * verifies its audit chain and holds every move acknowledged before the
 * backup began.
 */
const root = resolve(import.meta.dirname, '../..');
const clients = 10;

let folder: Awaited<ReturnType<typeof testDatabase>>;
let server: ServerProcess;

beforeAll(async () => {
  folder = await testDatabase({ clues: 120, problems: 5 });
  folder.close();
  server = await startServerProcess(folder.url);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await folder?.drop();
});

function cli(script: 'backup' | 'restore', file: string, databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', `db/backup/${script}-cli.ts`, file], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: stdout + stderr }),
    );
  });
}

describe('backup under write load', () => {
  it('restores to a database whose audit chain verifies and that holds every move acknowledged before the backup began', async () => {
    const live = await openDatabase(folder.url);
    const picked = await live.db
      .select({ id: clues.id, version: clues.version, state: clues.state })
      .from(clues)
      .where(inArray(clues.state, ['verifying', 'unfounded']))
      .orderBy(asc(clues.id))
      .limit(20);
    live.close();
    expect(picked).toHaveLength(20);

    const sessions = await remoteSessions(server.url, 'office', clients);
    const acks: { id: number; version: number; at: number }[] = [];
    let stop = false;
    const load = Promise.all(
      sessions.map(async (session, n) => {
        const known = new Map(picked.map((c) => [c.id, { version: c.version, state: c.state as string }]));
        while (!stop) {
          const id = picked[Math.floor(Math.random() * picked.length)]?.id ?? 0;
          const seen = known.get(id);
          if (seen === undefined) continue;
          const move =
            seen.state === 'verifying'
              ? { to: 'unfounded', version: seen.version, payload: { conclusion: `client ${n}: 查无实据` } }
              : { to: 'verifying', version: seen.version, payload: { reason: `client ${n}: 新证据` } };
          const response = await session.post(`/api/clues/${id}/transitions`, move);
          const body = (await response.json()) as { version?: number; state?: string; current?: { version: number; state: string } };
          if (response.status === 200 && body.version !== undefined && body.state !== undefined) {
            acks.push({ id, version: body.version, at: performance.now() });
            known.set(id, { version: body.version, state: body.state });
          } else if (response.status === 409 && body.current !== undefined) {
            known.set(id, { version: body.current.version, state: body.current.state });
          }
        }
      }),
    );

    // Let the load run, take the backup in the middle of it, and keep writing while it is taken.
    await new Promise((r) => setTimeout(r, 1500));
    const backupFile = join(folder.folder, 'backup.db');
    const backupBegan = performance.now();
    const backup = await cli('backup', backupFile, folder.url);
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await load;
    expect(backup.code, backup.output).toBe(0);
    const before = acks.filter((a) => a.at < backupBegan);
    expect(before.length).toBeGreaterThan(0);
    expect(acks.length).toBeGreaterThan(before.length);

    // The server still runs on the live file: a restore over it is refused and leaves it alone.
    const refused = await cli('restore', backupFile, folder.url);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is running/);

    const restoredUrl = `file:${join(folder.folder, 'restored', 'battlemap.db')}`;
    const restore = await cli('restore', backupFile, restoredUrl);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/audit log intact/);

    const restored = await openDatabase(restoredUrl);
    expect((await verifyAudit(restored.db)).ok).toBe(true);
    const versions = new Map((await restored.db.select({ id: clues.id, version: clues.version }).from(clues)).map((c) => [c.id, c.version]));
    restored.close();
    const missing = before.filter((a) => (versions.get(a.id) ?? 0) < a.version);
    expect(missing).toEqual([]);
    expect(existsSync(backupFile)).toBe(true);
    // Three CLI processes start under tsx; on a busy shared machine that alone takes seconds.
  }, 120_000);
});
