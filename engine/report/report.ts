import type { ClueOutcome, ClueOutcomeFigure } from '../outcome';

/**
 * The completion report (阶段总结报告): what happened in a span of time,
 * rebuilt from the audit log alone. Pure: the caller passes the entries (in
 * sequence order) and the instants; nothing here reads a clock or a table.
 */

/** An audit entry as the report reads it. */
export interface ReportEntry {
  readonly at: string;
  readonly subject: 'clue' | 'problem';
  readonly subjectId: number;
  readonly event: string;
  readonly toState: string | null;
  readonly payload: unknown;
}

export interface ReportSpan {
  /** Inclusive start (UTC ISO). */
  readonly from: string;
  /** Exclusive end (UTC ISO). */
  readonly to: string;
  /** Entries after this instant are ignored: the report as things stood then. */
  readonly asOf: string;
}

export const countFigures = ['cluesFound', 'cluesVerified', 'cluesUnfounded', 'casesFiled', 'casesSolved', 'sentForProsecutionCases', 'cluesMerged', 'problemsFound', 'problemsRectified', 'problemsVerified'] as const;
export type CountFigure = (typeof countFigures)[number];

export const outcomeFigures = [
  'mafiaBroken',
  'criminalGroupsBroken',
  'criminalGangsBroken',
  'suspectsCaught',
  'criminallyDetained',
  'arrested',
  'sentForProsecution',
  'gunsSeized',
  'assetsSeizedYuan',
  'moneyInvolvedYuan',
  'moneyStoppedYuan',
  'moneyFrozenYuan',
  'moneyReturnedYuan',
  'victimsWarned',
  'websitesShutDown',
  'accountsClosed',
] as const;
export type OutcomeFigure = (typeof outcomeFigures)[number];

/**
 * How deadlines were handled (延期), for the office's oversight rather than
 * publication: extensions given, requests for one asked and declined. A
 * bureau watches them so that extensions do not stand in for the work the
 * escalation ladder presses for.
 */
export const deadlineFigures = ['extensionsGranted', 'extensionsAsked', 'extensionsDeclined'] as const;
export type DeadlineFigure = (typeof deadlineFigures)[number];

export type Figures = Record<CountFigure | OutcomeFigure | DeadlineFigure, number>;

export interface ReportRow {
  readonly figures: Figures;
  /** Cases solved in the span over cases filed in it, null when none was filed; above 1 when cases filed before the span are solved in it. */
  readonly solveRate: number | null;
  /** Median days from found to solved, of the clues solved within the span. */
  readonly medianDaysToSolve: number | null;
  /** Open items past their due time at the end of the span. */
  readonly overdueAtEnd: number;
  /** Items open at the end of the span. */
  readonly openAtEnd: number;
}

export interface Report {
  readonly span: ReportSpan;
  readonly total: ReportRow;
  readonly byUnit: Readonly<Record<string, ReportRow>>;
  readonly byCategory: Readonly<Record<string, ReportRow>>;
}

const openStates = new Set(['found', 'verifying', 'filed', 'solved', 'identified', 'rectifying', 'rectified']);

type RectificationFigures = { websitesShutDown: number; accountsClosed: number };

interface ItemAttributes {
  unitId: string;
  categoryId: number | null;
  foundAt: string;
  state: string;
  dueAt: string | null;
  /** A problem's rectification as last submitted, until a check rejects it: what the rejection takes back. */
  rectification?: RectificationFigures | null;
}

interface Tally {
  figures: Figures;
  daysToSolve: number[];
  overdueAtEnd: number;
  openAtEnd: number;
}

/** Figures with nothing counted. */
export function emptyFigures(): Figures {
  return Object.fromEntries([...countFigures, ...outcomeFigures, ...deadlineFigures].map((k) => [k, 0])) as Figures;
}

