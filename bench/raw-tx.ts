import { createClient } from '@libsql/client';
import { auditHash } from '../db/audit/hash';
import { cachePreparedStatements } from '../db/statement-cache';
import { hasAuditItemColumns } from './bench-data';

export interface MovableClue {
  readonly id: number;
  readonly version: number;
  readonly state: string;
}

/**
 * The physical limit of a move: the two writes a move commits (the
 * version-checked UPDATE of the clue and one audit_log INSERT) sent straight
 * through @libsql/client as one write batch, one after another, on a copy of
 * the moves database (WAL, synchronous left at its default FULL), with its
 * prepared statements kept as the product keeps them. No drizzle, no HTTP,
 * no engine: what is left is SQLite, the client and the fsync.
 */
export async function benchRawTx(url: string, picked: readonly MovableClue[], options: { warmupMs: number; durationMs: number; nowIso: string }): Promise<{ perSec: number; p99Ms: number; cpuMsPerTx: number }> {
  // Installed by openDatabase anyway before this runs in the bench's process; said here so the baseline does not depend on it.
  cachePreparedStatements();
  const client = createClient({ url });
  await client.execute('PRAGMA journal_mode = WAL');
  // Each clue as it stands now: a second run on the same file starts where the first left them.
  const contexts = new Map<number, string>();
  const known: { id: number; version: number; state: string }[] = [];
  for (const clue of picked) {
    const row = await client.execute({ sql: 'select context, version, state from clues where id = ?', args: [clue.id] });
    const stored = row.rows[0];
    if (stored === undefined) throw new Error(`raw tx: clue ${clue.id} is missing`);
    contexts.set(clue.id, String(stored.context));
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
    const to = clue.state === 'verifying' ? 'unfounded' : 'verifying';
    const event = to === 'unfounded' ? { type: 'clue.dismiss', conclusion: `raw ${i}: 查无实据` } : { type: 'clue.reopen', reason: `raw ${i}: 新证据` };
    const context = contexts.get(clue.id) ?? '{}';
    const payload = JSON.stringify(event);
    seq += 1;
    const entry = { seq, at: options.nowIso, actorId: 1, campaignId: 1, subject: 'clue', subjectId: clue.id, event: event.type, fromState: clue.state, toState: to, payload, version: clue.version + 1, unitId: itemColumns ? 'hantai' : null, categoryId: itemColumns ? 1 : null };
    const hash = auditHash(prevHash, entry);
    const started = performance.now();
    if (cpuFrom === undefined && started >= begin + options.warmupMs) cpuFrom = process.cpuUsage();
    const [updated] = await client.batch(
      [
        {
          sql: 'update clues set state = ?, context = ?, entered_at = ?, due_at = ?, updated_at = ?, version = version + 1 where id = ? and version = ?',
          args: [to, context, options.nowIso, null, options.nowIso, clue.id, clue.version],
        },
        {
          sql: `insert into audit_log (seq, at, actor_id, campaign_id, subject, subject_id, event, from_state, to_state, payload, version, prev_hash, hash${itemColumns ? ', unit_id, category_id' : ''}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${itemColumns ? ', ?, ?' : ''})`,
          args: [seq, entry.at, entry.actorId, entry.campaignId, entry.subject, entry.subjectId, entry.event, entry.fromState, entry.toState, payload, entry.version, prevHash, hash, ...(itemColumns ? [entry.unitId, entry.categoryId] : [])],
        },
      ],
      'write',
    );
    const finished = performance.now();
    if (updated?.rowsAffected !== 1) throw new Error(`raw tx: clue ${clue.id} not at version ${clue.version}`);
    prevHash = hash;
    clue.version += 1;
    clue.state = to;
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
