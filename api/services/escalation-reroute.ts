import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { appendAuditAll } from '../../db/audit/append';
import { campaigns, escalations, webhookOutbox } from '../../db/schema';
import { awaitingOfficeRecipient, awaitsOffice, escalationRecipientOf, statesAwaitingOffice } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import { tableOf } from './item-tables';
import { webhookBody } from './escalation-webhook';
import { loadEscalationRouting } from './people/escalation-routing';

type EscalationRow = typeof escalations.$inferSelect;

/** Where an escalation is routed: its unit, and whom in it (the assignee by id, or a role). */
export type Route = Pick<EscalationRow, 'unitId' | 'recipient' | 'recipientUserId'>;

/** The item as the change left it: the unit and the assignee its standing escalations now follow. */
interface ItemNow {
  readonly campaignId: number;
  readonly unitId: string;
  readonly assigneeId: number | null;
}

/**
 * Passes an item's standing escalations (open or acknowledged) on to the
 * unit and person a change just gave it (a transfer, a new assignee), in
 * the change's transaction: each goes where the sweep would raise its rung
 * now (see escalationRecipientOf), with an `escalation.reroute` entry of its
 * own naming whom it went from and to, and, when the campaign has a webhook,
 * a delivery telling the bureau's messaging of its new recipients. Without
 * this a transferred item's escalations stayed with the unit it left, whose
 * lead no longer reads the item, and no one of its new unit could
 * acknowledge them. One whose recipient the change leaves the same (the
 * office's) is not passed on: only its unit follows the item. Returns how
 * many were passed on.
 */
export async function rerouteEscalations(tx: Tx, kind: ItemKindName, id: number, item: ItemNow, now: Date): Promise<number> {
  const standing = await tx
    .select()
    .from(escalations)
    .where(and(eq(escalations.subject, kind), eq(escalations.subjectId, id), inArray(escalations.status, ['open', 'acknowledged'])));
  const at = now.toISOString();
  const passed: { before: EscalationRow; after: EscalationRow }[] = [];
  for (const row of standing) {
    // By the state it was raised in: one waiting for the office alone is the office's at every rung.
    const to: Route = { unitId: item.unitId, ...escalationRecipientOf(levelOf(row.level), { assigneeId: item.assigneeId, awaitsOffice: awaitsOffice(kind, row.state) }) };
    if (sameRoute(row, to)) continue;
    if (sameRecipient(row, to)) {
      // The office's, its item moved between units: the office has it still, so nothing is passed on (no entry, no
      // delivery, no line in the history, its acknowledgement kept). Its unit follows the item, as the units' views
      // of the inbox read it: the unit the item left no longer lists it, the one it went to does.
      await tx.update(escalations).set({ unitId: to.unitId }).where(eq(escalations.id, row.id));
      continue;
    }
    // An acknowledgement is its acknowledger's word that they took it up: a new recipient has given none, so it is
    // theirs to acknowledge again.
    const [after] = await tx
      .update(escalations)
      .set({ ...to, ...(row.status === 'acknowledged' && { status: 'open', acknowledgedBy: null, acknowledgedAt: null, note: null }) })
      .where(and(eq(escalations.id, row.id), eq(escalations.status, row.status)))
      .returning();
    if (after !== undefined) passed.push({ before: row, after });
  }
  if (passed.length === 0) return 0;
  await appendAuditAll(
    tx,
    passed.map(({ before, after }) => ({
      at,
      // Written by no one, as a resolve entry is: the transfer or assignment that passed it on has its actor.
      actorId: null,
      campaignId: after.campaignId,
      subject: 'escalation' as const,
      subjectId: after.id,
      event: 'escalation.reroute',
      fromState: before.status,
      toState: after.status,
      payload: { item: { subject: after.subject, id: after.subjectId }, level: after.level, from: routeOf(before), to: routeOf(after) },
      // An escalation's entries number its place in open → acknowledged → resolved (see auditResolved): one passed on is open, at 1 again.
      version: 1,
    })),
  );
  await queueWebhooks(tx, item.campaignId, passed, at);
  return passed.length;
}

/**
 * Passes on the standing escalations stranded with people who cannot act on
 * them: those of items transferred before transfers passed them on, which
 * stayed with the unit their item left, where no one could read or
 * acknowledge them; and those raised to the assignee or the unit's lead in a
 * state only the office can end (已整改待验收) before every rung of such a
 * state went to the office. The server's first sweep after start runs it
 * (see sweepDeadlines' `settleAll`); after that every transfer passes its
 * item's on itself, and the sweep raises to the office. Returns how many
 * were passed on.
 */
export async function passOnStranded(tx: Tx, kind: ItemKindName, now: Date): Promise<number> {
  const t = tableOf(kind);
  const awaitingOffice = statesAwaitingOffice[kind];
  const notYetOffices = awaitingOffice.length === 0 ? undefined : and(inArray(escalations.state, [...awaitingOffice]), ne(escalations.recipient, awaitingOfficeRecipient));
  const stranded = await tx
    .selectDistinct({ id: t.id, campaignId: t.campaignId, unitId: t.unitId, assigneeId: t.assigneeId })
    .from(escalations)
    .innerJoin(t, eq(t.id, escalations.subjectId))
    .where(and(eq(escalations.subject, kind), inArray(escalations.status, ['open', 'acknowledged']), or(ne(escalations.unitId, t.unitId), notYetOffices)));
  let passed = 0;
  for (const item of stranded) passed += await rerouteEscalations(tx, kind, item.id, item, now);
  return passed;
}

/** The deliveries telling the bureau's messaging whom each escalation passed on goes to now, when the campaign has a webhook. */
async function queueWebhooks(tx: Tx, campaignId: number, passed: readonly { before: EscalationRow; after: EscalationRow }[], at: string): Promise<void> {
  const [campaign] = await tx.select({ url: campaigns.webhookUrl, secret: campaigns.webhookSecret }).from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
  if (campaign === undefined || campaign.url === null || campaign.secret === null) return;
  const url = campaign.url;
  const routing = await loadEscalationRouting(tx);
  await tx.insert(webhookOutbox).values(
    passed.map(({ before, after }) => ({
      campaignId,
      escalationId: after.id,
      url,
      body: webhookBody(after, routing.recipientsOf(after.recipient, after.unitId, after.recipientUserId), { from: routeOf(before) }),
      nextAttemptAt: at,
    })),
  );
}

const routeOf = (row: Route): Route => ({ unitId: row.unitId, recipient: row.recipient, recipientUserId: row.recipientUserId });

/** Whether it already stands where it would go: nothing to pass on. */
const sameRoute = (row: Route, to: Route) => row.unitId === to.unitId && sameRecipient(row, to);

/** Whether the same people hear it: the same assignee, the lead of the same unit, or the office. */
function sameRecipient(row: Route, to: Route): boolean {
  if (row.recipient !== to.recipient) return false;
  if (to.recipient === 'assignee') return row.recipientUserId === to.recipientUserId;
  return to.recipient === 'office' || row.unitId === to.unitId;
}

/** A stored rung as the engine's ladder names it (the table holds 1 to 3; anything else is the office's rung). */
function levelOf(level: number): 1 | 2 | 3 {
  return level === 1 || level === 2 ? level : 3;
}
