import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { webhookOutbox } from '../../db/schema';
import type { CampaignSettings } from '../contracts/campaign-admin';

/**
 * The campaign's webhook as its settings show it: the address, whether a
 * secret is set (never the secret), and how its deliveries stand: how many
 * wait, how many of those have failed, and the last failure's reason.
 */
export async function webhookStatus(db: Db | Tx, campaign: { readonly id: number; readonly webhookUrl: string | null; readonly webhookSecret: string | null }): Promise<CampaignSettings['webhook']> {
  const waiting = and(eq(webhookOutbox.campaignId, campaign.id), isNull(webhookOutbox.deliveredAt));
  const [counts] = await db.select({ pending: count(), failing: sql<number>`coalesce(sum(${webhookOutbox.attempts} > 0), 0)` }).from(webhookOutbox).where(waiting);
  const [last] = await db
    .select({ error: webhookOutbox.lastError })
    .from(webhookOutbox)
    .where(and(waiting, gt(webhookOutbox.attempts, 0)))
    .orderBy(desc(webhookOutbox.nextAttemptAt))
    .limit(1);
  return { url: campaign.webhookUrl, secretSet: campaign.webhookSecret !== null, pending: counts?.pending ?? 0, failing: counts?.failing ?? 0, lastError: last?.error ?? null };
}
