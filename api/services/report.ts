import { and, count, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Database, Db, Tx } from '../../db/client';
import { clues, escalations, frozenReports, problems } from '../../db/schema';
import { subtreeOf, unitTreeReader, type UnitNode } from '../auth/unit-scope';
import { hasLeft, phases, targetsAgainst, type Phase, type Report, type TargetFact } from '../../engine';
import { reportBySql } from './report-sql';
import { queryRefused } from '../errors';
import { checkCategoryFilter, checkUnitFilter } from './filter-checks';
import { loadCampaign, type CampaignRow } from './campaign-rules';
import { localDateTime } from './lists-export';
import type { IdOrNone } from '../contracts/common';

export interface ReportRequest {
  readonly phase?: Phase | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly asOf?: string | undefined;
  /** A branch's own report: this unit and every unit below it. */
  readonly unit?: string | undefined;
  /** One crime category's report, by its id; `none` for the items with no category. */
  readonly category?: IdOrNone | undefined;
}

/** The span a request names: a phase (from the advance into it to the advance out of it), a date range, or the whole campaign. */
/** How far past now an "as of" may be and be read as now: a browser's clock a little ahead, or the minute a user picked just begun. */
const asOfGraceMs = 60_000;

/**
 * The instant from which a phase's figures count, as its report and its units' targets count them; undefined for a
 * phase the campaign has not entered. A phase counts from the advance into it, but the first counts from the
 * campaign's creation: clues imported or filed while it was being prepared (筹备) are the survey's backlog. Counted
 * from its advance, they were in no phase's figures, only the whole campaign's. (The demo's campaign, created after
 * the history it plays, counts from its advance.)
 */
export function phaseCountedFrom(campaign: Pick<CampaignRow, 'context' | 'createdAt'>, phase: Phase): string | undefined {
  const began = campaign.context.phaseEnteredAt[phase];
  if (began === undefined) return undefined;
  // Instants may come with an offset (+08:00); the log's are UTC, compared as text.
  const created = new Date(campaign.createdAt).toISOString();
  return phase === phases[0] && created < began ? created : began;
}

export function spanOf(campaign: CampaignRow, request: ReportRequest, now: Date): { from: string; to: string; asOf: string } {
  // Instants may come with an offset (+08:00); the log's are UTC, compared as text.
  const utc = (instant: string) => new Date(instant).toISOString();
  if (request.asOf !== undefined && Date.parse(request.asOf) > now.getTime() + asOfGraceMs) {
    // What stands open at a later moment is not known yet: counted now against it, every open item would show overdue.
    throw queryRefused('asOf', { zh: '截至时间不能晚于现在', en: 'As of must not be later than now' });
  }
  // Within the grace (a clock a little ahead, the minute just begun), the report is as of now, and says so in its span.
  const asOf = request.asOf === undefined || Date.parse(request.asOf) > now.getTime() ? now.toISOString() : utc(request.asOf);
  if (request.phase !== undefined) {
    const entered = campaign.context.phaseEnteredAt;
    const began = entered[request.phase];
    if (began === undefined) {
      throw queryRefused('phase', { zh: '专项尚未进入该阶段', en: 'The campaign has not entered this phase yet' });
    }
    const from = phaseCountedFrom(campaign, request.phase) ?? began;
    const next = phases[phases.indexOf(request.phase) + 1] ?? 'concluded';
    // A phase being left is frozen in the advance's transaction, before the campaign's row says the next one began:
    // its end is then the advance's instant, given as `to` (the API refuses `to` beside a phase).
    const end = entered[next] ?? (request.to === undefined ? '9999-12-31T23:59:59.999Z' : utc(request.to));
    if (request.asOf !== undefined && asOf < began) {
      // Nothing of the phase had happened yet: a report of zeros would read as a phase in which nothing was done.
      const start = localDateTime(began, campaign.config.timeZone);
      throw queryRefused('asOf', { zh: `截至时间早于该阶段开始（${start}）`, en: `As of is before the phase began (${start})` });
    }
    return { from, to: end, asOf };
  }
  const from = request.from === undefined ? '0000-01-01T00:00:00.000Z' : utc(request.from);
  if (request.asOf !== undefined && asOf < from) throw queryRefused('asOf', { zh: '截至时间早于统计起始时间', en: 'As of is before the span begins' });
  // A concluded campaign's spans end at its conclusion at the latest: nothing happens after it, and left open, the
  // whole campaign's report was "as of" the day it was read, counting as overdue what had simply been left at the end.
  const concluded = campaign.context.phaseEnteredAt.concluded;
  const to = request.to === undefined ? '9999-12-31T23:59:59.999Z' : utc(request.to);
  return { from, to: concluded !== undefined && concluded < to && concluded >= from ? concluded : to, asOf };
}

