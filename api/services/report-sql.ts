import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { clues, problems } from '../../db/schema';
import { emptyFigures, type Figures, type ReportRow, type ReportSpan } from '../../engine';
import { letOthersIn } from './let-others-in';
import type { IdOrNone } from '../contracts/common';

/**
 * The completion report counted by SQLite from the audit log's entries in
 * the span, each carrying the unit and category its item had when it was
 * written, so history never shifts with later transfers. Whole days come
 * from the tallies a trigger keeps as entries are appended (migration
 * 0004), so a report over a million clues adds up days rather than reading
 * every entry. engine/report's buildReport is the reference model these
 * queries are tested against.
 */

type Key = { unitId: string | null; categoryId: number | null };

const openStates = sql`('found', 'verifying', 'filed', 'solved', 'identified', 'rectifying', 'rectified')`;
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
  'clue.extend': ['extensionsGranted'],
  'problem.extend': ['extensionsGranted'],
  'clue.requestExtension': ['extensionsAsked'],
  'problem.requestExtension': ['extensionsAsked'],
  'clue.declineExtension': ['extensionsDeclined'],
  'problem.declineExtension': ['extensionsDeclined'],
};
/**
 * Events that take back what another counted, on their own day: a rectification rejected at its check (its figures are
 * negative in the view, migration 0031), and an unfounded clue reopened, no longer verified as unfounded (migration 0033).
 */
const eventTakesBack: Record<string, readonly (keyof Figures)[]> = {
  'problem.reject': ['problemsRectified'],
  'clue.reopen': ['cluesVerified', 'cluesUnfounded'],
};
const organisationFigure: Record<string, keyof Figures | undefined> = { mafia: 'mafiaBroken', criminalGroup: 'criminalGroupsBroken', criminalGang: 'criminalGangsBroken' };

/** Items whose entries one statement of a past span's standing reads: the event loop turns between parts. */
const itemsPerPart = 20_000;

type Standing = { unitId: string; categoryId: number | null; open: number; overdue: number };

/**
 * What stood open, and overdue, at the end of a span that is over: each
 * item's last entry by then (its unit and category) and its last move or
 * deadline extension (its state and due time), found in one pass over the log in the order of an
 * item's entries (0.55 s at 100,000 clues, against 1.2 s as two passes).
 * At a million clues that pass reads some two million entries, seconds on
 * end; it goes in parts of item ids, the event loop turning between them, so
 * the server answers others meanwhile. Rows of several parts for one unit
 * and category are added up by the caller.
 */
