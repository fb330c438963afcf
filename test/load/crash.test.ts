import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, clues } from '../../db/schema';
import { remoteSession, startServerProcess, type ServerProcess } from '../support/server-process';
import { testDatabase } from '../support/test-database';

let folder: Awaited<ReturnType<typeof testDatabase>>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  folder = await testDatabase({ clues: 120, problems: 5 });
  folder.close();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await folder?.drop();
});

/** Ten clues in verifying, with their versions, as the database holds them now. */
async function verifying() {
  const reader = await openDatabase(folder.url);
  const picked = await reader.db.select({ id: clues.id, version: clues.version, state: clues.state }).from(clues).where(eq(clues.state, 'verifying')).limit(10);
  void reader.close();
  expect(picked.length).toBeGreaterThan(0);
  return picked;
}

/**
 * Ten writers, one clue each, moving it verifying ⇄ unfounded until stopped
 * or until the server stops answering, so nearly every move succeeds; the
 * version each acknowledged move left is recorded.
 */
function moveLoad(url: string, picked: readonly { id: number; version: number; state: string }[]) {
  const acknowledged = new Map<number, number>();
  let stopped = false;
  const writers = picked.map(async (clue) => {
    let session: Awaited<ReturnType<typeof remoteSession>>;
    try {
      session = await remoteSession(url, 'office');
    } catch {
      // The server went before this writer signed in: it acknowledged nothing of this writer's.
      return;
    }
    let { version, state } = clue;
    while (!stopped) {
      const move = state === 'verifying' ? { to: 'unfounded', version, payload: { conclusion: '查无实据' } } : { to: 'verifying', version, payload: { reason: '新证据' } };
      try {
        const response = await session.post(`/api/clues/${clue.id}/transitions`, move);
        if (response.status !== 200) break;
        ({ version, state } = (await response.json()) as { version: number; state: string });
        acknowledged.set(clue.id, version);
      } catch {
        // The connection died with the server: this move was never acknowledged.
        break;
      }
    }
  });
  return {
    acknowledged,
    /** Resolves once `count` clues have a move acknowledged: a fixed wait was too short on a busy machine, where ten sign-ins alone take seconds. */
    until: async (count: number) => {
      for (let waited = 0; acknowledged.size < count; waited += 50) {
        if (waited > 60_000) throw new Error(`only ${acknowledged.size} clues moved in a minute`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async () => {
      stopped = true;
      await Promise.all(writers);
    },
  };
}

/** The database holds every acknowledged move (the clue at that version or later, with its audit entry), and its audit chain verifies. */
async function expectKept(acknowledged: ReadonlyMap<number, number>): Promise<void> {
  const after = await openDatabase(folder.url);
  expect(await verifyAudit(after.db)).toMatchObject({ ok: true });
  for (const [id, version] of acknowledged) {
    const [row] = await after.db.select({ version: clues.version }).from(clues).where(eq(clues.id, id));
    expect(row?.version ?? 0).toBeGreaterThanOrEqual(version);
    const [entry] = await after.db.select({ seq: auditLog.seq }).from(auditLog).where(and(eq(auditLog.subject, 'clue'), eq(auditLog.subjectId, id), eq(auditLog.version, version)));
    expect(entry, `clue ${id} version ${version}`).toBeDefined();
  }
  void after.close();
}

describe('a server killed under write load', () => {
  it('restarts on an intact database holding every move it acknowledged', async () => {
    server = await startServerProcess(folder.url);
    const picked = await verifying();
    const load = moveLoad(server.url, picked);
    await load.until(picked.length);
    expect(await server.stop('SIGKILL')).toBeNull();
    await load.stop();

    // The restart opens the same file, recovers the WAL, and keeps the data (no re-seed).
    server = await startServerProcess(folder.url);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(server.output()).not.toContain('Seeded the demo');

    await expectKept(load.acknowledged);
  }, 120_000);

  it('stops on SIGTERM while moves are in flight: it exits cleanly, and every move it answered is kept', async () => {
    await server?.stop('SIGKILL');
    server = await startServerProcess(folder.url);
    const picked = await verifying();
    const load = moveLoad(server.url, picked);
    await load.until(picked.length);
    // The moves keep coming while it stops: those it took in are committed (on its write worker) and answered first.
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('SIGTERM: stopping');
    expect(server.output()).not.toContain('write worker failed');
    await load.stop();
    await expectKept(load.acknowledged);
  }, 120_000);

  it('stops cleanly on Ctrl-C (SIGINT) and starts again on the same data', async () => {
    await server?.stop('SIGKILL');
    server = await startServerProcess(folder.url);
    const office = await remoteSession(server.url, 'office');
    const before = (await (await office.get('/api/campaigns/1/board')).json()) as { columns: { count: number }[] };
    expect(await server.stop('SIGINT')).toBe(0);
    expect(server.output()).toContain('SIGINT: stopping');
    server = await startServerProcess(folder.url);
    const again = await remoteSession(server.url, 'office');
    const after = (await (await again.get('/api/campaigns/1/board')).json()) as { columns: { count: number }[] };
    expect(after.columns.map((c) => c.count)).toEqual(before.columns.map((c) => c.count));
  }, 120_000);
});
