import { sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../client';

/**
 * The tables SQLite triggers keep as entries and items are written
 * (migrations 0004–0006, 0009, 0011 and 0014), each with the query that derives it from
 * scratch: from the audit log for the report's tallies, solve times and the
 * flow chart's tallies, from the items for the board's counts, from the escalations for the
 * rungs kept apart from the items. A migration that rebuilt `audit_log`,
 * `clues` or `problems` without recreating their triggers would leave these
 * silently stale; checking them against their derivation finds that, and
 * rebuilding from it repairs it.
 */
const keptTables = [
  {
    table: 'report_tallies',
    columns:
      'campaign_id, day, unit_id, category_id, event, organisation, n, suspects_caught, criminally_detained, arrested, guns_seized, assets_seized_yuan, money_involved_yuan, money_stopped_yuan, money_frozen_yuan, money_returned_yuan, victims_warned, sent_for_prosecution, websites_shut_down, accounts_closed',
    kept: 'select * from report_tallies where n > 0',
    derived: `select campaign_id, substr(at, 1, 10), unit_id, category_id, event, organisation, count(*), sum(suspects_caught), sum(criminally_detained), sum(arrested),
        sum(guns_seized), sum(assets_seized_yuan), sum(money_involved_yuan), sum(money_stopped_yuan), sum(money_frozen_yuan), sum(money_returned_yuan),
        sum(victims_warned), sum(sent_for_prosecution), sum(websites_shut_down), sum(accounts_closed)
      from report_entry_figures group by campaign_id, substr(at, 1, 10), unit_id, category_id, event, organisation`,
  },
  {
    table: 'solve_times',
    columns: 'seq, campaign_id, at, unit_id, category_id, days',
    kept: 'select * from solve_times',
    derived: `select a.seq, a.campaign_id, a.at, a.unit_id, a.category_id, julianday(a.at) - julianday(coalesce(json_extract(c.payload, '$.input.foundAt'), c.at))
      from audit_log a join audit_log c on c.subject = 'clue' and c.subject_id = a.subject_id and c.event = 'clue.create'
      where a.campaign_id is not null and a.subject = 'clue' and a.event = 'clue.solve'`,
  },
  {
    table: 'flow_tallies',
    columns: 'campaign_id, quarter, from_state, to_state, n',
    kept: 'select * from flow_tallies',
    derived: `select campaign_id, substr(at, 1, 14) || printf('%02d', cast(substr(at, 15, 2) as integer) / 15 * 15), ifnull(from_state, ''), to_state, count(*) from audit_log
      where campaign_id is not null and subject = 'clue' and to_state is not null and (from_state is null or from_state <> to_state) group by 1, 2, 3, 4`,
  },
  // The rung each item keeps: the highest raised for the state it is in and its due time (an extension starts the ladder
  // again), a row only while there is one.
  // Before the board's counts, which count them: a rebuild derives those from these.
  ...[
    { rungs: 'clue_rungs', items: 'clues', subject: 'clue' },
    { rungs: 'problem_rungs', items: 'problems', subject: 'problem' },
  ].map(({ rungs, items, subject }) => ({
    table: rungs,
    columns: 'item_id, level',
    kept: `select * from ${rungs}`,
    derived: `select i.id, max(e.level) from ${items} i join escalations e on e.subject = '${subject}' and e.subject_id = i.id and e.entered_at = i.entered_at and e.due_at = i.due_at group by i.id`,
  })),
  {
    table: 'board_counts',
    columns: 'campaign_id, kind, state, unit_id, category_id, n, escalated',
    kept: 'select * from board_counts where n > 0',
    derived: `select campaign_id, 'clue', state, unit_id, category_id, count(*), count(r.item_id) from clues left join clue_rungs r on r.item_id = clues.id group by campaign_id, state, unit_id, category_id
      union all select campaign_id, 'problem', state, unit_id, category_id, count(*), count(r.item_id) from problems left join problem_rungs r on r.item_id = problems.id group by campaign_id, state, unit_id, category_id`,
  },
] as const;

export interface KeptMismatch {
  readonly table: string;
  /** Rows the derivation has and the table lacks (or holds with other figures), and the reverse. */
  readonly missing: number;
  readonly extra: number;
}

/** Compares every kept table with its derivation; an empty list means they all agree. */
export async function checkKeptFigures(db: Db): Promise<KeptMismatch[]> {
  const mismatches: KeptMismatch[] = [];
  const countOf = async (query: string) => Number((await db.get<{ n: number }>(sql.raw(`select count(*) as n from (${query})`)))?.n ?? 0);
  for (const k of keptTables) {
    // Each side as a subquery: compound selects bind left to right, and a derivation may be a union.
    const kept = `select ${k.columns} from (${k.kept})`;
    const derived = `select * from (${k.derived})`;
    const missing = await countOf(`${derived} except ${kept}`);
    const extra = await countOf(`${kept} except ${derived}`);
    if (missing + extra > 0) mismatches.push({ table: k.table, missing, extra });
  }
  return mismatches;
}

/** Rebuilds every kept table from its derivation, in one write transaction. */
export async function rebuildKeptFigures(database: Database): Promise<void> {
  await database.write((tx) => rebuildKeptTables(tx));
}

/** Rebuilds, in the caller's transaction, the kept tables named (every one when none is), in the order a rebuild needs. */
export async function rebuildKeptTables(tx: Tx, only?: readonly KeptTable[]): Promise<void> {
  for (const k of keptTables) {
    if (only !== undefined && !only.includes(k.table)) continue;
    await tx.run(sql.raw(`delete from ${k.table}`));
    await tx.run(sql.raw(`insert into ${k.table} (${k.columns}) ${k.derived}`));
  }
}

export type KeptTable = (typeof keptTables)[number]['table'];
