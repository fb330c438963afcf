import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { campaigns, units, users, webhookOutbox } from '../../db/schema';
import { subtreeOf } from '../../engine/units';
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
  // An answer given after the item was transferred out of the asker's units is that unit's business: its title and a
  // decline's reason are not the asker's to read any more, as the answered requests of their inbox do not list it.
  if (change !== 'requested' && !(await readsUnit(tx, request.by, changed.context.unitId))) return;
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

/** Whether a user reads the items of a unit: a lead or an officer those of their own unit and the units below it, the other roles all. */
async function readsUnit(tx: Tx, userId: number, unitId: string): Promise<boolean> {
  const [user] = await tx.select({ role: users.role, unitId: users.unitId }).from(users).where(eq(users.id, userId)).limit(1);
  if (user === undefined) return false;
  if (user.role !== 'lead' && user.role !== 'officer') return true;
  return subtreeOf(user.unitId, await tx.select({ id: units.id, parentId: units.parentId }).from(units)).includes(unitId);
}
