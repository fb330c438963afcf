import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { auditLog, escalations, users } from '../../db/schema';
import type { ItemKindName } from '../contracts/board';
import type { HistoryEntry, HistoryEscalation } from '../contracts/items';

/** The person an entry names as assignee, beside the one who wrote it. */
const assignees = alias(users, 'assignees');
/** The assignee an escalation was raised to. */
const recipients = alias(users, 'recipients');
/** The raise entry an escalation is listed in, found beside the escalation. */
const raises = alias(auditLog, 'raises');

const entryColumns = {
  seq: auditLog.seq,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: users.displayName,
  event: auditLog.event,
  fromState: auditLog.fromState,
  toState: auditLog.toState,
  version: auditLog.version,
  payload: auditLog.payload,
};

/**
 * An item's history, oldest first: its own audit entries and those of its
 * escalations (raised, acknowledged, resolved), in the order the log wrote
 * them. The caller has checked that the reader may read the item; whoever
 * may, may read its escalations (as the drawer's escalation list does),
 * whomever they were raised to.
 */
export async function readItemHistory(db: Db, kind: ItemKindName, id: number): Promise<HistoryEntry[]> {
  const own = await db
    .select({ ...entryColumns, assigneeName: assignees.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    // Whom an assignment (or a verify or rectify naming one) gave the item to, by name: the entry holds the id.
    .leftJoin(assignees, eq(assignees.id, sql`json_extract(${auditLog.payload}, '$.assigneeId')`))
    .where(and(eq(auditLog.subject, kind), eq(auditLog.subjectId, id)))
    .orderBy(asc(auditLog.seq));
  const entries: HistoryEntry[] = own.map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown>, escalation: null }));
  return [...entries, ...(await escalationEntries(db, kind, id))].sort((a, b) => a.seq - b.seq);
}

/** The audit entries of an item's escalations, as lines of its history. */
async function escalationEntries(db: Db, kind: ItemKindName, id: number): Promise<HistoryEntry[]> {
  const raised = await db
    .select({
      id: escalations.id,
      level: escalations.level,
      recipient: escalations.recipient,
      recipientName: recipients.displayName,
      unitId: escalations.unitId,
      state: escalations.state,
      dueAt: escalations.dueAt,
      // A sweep writes one raise entry for all it raised in one transaction, filed under the first of them and
      // written at the instant each was raised: the one listing this escalation is the last filed at or before it.
      raiseSeq: sql<number | null>`(select ${raises.seq} from ${auditLog} ${sql.identifier('raises')} where ${raises.campaignId} = ${escalations.campaignId}
        and ${raises.event} = 'escalation.raise' and ${raises.at} = ${escalations.raisedAt} and ${raises.subject} = 'escalation'
        and ${raises.subjectId} <= ${escalations.id} order by ${raises.subjectId} desc limit 1)`,
    })
    .from(escalations)
    .leftJoin(recipients, eq(recipients.id, escalations.recipientUserId))
    .where(and(eq(escalations.subject, kind), eq(escalations.subjectId, id)));
  if (raised.length === 0) return [];
  const byId = new Map(raised.map((row) => [row.id, row]));
  const raiseSeqs = raised.flatMap((row) => (row.raiseSeq === null ? [] : [row.raiseSeq]));
  const logged = await db
    .select({ ...entryColumns, subjectId: auditLog.subjectId })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.subject, 'escalation'),
        inArray(auditLog.subjectId, [...byId.keys()]),
        inArray(auditLog.event, ['escalation.acknowledge', 'escalation.resolve']),
      ),
    );
  const raiseEntries = raiseSeqs.length === 0 ? [] : await db.select({ seq: auditLog.seq, at: auditLog.at, version: auditLog.version }).from(auditLog).where(inArray(auditLog.seq, raiseSeqs));
  const raiseAt = new Map(raiseEntries.map((entry) => [entry.seq, entry]));
  const line = (row: (typeof raised)[number], resolvedBecause: HistoryEscalation['resolvedBecause']): HistoryEscalation => ({
    id: row.id,
    level: row.level,
    recipient: row.recipient,
    recipientName: row.recipientName,
    unitId: row.unitId,
    state: row.state,
    dueAt: row.dueAt,
    resolvedBecause,
  });
  const raiseLines: HistoryEntry[] = raised.flatMap((row) => {
    const entry = row.raiseSeq === null ? undefined : raiseAt.get(row.raiseSeq);
    if (entry === undefined) return [];
    // Not the raise entry's payload: it lists every escalation its sweep raised, other units' among them.
    return [{ seq: entry.seq, at: entry.at, actorId: null, actorName: null, event: 'escalation.raise', fromState: null, toState: null, version: entry.version, payload: {}, assigneeName: null, escalation: line(row, null) }];
  });
  const laterLines: HistoryEntry[] = logged.flatMap((entry) => {
    const row = byId.get(entry.subjectId);
    if (row === undefined) return [];
    const payload = JSON.parse(entry.payload) as { note?: unknown; because?: unknown };
    const because = payload.because === 'movedOn' || payload.because === 'extended' ? payload.because : null;
    return [
      {
        seq: entry.seq,
        at: entry.at,
        actorId: entry.actorId,
        actorName: entry.actorName,
        event: entry.event,
        fromState: null,
        toState: null,
        version: entry.version,
        // The acknowledger's note, said as a note is on the item's own lines.
        payload: typeof payload.note === 'string' ? { note: payload.note } : {},
        assigneeName: null,
        escalation: line(row, entry.event === 'escalation.resolve' ? because : null),
      },
    ];
  });
  return [...raiseLines, ...laterLines];
}