function newTally(): Tally {
  return { figures: emptyFigures(), daysToSolve: [], overdueAtEnd: 0, openAtEnd: 0 };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

const organisationFigure = { mafia: 'mafiaBroken', criminalGroup: 'criminalGroupsBroken', criminalGang: 'criminalGangsBroken', none: null } as const;
const outcomeKeys: readonly ClueOutcomeFigure[] = [
  'suspectsCaught',
  'criminallyDetained',
  'arrested',
  'gunsSeized',
  'assetsSeizedYuan',
  'moneyInvolvedYuan',
  'moneyStoppedYuan',
  'moneyFrozenYuan',
  'moneyReturnedYuan',
  'victimsWarned',
];

/** The figures an entry adds to its item's unit and category, if it falls in the span. */
function addEntry(tally: Tally, entry: ReportEntry, item: ItemAttributes): void {
  const f = tally.figures;
  const payload = entry.payload as Record<string, unknown>;
  switch (entry.event) {
    case 'clue.create':
      f.cluesFound += 1;
      break;
    case 'clue.file':
      f.cluesVerified += 1;
      f.casesFiled += 1;
      break;
    case 'clue.dismiss':
      f.cluesVerified += 1;
      f.cluesUnfounded += 1;
      break;
    // Reopened (重新核查), an unfounded clue's dismissal is taken back, on the day of the reopening: a clue found
    // unfounded, reopened and then filed is one clue verified, filed and not unfounded.
    case 'clue.reopen':
      f.cluesVerified -= 1;
      f.cluesUnfounded -= 1;
      break;
    case 'clue.solve': {
      f.casesSolved += 1;
      const outcome = payload.outcome as ClueOutcome;
      const organisation = organisationFigure[outcome.organisationType];
      if (organisation !== null) f[organisation] += 1;
      for (const key of outcomeKeys) f[key] += outcome[key];
      tally.daysToSolve.push((Date.parse(entry.at) - Date.parse(item.foundAt)) / 86_400_000);
      break;
    }
    case 'clue.prosecute':
      f.sentForProsecutionCases += 1;
      f.sentForProsecution += Number(payload.sentForProsecution ?? 0);
      break;
    case 'clue.merge':
      f.cluesMerged += 1;
      break;
    case 'problem.create':
      f.problemsFound += 1;
      break;
    case 'problem.complete': {
      f.problemsRectified += 1;
      const rectification = payload.rectification as RectificationFigures;
      f.websitesShutDown += rectification.websitesShutDown;
      f.accountsClosed += rectification.accountsClosed;
      break;
    }
    // Rejected at its check, a rectification is taken back, on the day of the rejection: a problem sent back and done
    // again is one problem rectified, its websites and accounts those of the submission that stands.
    case 'problem.reject':
      f.problemsRectified -= 1;
      f.websitesShutDown -= item.rectification?.websitesShutDown ?? 0;
      f.accountsClosed -= item.rectification?.accountsClosed ?? 0;
      break;
    case 'problem.verify':
      f.problemsVerified += 1;
      break;
    case 'clue.extend':
    case 'problem.extend':
      f.extensionsGranted += 1;
      break;
    case 'clue.requestExtension':
    case 'problem.requestExtension':
      f.extensionsAsked += 1;
      break;
    case 'clue.declineExtension':
    case 'problem.declineExtension':
      f.extensionsDeclined += 1;
      break;
    default:
      break;
  }
}

function rowOf(tally: Tally): ReportRow {
  const filed = tally.figures.casesFiled;
  return {
    figures: tally.figures,
    solveRate: filed === 0 ? null : Math.round((tally.figures.casesSolved / filed) * 1000) / 1000,
    medianDaysToSolve: median(tally.daysToSolve),
    overdueAtEnd: tally.overdueAtEnd,
    openAtEnd: tally.openAtEnd,
  };
}

/** What a report counts: the whole campaign, or only the units named (a unit and those below it), one crime category (null: the items with none), or both. */
export interface ReportScope {
  readonly units?: ReadonlySet<string> | undefined;
  readonly categoryId?: number | null | undefined;
}

/**
 * Builds the report of a span from the audit entries of clues and problems,
 * in sequence order. Each event counts for the unit and category its item
 * had at that moment; entries after `asOf` do not exist for the report, so
 * a report "as of" an instant never changes afterwards. Given a scope (a
 * branch's own report, or one category's, such as the anti-fraud
 * offensive's), only what happened in it counts, and only the items in it at
 * the end stand open: a clue transferred out counts where it was worked
 * before the transfer.
 */
export function buildReport(entries: Iterable<ReportEntry>, span: ReportSpan, scope: ReportScope = {}): Report {
  const inScope = (item: ItemAttributes) =>
    (scope.units === undefined || scope.units.has(item.unitId)) && (scope.categoryId === undefined || item.categoryId === scope.categoryId);
  // Only what had happened by the end of the span (and by `asOf`) exists for the report.
  const happened = (at: string) => at < span.to && at <= span.asOf;
  const end = span.to < span.asOf ? span.to : span.asOf;
  const items = new Map<string, ItemAttributes>();
  const total = newTally();
  const byUnit = new Map<string, Tally>();
  const byCategory = new Map<string, Tally>();
  const tallyOf = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (t === undefined) map.set(key, (t = newTally()));
    return t;
  };

  for (const entry of entries) {
    if (!happened(entry.at)) continue;
    const key = `${entry.subject}:${entry.subjectId}`;
    const payload = entry.payload as { input?: Record<string, unknown>; unitId?: string; categoryId?: number | null; meta?: { dueAt?: string | null } };
    let item = items.get(key);
    if (entry.event.endsWith('.create') && payload.input !== undefined) {
      const input = payload.input;
      item = {
        unitId: String(input.unitId),
        categoryId: (input.categoryId as number | null | undefined) ?? null,
        foundAt: String(input.foundAt ?? input.identifiedAt ?? entry.at),
        state: entry.toState ?? '',
        dueAt: (input.dueAt as string | null | undefined) ?? null,
      };
      items.set(key, item);
    }
    if (item === undefined) continue;
    if (entry.at >= span.from && inScope(item)) {
      addEntry(total, entry, item);
      addEntry(tallyOf(byUnit, item.unitId), entry, item);
      addEntry(tallyOf(byCategory, item.categoryId === null ? 'none' : String(item.categoryId)), entry, item);
    }
    // Later attributes apply to later events: a transfer moves the item's future work to its new unit.
    if (entry.event.endsWith('.transfer') && typeof payload.unitId === 'string') item.unitId = payload.unitId;
    if (entry.event.endsWith('.edit') && payload.categoryId !== undefined) item.categoryId = payload.categoryId ?? null;
    if (entry.event === 'problem.complete') item.rectification = (entry.payload as { rectification: RectificationFigures }).rectification;
    if (entry.event === 'problem.reject') item.rectification = null;
    if (entry.toState !== null && entry.toState !== item.state && !entry.event.endsWith('.create')) {
      item.state = entry.toState;
      item.dueAt = payload.meta?.dueAt ?? null;
    } else if (entry.event.endsWith('.extend')) {
      // A deadline extended (延期): the state stays, due later.
      item.dueAt = payload.meta?.dueAt ?? item.dueAt;
    }
  }

  // What stood open, and overdue, at the end of the span.
  for (const item of items.values()) {
    if (!openStates.has(item.state) || !inScope(item)) continue;
    const overdue = item.dueAt !== null && item.dueAt < end ? 1 : 0;
    for (const t of [total, tallyOf(byUnit, item.unitId), tallyOf(byCategory, item.categoryId === null ? 'none' : String(item.categoryId))]) {
      t.openAtEnd += 1;
      t.overdueAtEnd += overdue;
    }
  }

  return {
    span,
    total: rowOf(total),
    byUnit: Object.fromEntries([...byUnit].map(([k, t]) => [k, rowOf(t)])),
    byCategory: Object.fromEntries([...byCategory].map(([k, t]) => [k, rowOf(t)])),
  };
}