async function standingAt(db: Db | Tx, campaignId: number, span: ReportSpan, end: string, inScope: SQL, perPart: number): Promise<Standing[]> {
  const rows: Standing[] = [];
  let parts = 0;
  for (const [subject, items] of [
    ['clue', clues],
    ['problem', problems],
  ] as const) {
    const [range] = await db.all<{ low: number | null; high: number | null }>(sql`select min(id) as low, max(id) as high from ${items} where campaign_id = ${campaignId}`);
    if (range === undefined || range.low === null || range.high === null) continue;
    for (let low = range.low; low <= range.high; low += perPart) {
      if (parts++ > 0) await letOthersIn();
      // By the item's entries (audit_subject), named: with campaign_id in the condition SQLite would walk the campaign's whole log for each part.
      const part = await db.all<Standing>(sql`
        with last as (
          select max(seq) as entrySeq, max(case when from_state is null or from_state <> to_state or event = ${`${subject}.extend`} then seq end) as moveSeq
          from audit_log indexed by audit_subject
          where subject = ${subject} and subject_id between ${low} and ${low + perPart - 1} and campaign_id = ${campaignId} and at < ${span.to} and at <= ${span.asOf}
          group by subject_id)
        select la.unit_id as unitId, la.category_id as categoryId, count(*) as open,
          coalesce(sum(json_extract(lm.payload, '$.meta.dueAt') < ${end}), 0) as overdue
        from last join audit_log lm on lm.seq = last.moveSeq join audit_log la on la.seq = last.entrySeq
        where lm.to_state in ${openStates} and ${inScope}
        group by la.unit_id, la.category_id`);
      rows.push(...part);
    }
  }
  return rows;
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

/** The figures summed in `report_tallies` and `report_entry_figures` (migration 0004), by column. */
const outcomeColumns = {
  suspects_caught: 'suspectsCaught',
  criminally_detained: 'criminallyDetained',
  arrested: 'arrested',
  guns_seized: 'gunsSeized',
  assets_seized_yuan: 'assetsSeizedYuan',
  money_involved_yuan: 'moneyInvolvedYuan',
  money_stopped_yuan: 'moneyStoppedYuan',
  money_frozen_yuan: 'moneyFrozenYuan',
  money_returned_yuan: 'moneyReturnedYuan',
  victims_warned: 'victimsWarned',
  sent_for_prosecution: 'sentForProsecution',
  websites_shut_down: 'websitesShutDown',
  accounts_closed: 'accountsClosed',
} as const satisfies Record<string, keyof Figures>;
const outcomeEntries = Object.entries(outcomeColumns) as [keyof typeof outcomeColumns, keyof Figures][];
const figureColumns = ['n', ...Object.keys(outcomeColumns)];
type Counted = { unit_id: string | null; category_id: number | null; event: string; organisation: string; n: number } & Record<keyof typeof outcomeColumns, number>;

const dayMs = 86_400_000;

/**
 * The UTC days [from, to) that lie wholly inside a span, as `YYYY-MM-DD`,
 * or null when none does. An entry counts when from <= at < to and
 * at <= asOf (instants to the millisecond), so a day counts whole when it
 * starts at or after `from` and its last millisecond is before `to` and
 * not after `asOf`.
 */
export function wholeDays(span: ReportSpan): { from: string; to: string } | null {
  const start = Math.ceil(Date.parse(span.from) / dayMs) * dayMs;
  const end = Math.floor(Math.min(Date.parse(span.to), Date.parse(span.asOf) + 1) / dayMs) * dayMs;
  if (!(start < end)) return null;
  return { from: new Date(start).toISOString().slice(0, 10), to: new Date(end).toISOString().slice(0, 10) };
}

/**
 * The entries of a span, grouped by the unit and category they were written for, their event and organisation:
 * the tallies of the whole UTC days in it, and the entries themselves at its ragged ends.
 */
async function countedInSpan(db: Db | Tx, campaignId: number, span: ReportSpan, inScope: SQL): Promise<Counted[]> {
  const days = wholeDays(span);
  const fields = sql.raw(`unit_id, category_id, event, organisation, ${figureColumns.map((c) => `sum(${c}) as ${c}`).join(', ')}`);
  const entriesIn = (range: SQL) => sql`select unit_id, category_id, event, organisation, 1 as n, ${sql.raw(Object.keys(outcomeColumns).join(', '))}
    from report_entry_figures where campaign_id = ${campaignId} and ${range} and ${inScope}`;
  const parts =
    days === null
      ? [entriesIn(sql`at >= ${span.from} and at < ${span.to} and at <= ${span.asOf}`)]
      : [
          sql`select unit_id, category_id, event, organisation, ${sql.raw(figureColumns.join(', '))} from report_tallies
            where campaign_id = ${campaignId} and day >= ${days.from} and day < ${days.to} and ${inScope}`,
          entriesIn(sql`at >= ${span.from} and at < ${`${days.from}T00:00:00.000Z`}`),
          entriesIn(sql`at >= ${`${days.to}T00:00:00.000Z`} and at < ${span.to} and at <= ${span.asOf}`),
        ];
  return db.all<Counted>(sql`select ${fields} from (${sql.join(parts, sql` union all `)}) group by unit_id, category_id, event, organisation`);
}

/** Adds what one group of entries counts to a set of figures. */
function addCounted(figures: Figures, row: Counted): void {
  for (const figure of eventFigures[row.event] ?? []) figures[figure] += Number(row.n);
  for (const figure of eventTakesBack[row.event] ?? []) figures[figure] -= Number(row.n);
  const organisation = organisationFigure[row.organisation];
  if (organisation !== undefined) figures[organisation] += Number(row.n);
  for (const [column, figure] of outcomeEntries) figures[figure] += Number(row[column]);
}

/**
 * Each unit's figures in a span, as the rows by unit of its report count them (by the unit each entry was written
 * for), without the report's medians and what stood open: what the units' targets are measured by.
 */
export async function figuresByUnit(db: Db | Tx, campaignId: number, span: ReportSpan): Promise<Map<string, Figures>> {
  const byUnit = new Map<string, Figures>();
  for (const row of await countedInSpan(db, campaignId, span, sql`1`)) {
    const key = row.unit_id ?? 'none';
    let figures = byUnit.get(key);
    if (figures === undefined) byUnit.set(key, (figures = emptyFigures()));
    addCounted(figures, row);
  }
  return byUnit;
}

/** What a report counts: the whole campaign (both null), a unit and those below it, one crime category (`none`: the items with none), or both. */
export interface SqlScope {
  readonly units: readonly string[] | null;
  readonly categoryId: IdOrNone | null;
}

/**
 * The report of a span, of the whole campaign or of a scope (a unit and
 * those below it, a category): the entries written for it, and the items in
 * it at the end.
 */
export async function reportBySql(
  db: Db | Tx,
  campaignId: number,
  span: ReportSpan,
  now: Date,
  scope: SqlScope = { units: null, categoryId: null },
  options: { readonly itemsPerPart?: number } = {},
): Promise<SqlReport> {
  // Every part below reads rows that carry the unit and category they were written for: a scope is one more condition on each.
  const scoped = (unit: SQL, category: SQL) =>
    sql.join(
      [
        sql`1`,
        // A list of values rather than json_each: SQLite then seeks one unit's entries in the index of units.
        ...(scope.units === null ? [] : [sql`${unit} in (${sql.join(scope.units.map((id) => sql`${id}`), sql`, `)})`]),
        ...(scope.categoryId === null ? [] : [scope.categoryId === 'none' ? sql`${category} is null` : sql`${category} = ${scope.categoryId}`]),
      ],
      sql` and `,
    );
  const inScope = scoped(sql`unit_id`, sql`category_id`);
  const total: Tally = { figures: emptyFigures(), median: null, openAtEnd: 0, overdueAtEnd: 0 };
  const byUnit = new Map<string, Tally>();
  const categories = new Map<string, Tally>();
  const tallyOf = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (t === undefined) map.set(key, (t = { figures: emptyFigures(), median: null, openAtEnd: 0, overdueAtEnd: 0 }));
    return t;
  };
  const each = (key: Key, apply: (t: Tally) => void) => {
    apply(total);
    apply(tallyOf(byUnit, key.unitId ?? 'none'));
    apply(tallyOf(categories, key.categoryId === null ? 'none' : String(key.categoryId)));
  };

  // 1. The figures: the tallies of the whole UTC days in the span, and the entries themselves at its ragged ends.
  for (const row of await countedInSpan(db, campaignId, span, inScope)) {
    each({ unitId: row.unit_id, categoryId: row.category_id }, (t) => addCounted(t.figures, row));
  }

  // 2. Median days from found to solved, for the whole and per unit and category. Knowing from the
  // figures how many clues each scope solved in the span, SQLite steps through that scope's index of
  // solve times in order to the middle one or two, instead of sorting them all.
  const middle = async (scope: SQL, count: number): Promise<number | null> => {
    if (count === 0) return null;
    const rows = await db.all<{ days: number }>(sql`select days from solve_times
      where campaign_id = ${campaignId} and ${scope} and at >= ${span.from} and at < ${span.to} and at <= ${span.asOf}
      order by days limit ${count % 2 === 1 ? 1 : 2} offset ${Math.floor((count - 1) / 2)}`);
    if (rows.length === 0) return null;
    return Math.round((rows.reduce((sum, r) => sum + Number(r.days), 0) / rows.length) * 10) / 10;
  };
  total.median = await middle(inScope, total.figures.casesSolved);
  for (const [key, t] of byUnit) t.median = await middle(sql`${key === 'none' ? sql`unit_id is null` : sql`unit_id = ${key}`} and ${inScope}`, t.figures.casesSolved);
  for (const [key, t] of categories) t.median = await middle(sql`${key === 'none' ? sql`category_id is null` : sql`category_id = ${Number(key)}`} and ${inScope}`, t.figures.casesSolved);

  // 3. What stood open, and overdue, at the end of the span.
  const end = span.to < span.asOf ? span.to : span.asOf;
  const live = end >= now.toISOString();
  const standing = live
    ? // Grouped in the order of the covering index (state first), so SQLite streams the groups instead of sorting every open item.
      (
        await Promise.all(
          [clues, problems].map((items) =>
            db.all<Standing>(sql`
              select unit_id as unitId, category_id as categoryId, count(*) as open, coalesce(sum(due_at < ${end}), 0) as overdue
              from ${items} where campaign_id = ${campaignId} and state in ${openStates} and ${inScope} group by state, unit_id, category_id`),
          ),
        )
      ).flat()
    : await standingAt(db, campaignId, span, end, scoped(sql`la.unit_id`, sql`la.category_id`), options.itemsPerPart ?? itemsPerPart);
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
    byUnit: Object.fromEntries([...byUnit].map(([k, t]) => [k, rowOf(t)])),
    byCategory: Object.fromEntries([...categories].map(([k, t]) => [k, rowOf(t)])),
  };
}
