import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { loadCampaignRules, itemRulesOf } from '../api/services/campaign-rules';
import { auditHash } from '../db/audit/hash';
import { openDatabase } from '../db/client';
import { clueStore } from '../db/items/store';
import { users } from '../db/schema';
import { cachePreparedStatements } from '../db/statement-cache';
import { decideClue, type Actor, type ClueRecord, type ClueRequest } from '../engine';
import { hasAuditItemColumns } from './bench-data';
import { forwardAt, InTurn, moveOutOf, type LoadClue } from './move-mix';

export interface MovableClue {
  readonly id: number;
  readonly version: number;
  readonly state: string;
}

/** What a move of one clue out of one state writes: the clue's new columns and its audit entry's. */
interface Written {
  readonly actorId: number;
  readonly campaignId: number;
  readonly to: string;
  readonly context: string;
  readonly enteredAt: string;
  readonly dueAt: string | null;
  readonly event: string;
  readonly payload: string;
  readonly unitId: string;
  readonly categoryId: number | null;
}

/** The key of a move in a clue's plan: the states it goes from and to. */
const planKey = (from: string, to: string) => `${from}→${to}`;

/**
 * What the moves load writes for each clue, for every move it may make of
 * it (bench/move-mix.ts: verifying → unfounded with a conclusion, unfounded
 * → verifying with a reason, and for half the clues verifying → filed →
 * solved → sent for prosecution), decided by the engine as the office on
 * the campaign's rules at the bench's frozen instant, so the raw loop
 * writes the same values a move does: a reopened clue is due again (its
 * deadline enters the due indexes and the board's), a dismissed one is
 * not, and the audit payload is the event as the product stores it.
 * Decided once, before the loop: the loop times SQLite, not the engine.
 * Each move is decided from the clue as the load leaves it before that move
 * (a clue files from the verifying it was reopened into, never on its first
 * visit: see `forwardAt`).
 */
async function writtenByMoves(url: string, picked: readonly MovableClue[], now: Date): Promise<Map<number, Map<string, Written>>> {
  const database = await openDatabase(url);
  try {
    const [office] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
    if (office === undefined) throw new Error('raw tx: no office user');
    const actor: Actor = { userId: office.id, role: 'office', unitScope: [] };
    const written = new Map<number, Map<string, Written>>();
    for (const clue of picked) {
      let record: ClueRecord | null = await clueStore.load(database.db, clue.id);
      if (record === null) throw new Error(`raw tx: clue ${clue.id} is missing`);
      const rules = itemRulesOf(await loadCampaignRules(database.db, record.context.campaignId));
      const plan = new Map<string, Written>();
      const decide = (from: ClueRecord, forward: boolean): ClueRecord => {
        const request = moveOutOf(clue.id, from.state, forward, 'raw');
        if (request === null) return from;
        const decision = decideClue(from, actor, request as ClueRequest, rules, now);
        if (!decision.ok) throw new Error(`raw tx: clue ${clue.id} cannot move ${from.state} → ${request.to}: ${decision.refusal.code}`);
        const { context } = decision;
        plan.set(planKey(from.state, decision.state), {
          actorId: actor.userId,
          campaignId: context.campaignId,
          to: decision.state,
          context: JSON.stringify(context),
          enteredAt: context.enteredAt,
          dueAt: context.dueAt,
          event: decision.event.type,
          payload: JSON.stringify(decision.event),
          unitId: context.unitId,
          categoryId: context.categoryId,
        });
        return { id: from.id, state: decision.state, version: decision.version, context };
      };
      // Round the cycle once (out of the state it is in, and back), then forward from the reopened verifying.
      if (record.state === 'verifying') record = decide(record, false);
      if (record.state === 'unfounded') record = decide(record, false);
      if (record.state === 'verifying') {
        decide(record, false);
        if (forwardAt(clue.id) !== null) record = decide(record, true);
      }
      if (record.state === 'filed') record = decide(record, false);
      if (record.state === 'solved') decide(record, false);
      written.set(clue.id, plan);
    }
    return written;
  } finally {
    await database.close();
  }
}

/**
 * The physical limit of a move: the two writes a move commits (the
 * version-checked UPDATE of the clue and one audit_log INSERT), with the
 * values a move writes (see {@link writtenByMoves}), sent straight through
 * @libsql/client as one write batch, one after another, on a copy of the
 * moves database (WAL, synchronous left at its default FULL), with its
 * prepared statements kept as the product keeps them. No drizzle, no HTTP,
 * no engine: what is left is SQLite, the client and the fsync.
 */
