import { and, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { Database, Tx } from '../../db/client';
import { appendAuditAll, type AuditInput } from '../../db/audit/append';
import { rowsAsSelect } from '../../db/bulk-insert';
import { campaigns, escalations, webhookOutbox } from '../../db/schema';
import { campaignOverdue, escalationDue, isPhase, windowBounds } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import { unmetCriteria } from './campaign-detail';
import { tableOf } from './item-tables';
import { campaignColumns } from './campaign-rules';
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

/**
 * One sweep of every campaign, in one write transaction: raise the rung
 * each overstaying item has reached, and raise an office escalation for a
 * phase whose window closed with the campaign still in it. The unique index
 * on (item, entry, level) makes a repeated sweep, or a second process
 * sweeping, raise nothing twice: only rows this sweep actually inserted get
 * audit entries and webhook deliveries.
 *
 * Escalations of items that moved on are resolved by the move itself, in
 * its own commit (an item's state entry, and so its deadline, changes only
 * when it moves). `settleAll` also checks every open escalation against its
 * item, for databases written before that was so: the server does it in
 * its first sweep after start. It reads every open escalation, so it is
 * not repeated on every sweep.
 */
export async function sweepDeadlines(database: Database, now: Date, options: { settleAll?: boolean } = {}): Promise<SweepResult> {
  return database.write(async (tx) => {
    const at = now.toISOString();
    let raised = 0;
    let resolved = 0;
    // Not the map: it is most of the row, and the sweep runs every few minutes.
    const running = await tx.select(campaignColumns).from(campaigns).where(ne(campaigns.state, 'concluded'));
    for (const campaign of running) {
      const thresholds = campaign.config.escalation;
      const inserted: EscalationRow[] = [];
      for (const kind of ['clue', 'problem'] as const) {
        // Not push(...rows): a first sweep over a large campaign raises more rows than a call takes arguments.
        for (const row of await raiseForItems(tx, kind, campaign.id, thresholds, now)) inserted.push(row);
      }
      if (isPhase(campaign.state) && campaignOverdue(campaign.state, campaign.config, now)) {
        const unmet = await unmetCriteria(tx, campaign);
        const rows = await tx
          .insert(escalations)
          .values({
            campaignId: campaign.id,
            subject: 'campaign',
            subjectId: campaign.id,
            enteredAt: campaign.context.phaseEnteredAt[campaign.state] ?? campaign.createdAt,
            state: campaign.state,
            level: 3,
            recipient: 'office',
            recipientUserId: null,
            unitId: null,
            dueAt: windowBounds(campaign.config, campaign.state).closes.toISOString(),
            raisedAt: at,
            status: 'open',
            detail: { phase: campaign.state, unmet: unmet.map((u) => ({ criterion: u.criterion, blocking: u.blocking })) },
          })
          .onConflictDoNothing()
          .returning();
        inserted.push(...rows);
      }
      if (inserted.length > 0) {
        await appendAuditAll(tx, inserted.map((row) => raisedEntry(row, at)));
        if (campaign.webhookUrl !== null && campaign.webhookSecret !== null) {
          const url = campaign.webhookUrl;
          const routing = await loadEscalationRouting(tx);
          const body = (row: EscalationRow) => webhookBody(row, routing.recipientsOf(row.recipient, row.unitId, row.recipientUserId));
          // SQLite bounds the parameters of one statement: 5 per row × 1,000 rows stays inside it.
          for (let i = 0; i < inserted.length; i += 1000) {
            await tx.insert(webhookOutbox).values(inserted.slice(i, i + 1000).map((row) => ({ escalationId: row.id, url, body: body(row), nextAttemptAt: at })));
          }
        }
      }
      raised += inserted.length;
    }
    if (options.settleAll === true) for (const kind of ['clue', 'problem'] as const) resolved += await resolveMovedOn(tx, kind, now);
    return { raised, resolved };
  });
}

/**
 * Raises the rung each item due by now (or soon) has reached. Reads only
 * items past a rung above the one raised for their state, through the index
 * on (rung raised, due time): the cost grows with what has newly fallen
 * due, not with the campaign or with what was raised before.
 */
async function raiseForItems(tx: Tx, kind: ItemKindName, campaignId: number, thresholds: { dueSoonHours: number; longOverdueDays: number }, now: Date): Promise<EscalationRow[]> {
  const t = tableOf(kind);
  const horizon = new Date(now.getTime() + thresholds.dueSoonHours * hour).toISOString();
  const at = now.toISOString();
  const longOverdue = new Date(now.getTime() - thresholds.longOverdueDays * 24 * hour).toISOString();
  // When each rung is reached, as SQL sees it, only to find the candidates; escalationDue below stays
  // the judge of what is raised and to whom.
  const past = (raised: number, reached: string) => and(isNotNull(t.dueAt), eq(t.campaignId, campaignId), eq(t.escalatedLevel, raised), lte(t.dueAt, reached));
  const due = await tx
    .select({ id: t.id, state: t.state, unitId: t.unitId, assigneeId: t.assigneeId, enteredAt: t.enteredAt, dueAt: t.dueAt, escalatedLevel: t.escalatedLevel })
    .from(t)
    .where(or(past(0, horizon), past(1, at), past(2, longOverdue)));
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
  const inserted: EscalationRow[] = [];
  // In parts of 10,000 rows, each one JSON parameter (a first sweep over a large campaign raises far more).
  for (let i = 0; i < values.length; i += 10_000) {
    const part = values.slice(i, i + 10_000);
    const raised = await tx
      .insert(escalations)
      .select(rowsAsSelect(escalations, part))
      .onConflictDoNothing()
      .returning({ id: escalations.id, subjectId: escalations.subjectId, level: escalations.level });
    // Only the ids come back (building each whole row was a tenth of a large sweep); the rest is what was inserted.
    const byRung = new Map(part.map((v) => [`${v.subjectId}:${v.level}`, v]));
    for (const { id, subjectId, level } of raised.sort((a, b) => a.id - b.id)) {
      const value = byRung.get(`${subjectId}:${level}`);
      if (value !== undefined) inserted.push({ ...value, id, acknowledgedBy: null, acknowledgedAt: null, note: null, resolvedAt: null, detail: null });
    }
  }
  // The rung is raised whether this sweep inserted it or another process did first.
  if (values.length > 0) {
    const raised = JSON.stringify(values.map((v) => [v.subjectId, v.level]));
    await tx.run(sql`update ${t} set escalated_level = r.value ->> 1 from json_each(${raised}) r where ${t.id} = r.value ->> 0`);
  }
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
