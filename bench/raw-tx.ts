import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { loadCampaignRules, itemRulesOf } from '../api/services/campaign-rules';
import { auditHash } from '../db/audit/hash';
import { openDatabase } from '../db/client';
import { clueStore } from '../db/items/store';
import { users } from '../db/schema';
import { cachePreparedStatements } from '../db/statement-cache';
import { decideClue, type Actor, type ClueRecord } from '../engine';
import { hasAuditItemColumns } from './bench-data';

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

/**
 * What the moves load writes for each clue, out of each of its two states
 * (verifying → unfounded with a conclusion, unfounded → verifying with a
 * reason), decided by the engine as the office on the campaign's rules at
 * the bench's frozen instant, so the raw loop writes the same values a
 * move does: a reopened clue is due again (its deadline enters the due
 * indexes and the board's), a dismissed one is not, and the audit payload
 * is the event as the product stores it. Decided once, before the loop:
 * the loop times SQLite, not the engine.
 */
async function writtenByMoves(url: string, picked: readonly MovableClue[], now: Date): Promise<Map<number, Map<string, Written>>> {
  const database = await openDatabase(url);
  try {
    const [office] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
    if (office === undefined) throw new Error('raw tx: no office user');
    const actor: Actor = { userId: office.id, role: 'office', unitScope: [] };
    const written = new Map<number, Map<string, Written>>();
    for (const [n, clue] of picked.entries()) {
      let record: ClueRecord | null = await clueStore.load(database.db, clue.id);
      if (record === null) throw new Error(`raw tx: clue ${clue.id} is missing`);
      const rules = itemRulesOf(await loadCampaignRules(database.db, record.context.campaignId));
      const byState = new Map<string, Written>();
      // Out of the state it is in, then back out of the other: the cycle the moves load repeats.
      for (let step = 0; step < 2; step++) {
        const request =
          record.state === 'verifying'
            ? ({ to: 'unfounded', payload: { conclusion: `bench ${n % 10}: 查无实据` } } as const)
            : ({ to: 'verifying', payload: { reason: `bench ${n % 10}: 新证据` } } as const);
        const decision = decideClue(record, actor, request, rules, now);
        if (!decision.ok) throw new Error(`raw tx: clue ${clue.id} cannot move ${record.state} → ${request.to}: ${decision.refusal.code}`);
        const { context } = decision;
        byState.set(record.state, {
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
        record = { id: record.id, state: decision.state, version: decision.version, context };
      }
      written.set(clue.id, byState);
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
export async function benchRawTx(url: string, picked: readonly MovableClue[], options: { warmupMs: number; durationMs: number; nowIso: string }): Promise<{ perSec: number; p99Ms: number; cpuMsPerTx: number }> {
  // Installed by openDatabase anyway before this runs in the bench's process; said here so the baseline does not depend on it.
  cachePreparedStatements();
  const written = await writtenByMoves(url, picked, new Date(options.nowIso));
  const client = createClient({ url });
  await client.execute('PRAGMA journal_mode = WAL');
  // Each clue as it stands now: a second run on the same file starts where the first left them.
  const known: { id: number; version: number; state: string }[] = [];
  for (const clue of picked) {
    const row = await client.execute({ sql: 'select version, state from clues where id = ?', args: [clue.id] });
    const stored = row.rows[0];
    if (stored === undefined) throw new Error(`raw tx: clue ${clue.id} is missing`);
    known.push({ id: clue.id, version: Number(stored.version), state: String(stored.state) });
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
  for (let i = 0; performance.now() < end; i++) {
    const clue = known[i % known.length];
    if (clue === undefined) break;
    const move = written.get(clue.id)?.get(clue.state);
    if (move === undefined) throw new Error(`raw tx: no move of clue ${clue.id} out of ${clue.state}`);
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
  client.close();
  times.sort((a, b) => a - b);
  return { perSec: counted / (options.durationMs / 1000), p99Ms: times[Math.ceil(times.length * 0.99) - 1] ?? Number.NaN, cpuMsPerTx: (cpu.user + cpu.system) / 1000 / Math.max(1, counted) };
}
