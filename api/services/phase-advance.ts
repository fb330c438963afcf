import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { describeCriterion, exitCriterionSchema, type Phase } from '../../engine';
import type { PhaseAdvance } from '../contracts/report';
import { stateLabel } from './campaign-detail';

/**
 * What the record of an advance is read for, of the engine's `phase.advance` event its entry holds: the reason and the
 * criteria found unmet. Read loosely (an entry is never rewritten), so a criterion the vocabulary no longer has leaves
 * the list unsaid rather than the frozen report unreadable.
 */
const advanceEntry = z.object({
  reason: z.string().optional(),
  unmet: z.array(z.object({ criterion: exitCriterionSchema, blocking: z.object({ count: z.number().int() }) })).optional(),
});

/**
 * The office's advance out of `phase`, from its audit entry: who advanced the campaign, when, the completion criteria
 * unmet then and the reason written for going on with them. The log is the record (the campaign's own row keeps only a
 * count of the criteria overridden); null where the campaign has not left the phase.
 */
export async function readPhaseAdvance(db: Db, campaignId: number, phase: Phase): Promise<PhaseAdvance | null> {
  const [entry] = await db
    .select({ at: auditLog.at, payload: auditLog.payload, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.campaignId, campaignId), eq(auditLog.subject, 'campaign'), eq(auditLog.event, 'phase.advance'), eq(auditLog.fromState, phase)))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  if (entry === undefined) return null;
  const parsed = advanceEntry.safeParse(JSON.parse(entry.payload));
  const event = parsed.success ? parsed.data : {};
  return {
    at: entry.at,
    actorName: entry.actorName,
    unmet: event.unmet === undefined ? null : event.unmet.map((u) => ({ description: describeCriterion(u.criterion, stateLabel), blocking: u.blocking.count })),
    reason: event.reason ?? null,
  };
}
