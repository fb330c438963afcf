import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { checkKeptFigures } from '../db/audit/kept-figures';
import { verifyAudit } from '../db/audit/verify';
import { openDatabase } from '../db/client';
import { auditLog, clues } from '../db/schema';
import { benchNow, createBenchDatabase } from './bench-data';
import { benchRawTx } from './raw-tx';
import { movableClues } from './server-bench';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-raw-tx-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the raw baseline of the moves bench', () => {
  it('writes what the moves write: its clues replay from its audit entries through the engine', async () => {
    const url = `file:${join(folder, 'raw.db')}`;
    const data = await createBenchDatabase({ url, clues: 300, quiet: true });
    const picked = await movableClues(data.database, 40);
    const entriesBefore = await data.database.db.$count(auditLog);
    await data.database.close();

    // However slow the machine, enough transactions that each of the 40 clues has gone round its cycle and on.
    const raw = await benchRawTx(url, picked, { warmupMs: 0, durationMs: 600, atLeast: 200, nowIso: benchNow.toISOString() });

    const database = await openDatabase(url);
    try {
      // It did write: entries appended, and the picked clues moved on from the versions picked.
      expect(raw.perSec).toBeGreaterThan(0);
      expect(await database.db.$count(auditLog)).toBeGreaterThan(entriesBefore);
      const after = await database.db.select({ id: clues.id, version: clues.version, state: clues.state }).from(clues).where(inArray(clues.id, picked.map((c) => c.id)));
      const versionOf = new Map(after.map((c) => [c.id, c.version]));
      expect(picked.some((c) => (versionOf.get(c.id) ?? 0) > c.version)).toBe(true);
      // Forward moves among the cycles, as the moves load makes them.
      expect(after.some((c) => c.state === 'filed' || c.state === 'solved' || c.state === 'prosecuted')).toBe(true);
      // Each entry is the event a move stores (the engine replays it), each clue's columns those the move sets,
      // and the chain and the kept figures (board counts, tallies) hold: the same transaction a move commits.
      expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
      expect(await checkKeptFigures(database.db)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
