import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns } from '../../db/schema';
import type { Actor } from '../../engine';
import type { WebhookTestResult } from '../contracts/campaign-admin';
import { ApiError } from '../errors';
import { assertOffice } from './campaign-admin';
import { sendSigned } from './webhook-delivery';
import { webhookFailure } from './webhook-failure';

/**
 * Sends a signed test delivery to the campaign's webhook now and says what
 * its receiver answered: for the office to check an address and a secret
 * before an escalation depends on them. It is not queued, kept or retried.
 */
export async function testWebhook(db: Db, id: number, actor: Actor, now: Date): Promise<WebhookTestResult> {
  assertOffice(actor);
  const [campaign] = await db.select({ url: campaigns.webhookUrl, secret: campaigns.webhookSecret }).from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (campaign === undefined) throw new ApiError('not_found');
  if (campaign.url === null || campaign.secret === null) {
    throw new ApiError('bad_request', { reason: { zh: '尚未设置推送地址', en: 'No webhook address is set' }, fields: [{ field: 'webhook.url', message: { zh: '尚未设置推送地址', en: 'No webhook address is set' } }] });
  }
  const body = JSON.stringify({ type: 'webhook.test', campaignId: id, at: now.toISOString(), by: actor.userId });
  const started = performance.now();
  const outcome = await sendSigned(campaign.url, body, campaign.secret, `test-${now.getTime()}`, 10_000);
  const reason = outcome.error === null ? null : webhookFailure(outcome.error);
  return { delivered: outcome.error === null, status: outcome.status, error: outcome.error, reason, ms: Math.round(performance.now() - started) };
}
