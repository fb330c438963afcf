import { and, asc, eq, inArray, sum } from 'drizzle-orm';
import { readUnits } from './unit-list';
import type { Database, Db, Tx } from '../../db/client';
import { appendAudit } from '../../db/audit/append';
import { boardCounts, campaigns, categories } from '../../db/schema';
import { openClueStates } from '../../engine/clue/clue.model';
import { openProblemStates } from '../../engine/problem/problem.model';
import {
  campaignOverdue,
  clueStateLabels,
  decideAdvance,
  describeCriterion,
  evaluateExitCriteria,
  isPhase,
  phases,
  problemStateLabels,
  type Actor,
  type ClueState,
  type ProblemState,
  type UnmetCriterion,
} from '../../engine';
import type { CampaignDetail } from '../contracts/campaign';
import { ApiError, refusalError } from '../errors';
import { attachmentsHeld } from './attachment-quota';
import { loadCampaign, type CampaignRow } from './campaign-rules';
import { countExitFacts } from './exit-facts';
import { freezePhaseReport } from './report';
import { resolvePhasesLeft } from './escalations-resolved';

/** A clue's or a problem's state by its name, as the exit criteria are described. */
export const stateLabel = (kind: 'clue' | 'problem', state: string) =>
  kind === 'clue' ? clueStateLabels[state as ClueState] : problemStateLabels[state as ProblemState];

/** The exit criteria of the campaign's current phase that do not hold now. */
export async function unmetCriteria(db: Db | Tx, campaign: CampaignRow, now: Date): Promise<UnmetCriterion[]> {
  if (!isPhase(campaign.state)) return [];
  const criteria = campaign.config.exitCriteria[campaign.state];
  return evaluateExitCriteria(criteria, await countExitFacts(db, campaign, criteria, now));
}

/** The clues and problems open in the campaign, from the board's counts. */
async function openItems(db: Db | Tx, campaignId: number): Promise<{ clues: number; problems: number }> {
  const rows = await db
    .select({ kind: boardCounts.kind, n: sum(boardCounts.n) })
    .from(boardCounts)
    .where(and(eq(boardCounts.campaignId, campaignId), inArray(boardCounts.state, [...openClueStates, ...openProblemStates])))
    .groupBy(boardCounts.kind);
  const of = (kind: 'clue' | 'problem') => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { clues: of('clue'), problems: of('problem') };
}

/** The campaign as its header and phase panel show it. */
export async function readCampaignDetail(db: Db | Tx, id: number, now: Date): Promise<CampaignDetail> {
  const campaign = await loadCampaign(db, id);
  const quotaMb = campaign.config.attachmentQuotaMb ?? null;
  const [unitRows, categoryRows, unmet, held, leftOpen] = await Promise.all([
    readUnits(db),
    db.select().from(categories).where(eq(categories.campaignId, id)).orderBy(asc(categories.sortOrder)),
    unmetCriteria(db, campaign, now),
    // Read only where a limit is set: the sum runs over the index of the campaign's files.
    quotaMb === null ? null : attachmentsHeld(db, id),
    campaign.state === 'consolidation' ? openItems(db, id) : null,
  ]);
  const { config } = campaign;
  return {
    id: campaign.id,
    code: campaign.code,
    nameZh: campaign.nameZh,
    nameEn: campaign.nameEn,
    state: campaign.state,
    version: campaign.version,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    timeZone: config.timeZone,
    windows: config.windows,
    phaseEnteredAt: Object.fromEntries(Object.entries(campaign.context.phaseEnteredAt).filter((e): e is [string, string] => e[1] !== undefined)),
    overdue: campaignOverdue(campaign.state, config, now),
    unmet: unmet.map((u) => ({ criterion: { ...u.criterion }, description: describeCriterion(u.criterion, stateLabel), blocking: { count: u.blocking.count, sample: [...u.blocking.sample] } })),
    phases: [...phases],
    units: unitRows,
    categories: categoryRows.map((row) => ({ id: row.id, code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, sortOrder: row.sortOrder, retired: row.retiredAt !== null })),
    storage: quotaMb === null || held === null ? null : { usedBytes: held.bytes, quotaMb },
    leftOpen,
  };
}

/**
 * Advances the campaign into its next phase, all or nothing: the exit
 * criteria are counted inside the write transaction, so no move can slip in
 * between the count and the advance. Unmet criteria need the office's
 * written reason, which the audit entry keeps with the criteria it overrode.
 */
export async function advanceCampaign(database: Database, id: number, actor: Actor, request: { version: number; reason?: string | undefined }, now: Date): Promise<CampaignDetail> {
  return database.write(async (tx) => {
    const campaign = await loadCampaign(tx, id);
    if (campaign.version !== request.version) {
      throw new ApiError('version_conflict', { extra: { current: await readCampaignDetail(tx, id, now) } });
    }
    const unmet = await unmetCriteria(tx, campaign, now);
    const payload = request.reason === undefined ? {} : { reason: request.reason };
    const decision = decideAdvance({ id, state: campaign.state, context: campaign.context, version: campaign.version }, actor, payload, campaign.config, unmet, now);
    if (!decision.ok) throw refusalError(decision.refusal);
    // The phase being left is reported as it stands now, frozen, in the same commit as the advance.
    if (isPhase(campaign.state)) await freezePhaseReport(tx, campaign, campaign.state, actor.userId, now);
    const updated = await tx
      .update(campaigns)
      .set({ state: decision.state, context: decision.context, version: decision.version })
      .where(eq(campaigns.id, id))
      .returning({ id: campaigns.id });
    if (updated.length !== 1) throw new ApiError('not_found');
    await appendAudit(tx, {
      at: now.toISOString(),
      actorId: actor.userId,
      campaignId: id,
      subject: 'campaign',
      subjectId: id,
      event: decision.event.type,
      fromState: decision.from,
      toState: decision.to,
      payload: decision.event,
      version: decision.version,
    });
    // The window of the phase left closed with the campaign in it: its escalation is settled by the advance, in this commit.
    await resolvePhasesLeft(tx, now, id);
    return readCampaignDetail(tx, id, now);
  });
}