export async function benchRawTx(
  url: string,
  picked: readonly MovableClue[],
  /** `atLeast`: counted transactions to make however long they take (a test on a loaded machine must see the forward moves). */
  options: { warmupMs: number; durationMs: number; nowIso: string; atLeast?: number },
): Promise<{ perSec: number; p99Ms: number; cpuMsPerTx: number }> {
  // Installed by openDatabase anyway before this runs in the bench's process; said here so the baseline does not depend on it.
  cachePreparedStatements();
  const written = await writtenByMoves(url, picked, new Date(options.nowIso));
  const client = createClient({ url });
  await client.execute('PRAGMA journal_mode = WAL');
  // Each clue as it stands now: a second run on the same file starts where the first left them.
  const known: LoadClue[] = [];
  for (const clue of picked) {
    const row = await client.execute({ sql: 'select version, state from clues where id = ?', args: [clue.id] });
    const stored = row.rows[0];
    if (stored === undefined) throw new Error(`raw tx: clue ${clue.id} is missing`);
    known.push({ id: clue.id, version: Number(stored.version), state: String(stored.state), verifyingVisits: 0 });
  }
  const last = await client.execute('select seq, hash from audit_log order by seq desc limit 1');
  let seq = Number(last.rows[0]?.seq ?? 0);
  let prevHash = String(last.rows[0]?.hash ?? '');
  const itemColumns = await hasAuditItemColumns({ client });

  const times: number[] = [];
  let cpuFrom: NodeJS.CpuUsage | undefined;
  const begin = performance.now();
  const end = begin + options.warmupMs + options.durationMs;
  let counted = 0;
  const turns = new InTurn(known);
  while (performance.now() < end || counted < (options.atLeast ?? 0)) {
    // The load's next move, of the next clue with one left.
    const turn = turns.take('raw');
    if (turn === null) throw new Error('raw tx: no clue has a move left');
    const { clue, move: next } = turn;
    const move = written.get(clue.id)?.get(planKey(clue.state, next.to));
    if (move === undefined) throw new Error(`raw tx: no move of clue ${clue.id} out of ${clue.state} to ${next.to}`);
    seq += 1;
    const entry = { seq, at: options.nowIso, actorId: move.actorId, campaignId: move.campaignId, subject: 'clue', subjectId: clue.id, event: move.event, fromState: clue.state, toState: move.to, payload: move.payload, version: clue.version + 1, unitId: itemColumns ? move.unitId : null, categoryId: itemColumns ? move.categoryId : null };
    const hash = auditHash(prevHash, entry);
    const started = performance.now();
    if (cpuFrom === undefined && started >= begin + options.warmupMs) cpuFrom = process.cpuUsage();
    const [updated] = await client.batch(
      [
        {
          sql: 'update clues set state = ?, context = ?, entered_at = ?, due_at = ?, updated_at = ?, version = version + 1 where id = ? and version = ?',
          args: [move.to, move.context, move.enteredAt, move.dueAt, options.nowIso, clue.id, clue.version],
        },
        {
          sql: `insert into audit_log (seq, at, actor_id, campaign_id, subject, subject_id, event, from_state, to_state, payload, version, prev_hash, hash${itemColumns ? ', unit_id, category_id' : ''}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${itemColumns ? ', ?, ?' : ''})`,
          args: [seq, entry.at, entry.actorId, entry.campaignId, entry.subject, entry.subjectId, entry.event, entry.fromState, entry.toState, entry.payload, entry.version, prevHash, hash, ...(itemColumns ? [entry.unitId, entry.categoryId] : [])],
        },
      ],
      'write',
    );
    const finished = performance.now();
    if (updated?.rowsAffected !== 1) throw new Error(`raw tx: clue ${clue.id} not at version ${clue.version}`);
    prevHash = hash;
    clue.version += 1;
    clue.state = move.to;
    if (started >= begin + options.warmupMs) {
      counted += 1;
      times.push(finished - started);
    }
  }
  // This process's CPU over the counted transactions (user and system, every thread: the fsync's wait is not in it).
  const cpu = process.cpuUsage(cpuFrom);
  const countedMs = performance.now() - (begin + options.warmupMs);
  client.close();
  times.sort((a, b) => a - b);
  return { perSec: counted / (countedMs / 1000), p99Ms: times[Math.ceil(times.length * 0.99) - 1] ?? Number.NaN, cpuMsPerTx: (cpu.user + cpu.system) / 1000 / Math.max(1, counted) };
}
