import type { InStatement, InValue } from '@libsql/client';
import { copyFileSync, rmSync } from 'node:fs';
import { hashPassword } from '../api/auth/password';
import { sweepDeadlines } from '../api/services/deadline-sweep';
import { auditHash } from '../db/audit/hash';
import { openDatabase, type Database } from '../db/client';
import { seedDemo } from '../db/seed/seed-demo';
import { testNow } from '../test/support/test-database';
import { progressBar, spinner } from './progress';

/** The instant the bench data is generated at and the server's clock is frozen at (as in the tests). */
export const benchNow = testNow;
export const benchPassword = 'battlemap';

/**
 * Up to this many clues are played through the engine (seedDemo); beyond it
 * the simulation grows worse than linearly (5,000 clues take ~5 s here, 20,000 ~24 s),
 * so larger campaigns clone simulated clues with their audit entries.
 */
export const simulateAtMost = 5_000;

export interface BenchDataOptions {
  readonly url: string;
  readonly clues: number;
  readonly problems?: number;
  readonly quiet?: boolean;
  /** A file made by `simulatedBase`: copied instead of simulating again when `clues` is at least its size. */
  readonly base?: string;
}

export interface BenchData {
  readonly database: Database;
  readonly simulated: number;
  readonly cloned: number;
  readonly ms: number;
}

let sharedHash: Promise<string> | null = null;

/**
 * A demo campaign of exactly `clues` clues in a fresh database: the first
 * (up to simulateAtMost) simulated through the engine, the rest cloned from
 * them with their audit entries re-chained, so `npm run audit:verify` still
 * passes; then one deadline sweep, as a running server would have done.
 */
export async function createBenchDatabase(options: BenchDataOptions): Promise<BenchData> {
  const started = performance.now();
  const simulated = Math.min(options.clues, simulateAtMost);
  const fromBase = options.base !== undefined && simulated === simulateAtMost && options.problems === undefined;
  if (fromBase && options.base !== undefined) copyFileSync(options.base, options.url.slice('file:'.length));
  const database = await openDatabase(options.url);
  if (!fromBase) await simulate(database, simulated, options.problems ?? defaultProblems(simulated), options.quiet === true);
  const cloned = options.clues - simulated;
  if (cloned > 0) await cloneClues(database, cloned, options.quiet === true);
  await sweepDeadlines(database, benchNow);
  return { database, simulated, cloned, ms: performance.now() - started };
}

const defaultProblems = (clues: number) => Math.max(5, Math.round(clues / 10));

async function simulate(database: Database, clues: number, problems: number, quiet: boolean): Promise<void> {
  sharedHash ??= hashPassword(benchPassword);
  const hash = await sharedHash;
  const seeding = quiet ? null : spinner(`simulating ${clues.toLocaleString('en')} clues and ${problems.toLocaleString('en')} problems through the engine`);
  // No sweeps in its history: the sweep's benchmark raises what stands due in its data.
  await seedDemo(database, { now: benchNow, hashPassword: async () => hash, password: benchPassword, clues, problems, notes: false, escalations: false });
  seeding?.finish();
}

/**
 * Simulates the largest campaign the engine plays (simulateAtMost clues)
 * once, into a standalone file at `path` that createBenchDatabase copies
 * for every size at or above it, instead of simulating it again.
 */
