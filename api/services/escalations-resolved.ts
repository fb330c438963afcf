import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { appendAuditAll } from '../../db/audit/append';
import { campaigns, escalations } from '../../db/schema';
import type { ResolvedBecause } from '../../db/schema/escalations';

type EscalationRow = typeof escalations.$inferSelect;

/**
 * Resolves the escalations of phases a campaign has left (its window closed
 * with the campaign still in it, then the office advanced): the advance
 * settles them in its own commit, as an extension settles an item's; the
 * sweep that starts the server settles any left from before.
 */
export async function resolvePhasesLeft(tx: Tx, now: Date, campaignId?: number): Promise<number> {
  const left = await tx
    .update(escalations)
    .set({ status: 'resolved', resolvedAt: now.toISOString() })
    .where(
      and(
        eq(escalations.subject, 'campaign'),
        inArray(escalations.status, ['open', 'acknowledged']),
        campaignId === undefined ? undefined : eq(escalations.subjectId, campaignId),
        sql`${escalations.state} <> (select ${campaigns.state} from ${campaigns} where ${campaigns.id} = ${escalations.subjectId})`,
      ),
    )
    .returning();
  await auditResolved(tx, left, now);
  return left.length;
}


/**
 * The audit entries of escalations just resolved, one each, written by no one (the move, the extension or the
 * advance was), each with why where the caller says it (a phase's is resolved by the advance alone).
 */
export async function auditResolved(tx: Tx, resolved: readonly EscalationRow[], now: Date, because?: (row: EscalationRow) => ResolvedBecause): Promise<void> {
  if (resolved.length > 0) {
    await appendAuditAll(
      tx,
      resolved.map((row) => ({
        at: now.toISOString(),
        actorId: null,
        campaignId: row.campaignId,
        subject: 'escalation' as const,
        subjectId: row.id,
        event: 'escalation.resolve',
        fromState: row.acknowledgedAt === null ? 'open' : 'acknowledged',
        toState: 'resolved',
        payload: { item: { subject: row.subject, id: row.subjectId }, level: row.level, ...(because !== undefined && { because: because(row) }) },
        version: row.acknowledgedAt === null ? 2 : 3,
      })),
    );
  }
}
