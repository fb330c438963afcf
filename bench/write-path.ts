import { eq } from 'drizzle-orm';
import { movesTogether, type MoveInput } from '../api/services/moves-together';
import { openDatabase } from '../db/client';
import { users } from '../db/schema';
import { InTurn, type ClueMove, type LoadClue } from './move-mix';
import type { MovableClue } from './raw-tx';

export interface WritePathBench {
  readonly perSec: number;
  /** CPU of this process a move (user and system, every thread). */
  readonly cpuMsPerMove: number;
  readonly movesPerTransaction: number;
}

/**
 * The product's write path without HTTP: the same legal moves as the moves
 * load (bench/move-mix.ts, as the office), handed to the moves group
 * (`movesTogether`, the code the write worker runs) `perTransaction` at a
 * time through the write queue, one transaction after another, on this
 * thread. Between the raw transaction (SQLite and the fsync alone) and the
 * moves over HTTP, it says what the engine, drizzle, the audit chain and
 * the answers cost before a request is parsed.
 */
export async function benchWritePath(url: string, picked: readonly MovableClue[], options: { warmupMs: number; durationMs: number; nowIso: string; perTransaction: number }): Promise<WritePathBench> {
  const database = await openDatabase(url);
  try {
    const [office] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
    if (office === undefined) throw new Error('write path: no office user');
    const actor = { userId: office.id, role: 'office' as const, unitScope: [] };
    const now = new Date(options.nowIso);
    // The file is the bench's copy taken when the clues were picked, used by this part alone: they stand as picked.
    const turns = new InTurn(picked.map((clue) => ({ ...clue, verifyingVisits: 0 })));
    const begin = performance.now();
    const measureFrom = begin + options.warmupMs;
    const end = measureFrom + options.durationMs;
    let counted = 0;
    let transactions = 0;
    let cpuFrom: NodeJS.CpuUsage | undefined;
    while (performance.now() < end) {
      const counting = performance.now() >= measureFrom;
      if (counting && cpuFrom === undefined) cpuFrom = process.cpuUsage();
      // The next clues in turn with a move left, as the moves load takes them (bench/move-mix.ts).
      const batch: { clue: LoadClue; move: ClueMove }[] = [];
      while (batch.length < options.perTransaction) {
        const turn = turns.take('write path');
        if (turn === null) break;
        batch.push(turn);
      }
      if (batch.length === 0) throw new Error('write path: no clue has a move left');
      const inputs: MoveInput[] = batch.map(({ clue, move }) => ({ kind: 'clue', id: clue.id, actor, version: clue.version, now, move, once: null }));
      const settled = await database.write((tx) => movesTogether.run(tx, inputs));
      settled.forEach((outcome, i) => {
        const clue = batch[i]?.clue;
        if (!outcome.ok) throw outcome.error;
        if (clue === undefined) return;
        clue.version = outcome.value.version;
        clue.state = outcome.value.state;
      });
      if (counting) {
        counted += batch.length;
        transactions += 1;
      }
    }
    const cpu = process.cpuUsage(cpuFrom);
    return { perSec: counted / (options.durationMs / 1000), cpuMsPerMove: (cpu.user + cpu.system) / 1000 / Math.max(1, counted), movesPerTransaction: counted / Math.max(1, transactions) };
  } finally {
    await database.close();
  }
}
