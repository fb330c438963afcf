import { and, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { Database, Tx } from '../../db/client';
import { appendAuditAll, type AuditInput } from '../../db/audit/append';
import { rowsAsSelect } from '../../db/bulk-insert';
import { campaigns, escalations, webhookOutbox } from '../../db/schema';
import { campaignOverdue, escalationDue, isPhase, windowBounds, type EscalationThresholds, type Phase } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import { unmetCriteria } from './campaign-detail';
import { tableOf } from './item-tables';
import { campaignColumns, loadCampaign, type CampaignRow } from './campaign-rules';
import { letOthersIn } from './let-others-in';
import { loadEscalationRouting } from './people/escalation-routing';

type EscalationRow = typeof escalations.$inferSelect;

export interface SweepResult {
  readonly raised: number;
  readonly resolved: number;
}

const hour = 3_600_000;

/**
 * The JSON a webhook receives for an escalation. `recipientUserIds` names
 * who it was routed to when raised: the assignee, the unit's leads, or the
 * office's leads (empty when it goes to every office user).
 */
function webhookBody(row: EscalationRow, recipientUserIds: readonly number[]): string {
  return JSON.stringify({
    type: 'escalation.raised',
    escalation: {
      id: row.id,
      campaignId: row.campaignId,
      subject: row.subject,
      subjectId: row.subjectId,
      state: row.state,
      level: row.level,
      recipient: row.recipient,
      recipientUserId: row.recipientUserId,
      recipientUserIds,
      unitId: row.unitId,
      dueAt: row.dueAt,
      raisedAt: row.raisedAt,
      detail: row.detail,
    },
  });
}

/** HMAC-SHA256 of the body under the campaign's shared secret, as sent in X-Battlemap-Signature. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function raisedEntry(row: EscalationRow, at: string): AuditInput {
  return {
    at,
    actorId: null,
    campaignId: row.campaignId,
    subject: 'escalation',
    subjectId: row.id,
    event: 'escalation.raise',
    fromState: null,
    toState: 'open',
    payload: { item: { subject: row.subject, id: row.subjectId }, level: row.level, recipient: row.recipient, recipientUserId: row.recipientUserId, unitId: row.unitId, dueAt: row.dueAt, detail: row.detail },
    version: 1,
  };
}

/** Items read and raised per write transaction: about a tenth of a second of the writer at most, so moves queued behind a large sweep wait that long, not for the whole sweep. */
const itemsPerPart = 1_000;

/**
 * One sweep of every campaign: raise the rung each overstaying item has
 * reached, and raise an office escalation for a phase whose window closed
 * with the campaign still in it. The unique index on (item, entry, level)
 * makes a repeated sweep, or a second process sweeping, raise nothing
 * twice: only rows this sweep actually inserted get audit entries and
 * webhook deliveries.
 *
 * The items due are found with a read, outside the writer; they are then
 * raised in parts, each its own write transaction that reads its items
 * again and raises each item's rung together with its escalation, audit
 * entry and webhook delivery. A deadline shared by thousands of items (an
 * import's clues all fall due together) would otherwise hold every move
 * behind one transaction of seconds. An item moved on between the read and
 * its part is no longer a candidate when its part reads it.
 *
 * Escalations of items that moved on are resolved by the move itself, in
 * its own commit (an item's state entry, and so its deadline, changes only
 * when it moves). `settleAll` also checks every open escalation against its
 * item, for databases written before that was so: the server does it in
 * its first sweep after start. It reads every open escalation, so it is
 * not repeated on every sweep.
 */
export async function sweepDeadlines(database: Database, now: Date, options: { settleAll?: boolean; itemsPerPart?: number } = {}): Promise<SweepResult> {
  const perPart = options.itemsPerPart ?? itemsPerPart;
  let raised = 0;
  let resolved = 0;
  // Not the map: it is most of the row, and the sweep runs every few minutes.
  const running = await database.db.select(campaignColumns).from(campaigns).where(ne(campaigns.state, 'concluded'));
  for (const campaign of running) {
    for (const kind of ['clue', 'problem'] as const) {
      const due = await database.db
        .select({ id: tableOf(kind).id })
        .from(tableOf(kind))
        .where(pastARung(kind, campaign.id, campaign.config.escalation, now));
      const ids = due.map((item) => item.id).sort((a, b) => a - b);
      for (let i = 0; i < ids.length; i += perPart) {
        // A turn of the event loop first: requests that arrived during the last part queue their moves ahead of this one.
        if (i > 0) await letOthersIn();
        const part = ids.slice(i, i + perPart);
        raised += await database.write(async (tx) => {
          // Read again in the part's transaction: the campaign may have been concluded or its ladder changed since.
          const current = await loadCampaign(tx, campaign.id);
          if (current.state === 'concluded') return 0;
          const inserted = await raiseForItems(tx, kind, current, part, now);
          await recordRaised(tx, current, inserted, now);
          return inserted.length;
        });
      }
    }
    if (!isPhase(campaign.state) || !campaignOverdue(campaign.state, campaign.config, now)) continue;
    raised += await database.write(async (tx) => {
      const current = await loadCampaign(tx, campaign.id);
      if (!isPhase(current.state) || !campaignOverdue(current.state, current.config, now)) return 0;
      const inserted = await raiseForPhase(tx, current, current.state, now);
      await recordRaised(tx, current, inserted, now);
      return inserted.length;
    });
  }
  if (options.settleAll === true) {
    resolved = await database.write(async (tx) => {
      let settled = 0;
      for (const kind of ['clue', 'problem'] as const) settled += await resolveMovedOn(tx, kind, now);
      return settled;
    });
  }
  return { raised, resolved };
}

/** The office escalation of a phase whose window closed with the campaign still in it, listing what blocks leaving it; none if already raised. */
async function raiseForPhase(tx: Tx, campaign: CampaignRow, phase: Phase, now: Date): Promise<EscalationRow[]> {
  const unmet = await unmetCriteria(tx, campaign);
  return tx
    .insert(escalations)
    .values({
      campaignId: campaign.id,
      subject: 'campaign',
      subjectId: campaign.id,
      enteredAt: campaign.context.phaseEnteredAt[phase] ?? campaign.createdAt,
      state: phase,
      level: 3,
      recipient: 'office',
      recipientUserId: null,
      unitId: null,
      dueAt: windowBounds(campaign.config, phase).closes.toISOString(),
      raisedAt: now.toISOString(),
      status: 'open',
      detail: { phase, unmet: unmet.map((u) => ({ criterion: u.criterion, blocking: u.blocking })) },
    })
    .onConflictDoNothing()
    .returning();
}

/** The audit entries of escalations just raised and, when the campaign has a webhook, their deliveries: in the transaction that raised them. */
async function recordRaised(tx: Tx, campaign: CampaignRow, inserted: readonly EscalationRow[], now: Date): Promise<void> {
  if (inserted.length === 0) return;
  const at = now.toISOString();
  await appendAuditAll(tx, inserted.map((row) => raisedEntry(row, at)));
  if (campaign.webhookUrl === null || campaign.webhookSecret === null) return;
  const url = campaign.webhookUrl;
  const routing = await loadEscalationRouting(tx);
  const body = (row: EscalationRow) => webhookBody(row, routing.recipientsOf(row.recipient, row.unitId, row.recipientUserId));
  // SQLite bounds the parameters of one statement: 5 per row × 1,000 rows stays inside it.
  for (let i = 0; i < inserted.length; i += 1000) {
    await tx.insert(webhookOutbox).values(inserted.slice(i, i + 1000).map((row) => ({ escalationId: row.id, url, body: body(row), nextAttemptAt: at })));
  }
}

/**
 * The items that may have reached a rung above the one raised for their
 * state, as SQL sees it, through the index on (rung raised, due time): the
 * cost grows with what has newly fallen due, not with the campaign or with
 * what was raised before. Only to find candidates; escalationDue stays the
 * judge of what is raised and to whom.
 */
function pastARung(kind: ItemKindName, campaignId: number, thresholds: EscalationThresholds, now: Date) {
  const t = tableOf(kind);
  const horizon = new Date(now.getTime() + thresholds.dueSoonHours * hour).toISOString();
  const longOverdue = new Date(now.getTime() - thresholds.longOverdueDays * 24 * hour).toISOString();
  const past = (raised: number, reached: string) => and(isNotNull(t.dueAt), eq(t.campaignId, campaignId), eq(t.escalatedLevel, raised), lte(t.dueAt, reached));
  return or(past(0, horizon), past(1, now.toISOString()), past(2, longOverdue));
}

/** Raises the rung each of the given items has reached by now, if it is still a candidate, and keeps the rung on the item. */
async function raiseForItems(tx: Tx, kind: ItemKindName, campaign: CampaignRow, ids: readonly number[], now: Date): Promise<EscalationRow[]> {
  const t = tableOf(kind);
  const thresholds = campaign.config.escalation;
  const campaignId = campaign.id;
  const due = await tx
    .select({ id: t.id, state: t.state, unitId: t.unitId, assigneeId: t.assigneeId, enteredAt: t.enteredAt, dueAt: t.dueAt, escalatedLevel: t.escalatedLevel })
    .from(t)
    .where(and(inArray(t.id, [...ids]), pastARung(kind, campaignId, thresholds, now)));
  const values = due.flatMap((item) => {
    const rung = escalationDue(item, now, thresholds);
    if (rung === null || item.dueAt === null || rung.level <= item.escalatedLevel) return [];
    return [
      {
        campaignId,
        subject: kind,
        subjectId: item.id,
        enteredAt: item.enteredAt,
        state: item.state,
        level: rung.level,
        recipient: rung.recipient,
        recipientUserId: rung.recipientUserId,
        unitId: item.unitId,
        dueAt: item.dueAt,
        raisedAt: now.toISOString(),
        status: 'open' as const,
      },
    ];
  });
  if (values.length === 0) return [];
  const raised = await tx
    .insert(escalations)
    .select(rowsAsSelect(escalations, values))
    .onConflictDoNothing()
    .returning({ id: escalations.id, subjectId: escalations.subjectId, level: escalations.level });
  // Only the ids come back (building each whole row was a tenth of a large sweep); the rest is what was inserted.
  const byRung = new Map(values.map((v) => [`${v.subjectId}:${v.level}`, v]));
  const inserted: EscalationRow[] = [];
  for (const { id, subjectId, level } of raised.sort((a, b) => a.id - b.id)) {
    const value = byRung.get(`${subjectId}:${level}`);
    if (value !== undefined) inserted.push({ ...value, id, acknowledgedBy: null, acknowledgedAt: null, note: null, resolvedAt: null, detail: null });
  }
  // The rung is raised whether this sweep inserted it or another process did first.
  const rungs = JSON.stringify(values.map((v) => [v.subjectId, v.level]));
  await tx.run(sql`update ${t} set escalated_level = r.value ->> 1 from json_each(${rungs}) r where ${t.id} = r.value ->> 0`);
  return inserted;
}

/** Resolves the escalations of items that left the state they were raised for (or were closed). */
export async function resolveMovedOn(tx: Tx, kind: ItemKindName, now: Date, onlyItem?: number): Promise<number> {
  const t = tableOf(kind);
  const moved = await tx
    .update(escalations)
    .set({ status: 'resolved', resolvedAt: now.toISOString() })
    .where(
      and(
        eq(escalations.subject, kind),
        inArray(escalations.status, ['open', 'acknowledged']),
        onlyItem === undefined ? undefined : eq(escalations.subjectId, onlyItem),
        sql`not exists (select 1 from ${t} where ${t.id} = ${escalations.subjectId} and ${t.enteredAt} = ${escalations.enteredAt} and ${t.dueAt} is not null)`,
      ),
    )
    .returning();
  if (moved.length > 0) {
    await appendAuditAll(
      tx,
      moved.map((row) => ({
        at: now.toISOString(),
        actorId: null,
        campaignId: row.campaignId,
        subject: 'escalation' as const,
        subjectId: row.id,
        event: 'escalation.resolve',
        fromState: row.acknowledgedAt === null ? 'open' : 'acknowledged',
        toState: 'resolved',
        payload: { item: { subject: row.subject, id: row.subjectId }, level: row.level },
        version: row.acknowledgedAt === null ? 2 : 3,
      })),
    );
  }
  return moved.length;
}
