import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { countFigures, outcomeFigures, type Figures, type ReportRow, type ReportSpan } from '../../engine';

/**
 * The completion report counted by SQLite: every figure is a GROUP BY over
 * the audit log's entries in the span, each entry carrying the unit and
 * category its item had when it was written, so history never shifts with
 * later transfers. engine/report's buildReport is the reference model these
 * queries are tested against.
 */

type Key = { unitId: string | null; categoryId: number | null };

const openStates = sql`('found', 'verifying', 'filed', 'solved', 'identified', 'rectifying', 'rectified')`;
const outcomeKeys = ['suspectsCaught', 'criminallyDetained', 'arrested', 'gunsSeized', 'assetsSeizedYuan', 'moneyInvolvedYuan', 'moneyStoppedYuan', 'moneyFrozenYuan', 'moneyReturnedYuan', 'victimsWarned'] as const;
const eventFigures: Record<string, readonly (keyof Figures)[]> = {
  'clue.create': ['cluesFound'],
  'clue.file': ['cluesVerified', 'casesFiled'],
  'clue.dismiss': ['cluesVerified', 'cluesUnfounded'],
  'clue.solve': ['casesSolved'],
  'clue.prosecute': ['sentForProsecutionCases'],
  'clue.merge': ['cluesMerged'],
  'problem.create': ['problemsFound'],
  'problem.complete': ['problemsRectified'],
  'problem.verify': ['problemsVerified'],
};
const organisationFigure: Record<string, keyof Figures | undefined> = { mafia: 'mafiaBroken', criminalGroup: 'criminalGroupsBroken', criminalGang: 'criminalGangsBroken' };

function emptyFigures(): Figures {
  return Object.fromEntries([...countFigures, ...outcomeFigures].map((k) => [k, 0])) as Figures;
}

interface Tally {
  figures: Figures;
  median: number | null;
  openAtEnd: number;
  overdueAtEnd: number;
}

export interface SqlReport {
  readonly total: ReportRow;
  readonly byUnit: Record<string, ReportRow>;
  readonly byCategory: Record<string, ReportRow>;
}

const inSpan = (span: ReportSpan): SQL => sql`a.at >= ${span.from} and a.at < ${span.to} and a.at <= ${span.asOf}`;