export async function simulatedBase(path: string): Promise<string> {
  const database = await openDatabase(`file:${path}.tmp`);
  await simulate(database, simulateAtMost, defaultProblems(simulateAtMost), false);
  await database.client.execute({ sql: 'vacuum into ?', args: [path] });
  database.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}.tmp${suffix}`, { force: true });
  return path;
}

interface ClueRow {
  readonly state: string;
  readonly version: number;
  readonly campaignId: number;
  readonly unitId: string;
  readonly categoryId: number | null;
  readonly assigneeId: number | null;
  readonly title: string;
  readonly foundAt: string;
  readonly enteredAt: string;
  readonly dueAt: string | null;
  readonly lastNoteAt: string | null;
  readonly context: string;
  readonly updatedAt: string;
}

interface AuditRow {
  readonly at: string;
  readonly actorId: number | null;
  readonly campaignId: number;
  readonly event: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly payload: string;
  readonly version: number;
  readonly unitId: string | null;
  readonly categoryId: number | null;
}

const text = (value: unknown): string => String(value);
const textOrNull = (value: unknown): string | null => (value === null ? null : String(value));
const numberOrNull = (value: unknown): number | null => (value === null ? null : Number(value));

/** True when audit_log has the unit_id and category_id columns (added while this bench was written). */
export async function hasAuditItemColumns(database: Pick<Database, 'client'>): Promise<boolean> {
  const columns = await database.client.execute('pragma table_info(audit_log)');
  return columns.rows.some((c) => c.name === 'unit_id');
}

/** Multi-row INSERT statements of at most `perStatement` rows. */
function inserts(head: string, columns: number, rows: readonly (readonly InValue[])[], perStatement: number): InStatement[] {
  const placeholders = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement);
    statements.push({ sql: `${head} values ${slice.map(() => placeholders).join(',')}`, args: slice.flat() });
  }
  return statements;
}

/**
 * Adds `count` clues, each a copy of a simulated clue (one that took no part
 * in a merge, so no other clue refers to it) under a new id, with copies of
 * its audit entries appended to the chain: the clone replays to its row.
 */
async function cloneClues(database: Database, count: number, quiet: boolean): Promise<void> {
  const { client } = database;
  const templateRows = await client.execute(
    `select id, state, version, campaign_id, unit_id, category_id, assignee_id, title, found_at, entered_at, due_at, last_note_at, context, updated_at from clues
     where json_extract(context, '$.mergedInto') is null and json_array_length(context, '$.absorbed') = 0 and state <> 'merged' order by id`,
  );
  const templates = templateRows.rows.map((r) => ({
    id: Number(r.id),
    row: {
      state: text(r.state),
      version: Number(r.version),
      campaignId: Number(r.campaign_id),
      unitId: text(r.unit_id),
      categoryId: numberOrNull(r.category_id),
      assigneeId: numberOrNull(r.assignee_id),
      title: text(r.title),
      foundAt: text(r.found_at),
      enteredAt: text(r.entered_at),
      dueAt: textOrNull(r.due_at),
      lastNoteAt: textOrNull(r.last_note_at),
      context: text(r.context),
      updatedAt: text(r.updated_at),
    } satisfies ClueRow,
  }));
  if (templates.length === 0) throw new Error('no clue to clone');
  const entriesOf = new Map<number, AuditRow[]>();
  // Entries carry the item's unit and category where the schema has those columns.
  const itemColumns = await hasAuditItemColumns(database);
  const auditRows = await client.execute(
    `select subject_id, at, actor_id, campaign_id, event, from_state, to_state, payload, version${itemColumns ? ', unit_id, category_id' : ''} from audit_log where subject = 'clue' order by seq`,
  );
  for (const r of auditRows.rows) {
    const id = Number(r.subject_id);
    let list = entriesOf.get(id);
    if (list === undefined) entriesOf.set(id, (list = []));
    list.push({
      at: text(r.at),
      actorId: numberOrNull(r.actor_id),
      campaignId: Number(r.campaign_id),
      event: text(r.event),
      fromState: textOrNull(r.from_state),
      toState: textOrNull(r.to_state),
      payload: text(r.payload),
      version: Number(r.version),
      unitId: itemColumns ? textOrNull(r.unit_id) : null,
      categoryId: itemColumns ? numberOrNull(r.category_id) : null,
    });
  }
  const top = await client.execute('select max(id) as id from clues');
  const last = await client.execute('select seq, hash from audit_log order by seq desc limit 1');
  let nextId = Number(top.rows[0]?.id ?? 0) + 1;
  let seq = Number(last.rows[0]?.seq ?? 0);
  let prevHash = text(last.rows[0]?.hash ?? '');

  const bar = quiet ? null : progressBar(`cloning ${count.toLocaleString('en')} clues with their audit entries`, count);
  const chunk = 5_000;
  for (let done = 0; done < count; ) {
    const n = Math.min(chunk, count - done);
    const clueValues: InValue[][] = [];
    const auditValues: InValue[][] = [];
    for (let k = 0; k < n; k++) {
      const template = templates[(done + k) % templates.length];
      if (template === undefined) continue;
      const id = nextId++;
      const c = template.row;
      clueValues.push([id, c.campaignId, c.state, c.version, c.unitId, c.categoryId, c.assigneeId, c.title, c.foundAt, c.enteredAt, c.dueAt, c.lastNoteAt, c.context, c.updatedAt]);
      for (const e of entriesOf.get(template.id) ?? []) {
        seq += 1;
        const hash = auditHash(prevHash, { ...e, seq, subject: 'clue', subjectId: id });
        auditValues.push([seq, e.at, e.actorId, e.campaignId, 'clue', id, e.event, e.fromState, e.toState, e.payload, e.version, prevHash, hash, ...(itemColumns ? [e.unitId, e.categoryId] : [])]);
        prevHash = hash;
      }
    }
    await client.batch(
      [
        ...inserts('insert into clues (id, campaign_id, state, version, unit_id, category_id, assignee_id, title, found_at, entered_at, due_at, last_note_at, context, updated_at)', 14, clueValues, 500),
        ...inserts(
          `insert into audit_log (seq, at, actor_id, campaign_id, subject, subject_id, event, from_state, to_state, payload, version, prev_hash, hash${itemColumns ? ', unit_id, category_id' : ''})`,
          itemColumns ? 15 : 13,
          auditValues,
          500,
        ),
      ],
      'write',
    );
    done += n;
    bar?.update(done);
  }
  bar?.finish();
}
