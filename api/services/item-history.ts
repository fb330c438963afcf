import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { auditLog, escalations, users } from '../../db/schema';
import type { ItemKindName } from '../contracts/board';
import type { HistoryEntry, HistoryEscalation } from '../contracts/items';

/** The person an entry names as assignee, beside the one who wrote it. */
const assignees = alias(users, 'assignees');
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
 * escalations (raised, passed on, acknowledged, resolved), in the order the log wrote
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

/** Where an escalation was routed, as its raise and reroute entries name it. */
interface Routed {
  readonly unitId: string | null;
  readonly recipient: HistoryEscalation['recipient'];
  readonly recipientUserId: number | null;
}

/** A reroute entry's payload: whom the escalation went from and to. */
interface Rerouted {
  readonly from: Routed;
  readonly to: Routed;
}

/** The audit entries of an item's escalations, as lines of its history. */
async function escalationEntries(db: Db, kind: ItemKindName, id: number): Promise<HistoryEntry[]> {
  const raised = await db
    .select({
      id: escalations.id,
      level: escalations.level,
      recipient: escalations.recipient,
      recipientUserId: escalations.recipientUserId,
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
        inArray(auditLog.event, ['escalation.acknowledge', 'escalation.resolve', 'escalation.reroute']),
      ),
    )
    .orderBy(asc(auditLog.seq));
  const raiseEntries = raiseSeqs.length === 0 ? [] : await db.select({ seq: auditLog.seq, at: auditLog.at, version: auditLog.version }).from(auditLog).where(inArray(auditLog.seq, raiseSeqs));
  const raiseAt = new Map(raiseEntries.map((entry) => [entry.seq, entry]));
  const parsed = logged.map((entry) => ({ entry, payload: JSON.parse(entry.payload) as { note?: unknown; because?: unknown } & Partial<Rerouted> }));
  // Each escalation's reroutes, oldest first: its route at an entry is the `from` of the first reroute after it, or where it stands now.
  const reroutes = new Map<number, { seq: number; rerouted: Rerouted }[]>();
  for (const { entry, payload } of parsed) {
    if (entry.event !== 'escalation.reroute' || payload.from === undefined || payload.to === undefined) continue;
    reroutes.set(entry.subjectId, [...(reroutes.get(entry.subjectId) ?? []), { seq: entry.seq, rerouted: { from: payload.from, to: payload.to } }]);
  }
  const routeAt = (row: (typeof raised)[number], seq: number): Routed => reroutes.get(row.id)?.find((r) => r.seq > seq)?.rerouted.from ?? row;
  const names = await namesOf(db, [...raised.map((row) => row.recipientUserId), ...[...reroutes.values()].flat().flatMap((r) => [r.rerouted.from.recipientUserId, r.rerouted.to.recipientUserId])]);
  const line = (row: (typeof raised)[number], routed: Routed, resolvedBecause: HistoryEscalation['resolvedBecause']): HistoryEscalation => ({
    id: row.id,
    level: row.level,
    recipient: routed.recipient,
    recipientName: routed.recipientUserId === null ? null : (names.get(routed.recipientUserId) ?? null),
    unitId: routed.unitId,
    state: row.state,
    dueAt: row.dueAt,
    resolvedBecause,
  });
  const raiseLines: HistoryEntry[] = raised.flatMap((row) => {
    const entry = row.raiseSeq === null ? undefined : raiseAt.get(row.raiseSeq);
    if (entry === undefined) return [];
    // Not the raise entry's payload: it lists every escalation its sweep raised, other units' among them.
    return [{ seq: entry.seq, at: entry.at, actorId: null, actorName: null, event: 'escalation.raise', fromState: null, toState: null, version: entry.version, payload: {}, assigneeName: null, escalation: line(row, routeAt(row, entry.seq), null) }];
  });
  const laterLines: HistoryEntry[] = parsed.flatMap(({ entry, payload }) => {
    const row = byId.get(entry.subjectId);
    if (row === undefined) return [];
    const because = payload.because === 'movedOn' || payload.because === 'extended' ? payload.because : null;
    // A reroute's line names whom it went to; the others, whom it was routed to when written.
    const routed = entry.event === 'escalation.reroute' && payload.to !== undefined ? payload.to : routeAt(row, entry.seq);
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
        escalation: line(row, routed, entry.event === 'escalation.resolve' ? because : null),
      },
    ];
  });
  return [...raiseLines, ...laterLines];
}

/** The display names of the users an item's escalations were routed to, by id. */
async function namesOf(db: Db, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((userId): userId is number => userId !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
