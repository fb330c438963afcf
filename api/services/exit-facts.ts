import { and, count, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditLog, clues, escalations, problems } from '../../db/schema';
import {
  isPhase,
  openClueStates,
  openProblemStates,
  targetMetricEvents,
  type ExitCriterion,
  type ExitFacts,
  type ItemRef,
  type ItemSet,
  type TargetFact,
} from '../../engine';
import { subtreeOf, unitTreeOnce } from '../auth/unit-scope';
import type { CampaignRow } from './campaign-rules';
import { phaseCountedFrom } from './report';

const sampleSize = 50;

async function itemSet(db: Db | Tx, kind: 'clue' | 'problem', where: ReturnType<typeof and>): Promise<ItemSet> {
  const t = kind === 'clue' ? clues : problems;
  const [total] = await db.select({ n: count() }).from(t).where(where);
  const n = total?.n ?? 0;
  if (n === 0) return { count: 0, sample: [] };
  const ids = await db.select({ id: t.id }).from(t).where(where).orderBy(t.dueAt, t.id).limit(sampleSize);
  return { count: n, sample: ids.map((r): ItemRef => ({ kind, id: r.id })) };
}

/**
 * What the given exit criteria read, counted now in SQL: items in the
 * states they name, open items without an assignee, unresolved escalations
 * by level, and each unit's targets for the phase being left against what
 * the audit log shows done in it (see {@link targetFacts}). Only what the criteria read is counted:
 * the campaign header asks on every page load.
 */
export async function countExitFacts(db: Db | Tx, campaign: CampaignRow, criteria: readonly ExitCriterion[]): Promise<ExitFacts> {
  const cid = campaign.id;
  const none: ItemSet = { count: 0, sample: [] };
  const clueStatesRead = new Set(criteria.flatMap((c) => (c.kind === 'noCluesIn' ? c.states : [])));
  const problemStatesRead = new Set(criteria.flatMap((c) => (c.kind === 'noProblemsIn' ? c.states : [])));
  const cluesIn = Object.fromEntries(
    await Promise.all([...clueStatesRead].map(async (s) => [s, await itemSet(db, 'clue', and(eq(clues.campaignId, cid), eq(clues.state, s)))] as const)),
  );
  const problemsIn = Object.fromEntries(
    await Promise.all([...problemStatesRead].map(async (s) => [s, await itemSet(db, 'problem', and(eq(problems.campaignId, cid), eq(problems.state, s)))] as const)),
  );
  let unassigned = none;
  if (criteria.some((c) => c.kind === 'responsibilityComplete')) {
    const [unassignedClues, unassignedProblems] = await Promise.all([
      itemSet(db, 'clue', and(eq(clues.campaignId, cid), inArray(clues.state, [...openClueStates]), isNull(clues.assigneeId))),
      itemSet(db, 'problem', and(eq(problems.campaignId, cid), inArray(problems.state, [...openProblemStates]), isNull(problems.assigneeId))),
    ]);
    unassigned = { count: unassignedClues.count + unassignedProblems.count, sample: [...unassignedClues.sample, ...unassignedProblems.sample].slice(0, sampleSize) };
  }
  const openEscalations = criteria.some((c) => c.kind === 'noOpenEscalations') ? await unresolvedEscalations(db, cid) : { 1: none, 2: none, 3: none };
  return {
    cluesIn,
    problemsIn,
    unassigned,
    openEscalations,
    targets: criteria.some((c) => c.kind === 'unitTargetsMet') ? await targetFacts(db, campaign) : [],
  };
}

/**
 * The items with an escalation not yet resolved (open or acknowledged), per
 * level: counted in SQL and sampled up to the sample size, since a busy
 * campaign has thousands and the header asks on every page load.
 */
async function unresolvedEscalations(db: Db | Tx, campaignId: number): Promise<ExitFacts['openEscalations']> {
  const unresolved = and(eq(escalations.campaignId, campaignId), inArray(escalations.status, ['open', 'acknowledged']), inArray(escalations.subject, ['clue', 'problem']));
  const counts = await db.select({ level: escalations.level, n: count() }).from(escalations).where(unresolved).groupBy(escalations.level);
  const at = async (level: 1 | 2 | 3): Promise<ItemSet> => {
    const n = counts.find((c) => c.level === level)?.n ?? 0;
    if (n === 0) return { count: 0, sample: [] };
    const rows = await db
      .select({ subject: escalations.subject, subjectId: escalations.subjectId })
      .from(escalations)
      .where(and(unresolved, eq(escalations.level, level)))
      // In the level index's order: by id, SQLite sorted every unresolved escalation of the level to keep 50 (29 ms at 1M).
      .orderBy(escalations.status, escalations.subject, escalations.subjectId)
      .limit(sampleSize);
    const items = rows.filter((r): r is typeof r & { subject: 'clue' | 'problem' } => r.subject !== 'campaign');
    return { count: n, sample: items.map((r) => ({ kind: r.subject, id: r.subjectId })) };
  };
  const [one, two, three] = await Promise.all([at(1), at(2), at(3)]);
  return { 1: one, 2: two, 3: three };
}

/**
 * Each unit's targets for the current phase against what the audit log shows
 * done over the span the phase's report counts, by the unit that holds each
 * item now; none outside a phase.
 */
export async function targetFacts(db: Db | Tx, campaign: CampaignRow): Promise<TargetFact[]> {
  const phase = campaign.state;
  if (!isPhase(phase)) return [];
  const targets = campaign.config.targets.filter((t) => t.phase === phase);
  if (targets.length === 0) return [];
  // The span the phase's report counts, so that a target and the report agree: the survey's includes its backlog.
  const since = phaseCountedFrom(campaign, phase) ?? campaign.createdAt;
  const tree = await unitTreeOnce(db)();
  const facts: TargetFact[] = [];
  for (const metric of new Set(targets.map((t) => t.metric))) {
    const events = targetMetricEvents[metric];
    const subject = metric === 'problemsRectified' ? problems : clues;
    // Counted against the item's unit now: work transferred in counts for the unit that holds it. The items
    // done are found in the audit index and counted from the items' index by unit, instead of joining every
    // entry to its item's row and counting distinct items (1M clues: 1.1 → 0.58 s).
    const done = db
      .select({ id: auditLog.subjectId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.campaignId, campaign.id),
          eq(auditLog.subject, metric === 'problemsRectified' ? 'problem' : 'clue'),
          inArray(auditLog.event, [...events]),
          gte(auditLog.at, since),
        ),
      );
    const rows = await db
      .select({ unitId: subject.unitId, n: count() })
      .from(subject)
      .where(and(eq(subject.campaignId, campaign.id), inArray(subject.id, done)))
      .groupBy(subject.unitId);
    const actual = new Map(rows.map((r) => [r.unitId, Number(r.n)]));
    for (const target of targets.filter((t) => t.metric === metric)) {
      // A county branch's target is its whole area's: the work of its police stations counts toward it.
      const done = subtreeOf(target.unitId, tree).reduce((sum, unitId) => sum + (actual.get(unitId) ?? 0), 0);
      facts.push({ unitId: target.unitId, metric, target: target.value, actual: done });
    }
  }
  return facts;
}
