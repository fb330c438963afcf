import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { clues, escalations, problems } from '../../db/schema';
import {
  isPhase,
  openClueStates,
  openProblemStates,
  type CampaignState,
  type ExitCriterion,
  type ExitFacts,
  type ItemRef,
  type ItemSet,
  type TargetFact,
  targetsAgainst,
} from '../../engine';
import { unitTreeOnce } from '../auth/unit-scope';
import type { CampaignRow } from './campaign-rules';
import { spanOf } from './report';
import { figuresByUnit } from './report-sql';

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
 * by level, and each unit's targets for the phase being left against its
 * figures in the phase's report (see {@link targetFacts}). Only what the criteria read is counted:
 * the campaign header asks on every page load.
 */
export async function countExitFacts(db: Db | Tx, campaign: CampaignRow, criteria: readonly ExitCriterion[], now: Date): Promise<ExitFacts> {
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
    targets: criteria.some((c) => c.kind === 'unitTargetsMet') ? await targetFacts(db, campaign, now) : [],
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
 * Each unit's targets for a phase (the current one, by default) against its figures in the phase's report so far:
 * counted over the span the report counts (the survey's includes its backlog) and by the unit each entry was written
 * for, as the report's rows by unit are. Work done stays the doing unit's when the item is later transferred, and a
 * unit's target and its row in the report (published, frozen at the advance) never disagree. None outside a phase.
 */
export async function targetFacts(db: Db | Tx, campaign: CampaignRow, now: Date, phase: CampaignState = campaign.state): Promise<TargetFact[]> {
  if (!isPhase(phase)) return [];
  const targets = campaign.config.targets.filter((t) => t.phase === phase);
  if (targets.length === 0) return [];
  const [byUnit, tree] = await Promise.all([figuresByUnit(db, campaign.id, spanOf(campaign, { phase }, now)), unitTreeOnce(db)()]);
  return targetsAgainst(targets, (unitId) => byUnit.get(unitId), tree);
}
