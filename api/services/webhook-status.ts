import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { webhookOutbox } from '../../db/schema';
import type { CampaignSettings } from '../contracts/campaign-admin';
import { webhookFailure } from './webhook-failure';

/**
 * The campaign's webhook as its settings show it: the address, whether a
 * secret is set (never the secret), and how its deliveries stand: how many
 * wait, how many of those have failed, and the latest failure: the error
 * as the delivery recorded it, and why in words the office reads, as the
 * test delivery says it.
 * Without a webhook none waits: what was queued is dropped, not sent.
 */
export async function webhookStatus(db: Db | Tx, campaign: { readonly id: number; readonly webhookUrl: string | null; readonly webhookSecret: string | null }): Promise<CampaignSettings['webhook']> {
  const webhook = { url: campaign.webhookUrl, secretSet: campaign.webhookSecret !== null };
  if (campaign.webhookUrl === null || campaign.webhookSecret === null) return { ...webhook, pending: 0, failing: 0, lastError: null, lastReason: null };
  const waiting = and(eq(webhookOutbox.campaignId, campaign.id), isNull(webhookOutbox.deliveredAt));
  const [counts] = await db.select({ pending: count(), failing: sql<number>`coalesce(sum(${webhookOutbox.attempts} > 0), 0)` }).from(webhookOutbox).where(waiting);
  // Failures recorded before their time was kept (null) sort after those whose time is known.
  const [last] = await db
    .select({ error: webhookOutbox.lastError })
    .from(webhookOutbox)
    .where(and(waiting, gt(webhookOutbox.attempts, 0)))
    .orderBy(desc(webhookOutbox.lastFailedAt), desc(webhookOutbox.id))
    .limit(1);
  const lastError = last?.error ?? null;
  return { ...webhook, pending: counts?.pending ?? 0, failing: counts?.failing ?? 0, lastError, lastReason: lastError === null ? null : webhookFailure(lastError) };
}