export interface CampaignReport extends Report {
  readonly campaignId: number;
  readonly phase: Phase | null;
  /** The unit whose report this is (with those below it); null for the whole campaign. */
  readonly unit: string | null;
  /** The crime category whose report this is, `none` for the items with no category; null for every category. */
  readonly categoryId: IdOrNone | null;
  readonly escalationsRaised: { readonly 1: number; readonly 2: number; readonly 3: number };
  /** A phase report's targets against its figures by unit (see the contract's `targets`). */
  readonly targets?: TargetFact[];
  /** When the targets are those of the phase's frozen record (a phase left): the instant it was frozen. */
  readonly targetsFrozenAt?: string;
  readonly generatedAt: string;
}

/** The units a branch's report counts: the unit and those below it, or null for the whole campaign; an unknown unit is refused. */
async function unitsOf(unitTree: () => Promise<readonly UnitNode[]>, unit: string | undefined): Promise<string[] | null> {
  if (unit === undefined) return null;
  const tree = await unitTree();
  checkUnitFilter(tree, unit);
  return subtreeOf(unit, tree);
}

/** The category a category's report counts (`none`: the items with none), or null for every category; one not of this campaign is refused. */
async function categoryOf(db: Db | Tx, campaignId: number, category: IdOrNone | undefined): Promise<IdOrNone | null> {
  if (category === undefined) return null;
  if (category !== 'none') await checkCategoryFilter(db, campaignId, category);
  return category;
}

/** The units and the category a request names, checked: a 400 naming `query.unit` or `query.category` for one that is not there. */
export async function reportScope(db: Db | Tx, campaignId: number, request: ReportRequest, unitTree: () => Promise<readonly UnitNode[]>): Promise<{ units: string[] | null; categoryId: IdOrNone | null }> {
  return { units: await unitsOf(unitTree, request.unit), categoryId: await categoryOf(db, campaignId, request.category) };
}

/**
 * Builds the report of a span from the audit log (and the escalations raised
 * in it), for the whole campaign, one unit and those below it, one crime
 * category (or the items with none), or one category within one unit's. The unit tree is read
 * through `unitTree` (a server's cached reader), or afresh.
 */
export async function campaignReport(
  db: Db | Tx,
  campaign: CampaignRow,
  request: ReportRequest,
  now: Date,
  unitTree: () => Promise<readonly UnitNode[]> = unitTreeReader(db, 0),
): Promise<CampaignReport> {
  const campaignId = campaign.id;
  const span = spanOf(campaign, request, now);
  const scope = await reportScope(db, campaignId, request, unitTree);
  const report = { span, ...(await reportBySql(db, campaignId, span, now, scope)) };
  // An item's escalation carries the unit that held the item when it was raised, not its category: that is the item's own.
  const ofCategory = (categoryId: IdOrNone) =>
    or(
      and(
        eq(escalations.subject, 'clue'),
        inArray(
          escalations.subjectId,
          db.select({ id: clues.id }).from(clues).where(and(eq(clues.campaignId, campaignId), categoryId === 'none' ? isNull(clues.categoryId) : eq(clues.categoryId, categoryId))),
        ),
      ),
      and(
        eq(escalations.subject, 'problem'),
        inArray(
          escalations.subjectId,
          db.select({ id: problems.id }).from(problems).where(and(eq(problems.campaignId, campaignId), categoryId === 'none' ? isNull(problems.categoryId) : eq(problems.categoryId, categoryId))),
        ),
      ),
    );
  const raised = await db
    .select({ level: escalations.level, n: count() })
    .from(escalations)
    .where(
      and(
        eq(escalations.campaignId, campaignId),
        // As the log's figures count: the span's end not in it (the next phase's start is that phase's), its "as of" in it.
        gte(escalations.raisedAt, span.from),
        lt(escalations.raisedAt, span.to),
        lte(escalations.raisedAt, span.asOf),
        scope.units === null ? undefined : inArray(escalations.unitId, scope.units),
        scope.categoryId === null ? undefined : ofCategory(scope.categoryId),
      ),
    )
    .groupBy(escalations.level);
  const escalationsRaised = { 1: 0, 2: 0, 3: 0 };
  for (const row of raised) if (row.level === 1 || row.level === 2 || row.level === 3) escalationsRaised[row.level] = row.n;
  // A left phase's report of the whole phase has its targets as frozen; one as of an earlier instant counts them then.
  const whole = span.asOf >= span.to;
  const targets = request.phase === undefined || scope.categoryId !== null ? undefined : await targetsOf(db, campaign, request.phase, whole, scope.units, report.byUnit, unitTree);
  return {
    ...report,
    campaignId,
    phase: request.phase ?? null,
    unit: request.unit ?? null,
    categoryId: scope.categoryId,
    escalationsRaised,
    ...(targets === undefined ? {} : { targets: targets.facts, ...(targets.frozenAt === undefined ? {} : { targetsFrozenAt: targets.frozenAt }) }),
    generatedAt: now.toISOString(),
  };
}