export async function reportBySql(db: Db | Tx, campaignId: number, span: ReportSpan, now: Date): Promise<SqlReport> {
  const total: Tally = { figures: emptyFigures(), median: null, openAtEnd: 0, overdueAtEnd: 0 };
  const units = new Map<string, Tally>();
  const categories = new Map<string, Tally>();
  const tallyOf = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (t === undefined) map.set(key, (t = { figures: emptyFigures(), median: null, openAtEnd: 0, overdueAtEnd: 0 }));
    return t;
  };
  const each = (key: Key, apply: (t: Tally) => void) => {
    apply(total);
    apply(tallyOf(units, key.unitId ?? 'none'));
    apply(tallyOf(categories, key.categoryId === null ? 'none' : String(key.categoryId)));
  };

  // 1. Events of the span, counted without touching their payloads; then the figures of the few events that carry them.
  const where = (events: readonly string[]) =>
    sql`a.campaign_id = ${campaignId} and a.subject in ('clue', 'problem') and ${inSpan(span)} and a.event in ${sql.raw(`(${events.map((e) => `'${e}'`).join(', ')})`)}`;
  const keyOf = (row: { unitId: string | null; categoryId: number | null }): Key => ({ unitId: row.unitId, categoryId: row.categoryId });
  type Counted = { unitId: string | null; categoryId: number | null; event: string; n: number };
  for (const row of await db.all<Counted>(sql`
    select a.unit_id as unitId, a.category_id as categoryId, a.event as event, count(*) as n
    from audit_log a where ${where(Object.keys(eventFigures))} group by a.unit_id, a.category_id, a.event`)) {
    each(keyOf(row), (t) => {
      for (const figure of eventFigures[row.event] ?? []) t.figures[figure] += Number(row.n);
    });
  }
  const sums = outcomeKeys.map((k) => sql`, coalesce(sum(json_extract(a.payload, ${`$.outcome.${k}`})), 0) as ${sql.identifier(k)}`);
  type Solved = { unitId: string | null; categoryId: number | null; organisation: string | null; n: number } & Record<(typeof outcomeKeys)[number], number>;
  for (const row of await db.all<Solved>(sql`
    select a.unit_id as unitId, a.category_id as categoryId, json_extract(a.payload, '$.outcome.organisationType') as organisation, count(*) as n ${sql.join(sums, sql``)}
    from audit_log a where ${where(['clue.solve'])} group by a.unit_id, a.category_id, organisation`)) {
    each(keyOf(row), (t) => {
      const organisation = organisationFigure[String(row.organisation)];
      if (organisation !== undefined) t.figures[organisation] += Number(row.n);
      for (const k of outcomeKeys) t.figures[k] += Number(row[k]);
    });
  }
  type Prosecuted = { unitId: string | null; categoryId: number | null; people: number };
  for (const row of await db.all<Prosecuted>(sql`
    select a.unit_id as unitId, a.category_id as categoryId, coalesce(sum(json_extract(a.payload, '$.sentForProsecution')), 0) as people
    from audit_log a where ${where(['clue.prosecute'])} group by a.unit_id, a.category_id`)) {
    each(keyOf(row), (t) => (t.figures.sentForProsecution += Number(row.people)));
  }
  type Rectified = { unitId: string | null; categoryId: number | null; websites: number; accounts: number };
  for (const row of await db.all<Rectified>(sql`
    select a.unit_id as unitId, a.category_id as categoryId,
      coalesce(sum(json_extract(a.payload, '$.rectification.websitesShutDown')), 0) as websites,
      coalesce(sum(json_extract(a.payload, '$.rectification.accountsClosed')), 0) as accounts
    from audit_log a where ${where(['problem.complete'])} group by a.unit_id, a.category_id`)) {
    each(keyOf(row), (t) => {
      t.figures.websitesShutDown += Number(row.websites);
      t.figures.accountsClosed += Number(row.accounts);
    });
  }

  // 2. Median days from found to solved, for the whole and per unit and category, picked by SQLite's
  // window functions in one pass: the solved clues are joined once (the join is most of the cost), then
  // each of their rows is ranked in three scopes.
  const solved = sql`select a.unit_id as u, a.category_id as c, julianday(a.at) - julianday(k.found_at) as days
    from audit_log a join clues k on k.id = a.subject_id
    where a.campaign_id = ${campaignId} and a.subject = 'clue' and a.event = 'clue.solve' and ${inSpan(span)}`;
  const medians = await db.all<{ scope: 'total' | 'unit' | 'category'; key: string | number | null; median: number }>(sql`
    with s as materialized (${solved}),
      scoped as (select 'total' as scope, null as key, days from s union all select 'unit', u, days from s union all select 'category', c, days from s)
    select scope, key, avg(days) as median from (
      select scope, key, days, row_number() over (partition by scope, key order by days) as rn, count(*) over (partition by scope, key) as cnt
      from scoped)
    where rn in ((cnt + 1) / 2, (cnt + 2) / 2) group by scope, key`);
  const round = (days: number) => Math.round(days * 10) / 10;
  for (const row of medians) {
    if (row.scope === 'total') total.median = round(row.median);
    else if (row.scope === 'unit') tallyOf(units, String(row.key ?? 'none')).median = round(row.median);
    else tallyOf(categories, row.key === null ? 'none' : String(row.key)).median = round(row.median);
  }

  // 3. What stood open, and overdue, at the end of the span.
  const end = span.to < span.asOf ? span.to : span.asOf;
  const live = end >= now.toISOString();
  const standing = live
    ? await db.all<{ unitId: string; categoryId: number | null; open: number; overdue: number }>(sql`
        select unit_id as unitId, category_id as categoryId, count(*) as open, coalesce(sum(due_at < ${end}), 0) as overdue
        from (select unit_id, category_id, due_at from clues where campaign_id = ${campaignId} and state in ${openStates}
              union all select unit_id, category_id, due_at from problems where campaign_id = ${campaignId} and state in ${openStates})
        group by unit_id, category_id`)
    : await db.all<{ unitId: string; categoryId: number | null; open: number; overdue: number }>(sql`
        with upto as (select * from audit_log a where a.campaign_id = ${campaignId} and a.subject in ('clue', 'problem') and a.at < ${span.to} and a.at <= ${span.asOf}),
          lastMove as (select subject, subject_id, max(seq) as seq from upto where from_state is null or from_state <> to_state group by subject, subject_id),
          lastAny as (select subject, subject_id, max(seq) as seq from upto group by subject, subject_id)
        select la.unit_id as unitId, la.category_id as categoryId, count(*) as open,
          coalesce(sum(json_extract(lm.payload, '$.meta.dueAt') < ${end}), 0) as overdue
        from lastMove m join audit_log lm on lm.seq = m.seq
          join lastAny n on n.subject = m.subject and n.subject_id = m.subject_id join audit_log la on la.seq = n.seq
        where lm.to_state in ${openStates}
        group by la.unit_id, la.category_id`);
  for (const row of standing) {
    each({ unitId: row.unitId, categoryId: row.categoryId }, (t) => {
      t.openAtEnd += Number(row.open);
      t.overdueAtEnd += Number(row.overdue);
    });
  }

  const rowOf = (t: Tally): ReportRow => ({
    figures: t.figures,
    solveRate: t.figures.casesFiled === 0 ? null : Math.round((t.figures.casesSolved / t.figures.casesFiled) * 1000) / 1000,
    medianDaysToSolve: t.median,
    overdueAtEnd: t.overdueAtEnd,
    openAtEnd: t.openAtEnd,
  });
  return {
    total: rowOf(total),
    byUnit: Object.fromEntries([...units].map(([k, t]) => [k, rowOf(t)])),
    byCategory: Object.fromEntries([...categories].map(([k, t]) => [k, rowOf(t)])),
  };
}
