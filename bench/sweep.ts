import { sql } from 'drizzle-orm';
import { sweepDeadlines } from '../api/services/deadline-sweep';
import type { Database } from '../db/client';
import { collectGarbage } from './collect-garbage';
import { progressBar } from './progress';

const hour = 3_600_000;

export interface SweepBench {
  readonly openItems: number;
  readonly dueItems: number;
  /** The untimed sweep before the first, at an instant before any item falls due: it raises nothing (see benchSweep). */
  readonly warmUpMs: number;
  readonly warmUpRaised: number;
  readonly firstMs: number;
  /** The bench process's CPU time (user and system, every thread) during the first sweep: wall time above it is waiting, mostly on the commits' fsync. */
  readonly firstCpuMs: number;
  readonly firstRaised: number;
  /** The longest a write queued during the first sweep waited for its commit (a probe queues one every 5 ms): how long a move waits behind a large sweep. */
  readonly longestWriteWaitMs: number;
  readonly secondMs: number;
  readonly secondRaised: number;
}

/**
 * Fills the campaign with open clues until it holds `openItems` open items
 * with a due time, one in a hundred of them overdue and the rest due in a
 * month. Rows are inserted with SQL in bulk, each a copy of a simulated open
 * clue under a new id with its due time changed in the row and the context
 * alike; they have no audit entries, so this database is not one
 * `npm run audit:verify` passes.
 */
export async function fillOpenItems(database: Database, openItems: number, now: Date, quiet: boolean): Promise<void> {
  const { client } = database;
  const existing = await client.execute(`select (select count(*) from clues where due_at is not null) + (select count(*) from problems where due_at is not null) as n`);
  const toInsert = openItems - Number(existing.rows[0]?.n ?? 0);
  await client.execute('drop table if exists temp.templates');
  await client.execute(
    `create temp table templates as select row_number() over (order by id) - 1 as k, campaign_id, state, version, unit_id, category_id, assignee_id, title, found_at, entered_at, context, updated_at
     from clues where due_at is not null and state in ('found', 'verifying', 'filed', 'solved')`,
  );
  const count = await client.execute('select count(*) as n from temp.templates');
  const templates = Number(count.rows[0]?.n ?? 0);
  if (templates === 0) throw new Error('no open clue to copy');
  const top = await client.execute('select max(id) as id from clues');
  const base = Number(top.rows[0]?.id ?? 0);
  const nowMs = now.getTime();
  const bar = quiet ? null : progressBar(`inserting ${toInsert.toLocaleString('en')} open clues for the sweep`, toInsert);
  const chunk = 100_000;
  for (let from = 1; from <= toInsert; from += chunk) {
    const to = Math.min(toInsert, from + chunk - 1);
    // Every hundredth item overdue by 1 to 240 hours (some past the long-overdue rung), the rest due in 30 days or more.
    await client.execute({
      sql: `insert into clues (id, campaign_id, state, version, unit_id, category_id, assignee_id, title, found_at, entered_at, due_at, context, updated_at)
            with recursive n(i) as (select ? union all select i + 1 from n where i < ?),
            d(i, due) as (select i, case when i % 100 = 0
                                   then strftime('%Y-%m-%dT%H:%M:%fZ', (? - (1 + (i / 100) % 240) * ${hour}) / 1000.0, 'unixepoch')
                                   else strftime('%Y-%m-%dT%H:%M:%fZ', (? + (720 + i % 720) * ${hour}) / 1000.0, 'unixepoch') end from n)
            select ? + d.i, t.campaign_id, t.state, t.version, t.unit_id, t.category_id, t.assignee_id, t.title, t.found_at, t.entered_at, d.due, json_set(t.context, '$.dueAt', d.due), t.updated_at
            from d join temp.templates t on t.k = d.i % ?`,
      args: [from, to, nowMs, nowMs, base, templates],
    });
    bar?.update(to);
  }
  bar?.finish();
  await client.execute('drop table temp.templates');
  // The fill's last gigabyte-sized commits are still in the WAL: copied into the database by the first commit
  // after them, they would be timed as the sweep's. A running server commits a little at a time and copies as it goes.
  await client.execute('pragma wal_checkpoint(truncate)');
}

/** Counts the open items and those within the first rung's reach, then times two sweeps: the first raises, the second finds all raised. */
export async function benchSweep(database: Database, now: Date): Promise<SweepBench> {
  const horizon = new Date(now.getTime() + 24 * hour).toISOString();
  const counts = await database.client.execute({
    sql: `select (select count(*) from clues where due_at is not null) + (select count(*) from problems where due_at is not null) as open,
                 (select count(*) from clues where due_at <= ?) + (select count(*) from problems where due_at <= ?) as due`,
    args: [horizon, horizon],
  });
  // A server sweeps every minute, so the sweep that finds these items due is not its first: the
  // sweeps before it have loaded the campaign's time zone (the engine's window and rung instants;
  // ICU's zone data the first time, some 25 ms), compiled the sweep's path and prepared its
  // statements. This one does that at an instant before any item falls due, raising nothing, so
  // that the first timed sweep is the raise and not the start of a process (on the 1,000,000 items,
  // three alternating pairs: 146, 170 and 153 ms after it, 189, 158 and 209 ms without).
  const warmUpAt = performance.now();
  const warmUp = await sweepDeadlines(database, new Date(now.getTime() - 400 * 24 * hour));
  const warmUpMs = performance.now() - warmUpAt;
  // Before the probe starts, so that its first write does not wait for the collection.
  collectGarbage();
  let sweeping = true;
  let longestWriteWaitMs = 0;
  const probe = (async () => {
    while (sweeping) {
      const queued = performance.now();
      await database.write((tx) => tx.run(sql`select 1`));
      longestWriteWaitMs = Math.max(longestWriteWaitMs, performance.now() - queued);
      await new Promise((next) => setTimeout(next, 5));
    }
  })();
  const cpu = process.cpuUsage();
  const t1 = performance.now();
  const first = await sweepDeadlines(database, now);
  const firstMs = performance.now() - t1;
  const { user, system } = process.cpuUsage(cpu);
  sweeping = false;
  await probe;
  const t2 = performance.now();
  const second = await sweepDeadlines(database, now);
  const secondMs = performance.now() - t2;
  return {
    openItems: Number(counts.rows[0]?.open ?? 0),
    dueItems: Number(counts.rows[0]?.due ?? 0),
    warmUpMs,
    warmUpRaised: warmUp.raised,
    firstMs,
    firstCpuMs: (user + system) / 1000,
    firstRaised: first.raised,
    longestWriteWaitMs,
    secondMs,
    secondRaised: second.raised,
  };
}
