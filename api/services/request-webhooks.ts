import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { campaigns, webhookOutbox } from '../../db/schema';
import { extensionRequestOf, type ExtensionRequest, type WithExtensionRequest } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import { loadEscalationRouting } from './people/escalation-routing';

/** What a change did to the request for more time on an item: asked it, answered it, or nothing. */
export type RequestChange = 'requested' | 'granted' | 'declined' | 'ended';

/**
 * A request asked (a new one), or the one waiting answered: by an extension
 * (granted, to the day asked or another), declined, or ended by the item
 * moving on; null for a change that leaves requests alone.
 */
export function requestChangeOf(eventType: string, before: ExtensionRequest | null, after: ExtensionRequest | null): RequestChange | null {
  if (after !== null && (before === null || before.at !== after.at || before.by !== after.by)) return 'requested';
  if (before === null || after !== null) return null;
  if (eventType.endsWith('.extend')) return 'granted';
  return eventType.endsWith('.declineExtension') ? 'declined' : 'ended';
}

/** The item as the change stored it, and the event it stored. */
interface Changed {
  readonly kind: ItemKindName;
  readonly id: number;
  readonly state: string;
  readonly context: WithExtensionRequest & { readonly campaignId: number; readonly unitId: string; readonly title: string };
  readonly event: { readonly type: string; readonly until?: string; readonly reason?: string };
}

/**
 * Queues the webhook delivery of a request asked or answered, in the
 * change's own transaction, when the campaign has a webhook: so the bureau's
 * messaging tells the lead who answers it (the unit's leads; the office's,
 * for a lead's own request) that one waits, and whoever asked what became
 * of it. The same outbox, signature and retries as the escalations'.
 */
export async function queueRequestWebhook(tx: Tx, before: WithExtensionRequest, changed: Changed, actorId: number, at: string): Promise<void> {
  const asked = extensionRequestOf(before);
  const now = extensionRequestOf(changed.context);
  const change = requestChangeOf(changed.event.type, asked, now);
  if (change === null) return;
  const [campaign] = await tx.select({ url: campaigns.webhookUrl, secret: campaigns.webhookSecret }).from(campaigns).where(eq(campaigns.id, changed.context.campaignId)).limit(1);
  if (campaign === undefined || campaign.url === null || campaign.secret === null) return;
  const request = (change === 'requested' ? now : asked) as ExtensionRequest;
  const routing = await loadEscalationRouting(tx);
  const leads = routing.recipientsOf('unitLead', changed.context.unitId, null);
  // Asked: whoever may answer (a lead's own request waits on the office). Answered: whoever asked.
  const recipientUserIds = change !== 'requested' ? [request.by] : leads.includes(request.by) ? routing.recipientsOf('office', null, null) : leads;
  const body = JSON.stringify({
    type: `extension.${change}`,
    request: {
      campaignId: changed.context.campaignId,
      subject: changed.kind,
      subjectId: changed.id,
      title: changed.context.title,
      unitId: changed.context.unitId,
      state: changed.state,
      until: request.until,
      requestedDueAt: request.dueAt,
      reason: request.reason,
      askedBy: request.by,
      askedAt: request.at,
      ...(change !== 'requested' && {
        answer: {
          by: actorId,
          at,
          dueAt: changed.context.dueAt,
          ...(change === 'granted' && { grantedUntil: changed.event.until ?? null }),
          ...((change === 'granted' || change === 'declined') && { reason: changed.event.reason ?? null }),
        },
      }),
      recipientUserIds,
    },
  });
  await tx.insert(webhookOutbox).values({ campaignId: changed.context.campaignId, url: campaign.url, body, nextAttemptAt: at });
}