/**
 * A phase report's targets: those the office set for the phase (a unit's report, those of its units), each against
 * the report's own rows by unit, so that the target and the unit's row never disagree, as of any instant asked for.
 * A phase the campaign has left has them as its frozen record has them: counted again, a unit moved since (a county
 * put under another) took its past work to its new parent, and a frozen phase's targets read met that were missed.
 * As of an instant before its end, they are counted from that report's rows, as its table by unit is.
 */
async function targetsOf(
  db: Db | Tx,
  campaign: CampaignRow,
  phase: Phase,
  /** Whether the report is of the whole phase (as of its end), not of part of it. */
  whole: boolean,
  units: readonly string[] | null,
  byUnit: Report['byUnit'],
  unitTree: () => Promise<readonly UnitNode[]>,
): Promise<{ facts: TargetFact[]; frozenAt?: string }> {
  const within = (unitId: string) => units === null || units.includes(unitId);
  if (whole && hasLeft(campaign.state, phase)) {
    const frozen = await frozenTargets(db, campaign.id, phase);
    if (frozen !== null) return { facts: frozen.targets.filter((fact) => within(fact.unitId)), frozenAt: frozen.frozenAt };
  }
  const set = campaign.config.targets.filter((target) => target.phase === phase && within(target.unitId));
  return { facts: set.length === 0 ? [] : targetsAgainst(set, (unitId) => byUnit[unitId]?.figures, await unitTree()) };
}

/** The targets a phase's frozen record holds, or null: none frozen yet (the advance freezing it), or frozen before targets were kept. */
async function frozenTargets(db: Db | Tx, campaignId: number, phase: Phase): Promise<{ targets: TargetFact[]; frozenAt: string } | null> {
  // Only the targets of the record's text, picked out by SQLite: the whole report was parsed for them on every request.
  const [row] = await db
    .select({ targets: sql<string | null>`json_extract(${frozenReports.report}, '$.targets')`, frozenAt: frozenReports.frozenAt })
    .from(frozenReports)
    .where(and(eq(frozenReports.campaignId, campaignId), eq(frozenReports.phase, phase)))
    .limit(1);
  return row === undefined || row.targets === null ? null : { targets: JSON.parse(row.targets) as TargetFact[], frozenAt: row.frozenAt };
}

/** SHA-256 of a frozen report's JSON text. */
export function reportHash(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * Freezes the report of a phase as it stood at the instant the campaign
 * left it (inside the advance's own transaction), stored with its hash.
 */
export async function freezePhaseReport(tx: Tx, campaign: CampaignRow, phase: Phase, actorId: number | null, at: Date, now: Date = at): Promise<void> {
  // `now` tells the report whether the tables still show the campaign as it was at `at`. The phase ends at `at`: the
  // advance freezes it before its own row says so (the demo's history, played, has it said already).
  const counted = await campaignReport(tx, await loadCampaign(tx, campaign.id), { phase, to: at.toISOString(), asOf: at.toISOString() }, now);
  // Made at the advance, as of it: a report frozen later from the played history (the demo's) says so too, not the first start.
  const report = { ...counted, generatedAt: at.toISOString() };
  const json = JSON.stringify(report);
  await tx
    .insert(frozenReports)
    .values({ campaignId: campaign.id, phase, frozenAt: at.toISOString(), frozenBy: actorId, report: json, hash: reportHash(json) })
    .onConflictDoNothing();
}

/** Freezes the reports of every phase the campaign has already left (the demo's history was played, not advanced live). */
export async function freezeLeftPhases(database: Database, campaignId: number, now: Date): Promise<void> {
  await database.write(async (tx) => {
    const campaign = await loadCampaign(tx, campaignId);
    const entered = campaign.context.phaseEnteredAt;
    for (const [i, phase] of phases.entries()) {
      const left = entered[phases[i + 1] ?? 'concluded'];
      if (entered[phase] !== undefined && left !== undefined) await freezePhaseReport(tx, campaign, phase, null, new Date(left), now);
    }
  });
}

export async function readFrozenReport(db: Db, campaignId: number, phase: Phase): Promise<{ report: CampaignReport; hash: string; frozenAt: string } | null> {
  const [row] = await db.select().from(frozenReports).where(and(eq(frozenReports.campaignId, campaignId), eq(frozenReports.phase, phase))).limit(1);
  if (row === undefined) return null;
  // Frozen before reports had a scope, a report has none in its text: every frozen report is the whole campaign's.
  const report = JSON.parse(row.report) as Omit<CampaignReport, 'unit' | 'categoryId'> & { unit?: string | null; categoryId?: IdOrNone | null };
  return { report: { ...report, unit: report.unit ?? null, categoryId: report.categoryId ?? null }, hash: row.hash, frozenAt: row.frozenAt };
}
