import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, clues } from '../../db/schema';
import { remoteSessions, startServerProcess, type ServerProcess } from '../support/server-process';
import { testDatabase } from '../support/test-database';

/**
 * 50 clients, all signed in as the office, move the same 20 clues at random
 * for 10 seconds against a real server process. The moves cycle verifying →
 * unfounded → verifying (reopen), so legal moves never run out; each client
 * tracks versions from its answers, and conflicts (409) are expected.
 */
const clients = 50;
const durationMs = 10_000;

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

describe('50 concurrent clients on 20 clues', () => {
  it('answers every request, and leaves each clue equal to the replay of its audit entries with no version gaps', async () => {
    const database = await openDatabase(folder.url);
    const picked = await database.db
      .select({ id: clues.id, version: clues.version, state: clues.state })
      .from(clues)
      .where(inArray(clues.state, ['verifying', 'unfounded']))
      .orderBy(asc(clues.id))
      .limit(20);
    expect(picked).toHaveLength(20);
    const startVersion = new Map(picked.map((c) => [c.id, c.version]));

    const sessions = await remoteSessions(server.url, 'office', clients);
    const tally = { ok: 0, conflict: 0, refused: 0, other: [] as string[] };
    const acknowledged = new Map<number, number>();
    const deadline = Date.now() + durationMs;

    await Promise.all(
      sessions.map(async (session, n) => {
        // Each client's own view of the clues, updated only from its answers.
        const known = new Map(picked.map((c) => [c.id, { version: c.version, state: c.state as string }]));
        while (Date.now() < deadline) {
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
            tally.ok += 1;
            known.set(id, { version: body.version, state: body.state });
            acknowledged.set(id, Math.max(acknowledged.get(id) ?? 0, body.version));
          } else if (response.status === 409 && body.current !== undefined) {
            tally.conflict += 1;
            known.set(id, { version: body.current.version, state: body.current.state });
          } else if (response.status === 422) {
            tally.refused += 1;
          } else {
            tally.other.push(`${response.status} ${JSON.stringify(body)}`);
          }
        }
      }),
    );

    expect(tally.other).toEqual([]);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.conflict).toBeGreaterThan(0);
    console.log(`concurrency: ${tally.ok} moves, ${tally.conflict} conflicts, ${tally.refused} refusals in ${durationMs / 1000} s (${(tally.ok / (durationMs / 1000)).toFixed(0)} moves/s)`);

    // Every accepted move is one audit entry; versions rise by one per entry with no gaps.
    let moves = 0;
    for (const clue of picked) {
      const entries = await database.db
        .select({ version: auditLog.version })
        .from(auditLog)
        .where(and(eq(auditLog.subject, 'clue'), eq(auditLog.subjectId, clue.id)))
        .orderBy(asc(auditLog.seq));
      expect(entries.map((e) => e.version)).toEqual(entries.map((_, k) => k + 1));
      const [row] = await database.db.select({ version: clues.version }).from(clues).where(eq(clues.id, clue.id));
      expect(row?.version).toBe(entries.length);
      expect(row?.version ?? 0).toBeGreaterThanOrEqual(acknowledged.get(clue.id) ?? 0);
      moves += (row?.version ?? 0) - (startVersion.get(clue.id) ?? 0);
    }
    expect(moves).toBe(tally.ok);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
    database.close();
  }, 120_000);
});
