import { and, count, desc, eq, gt, inArray, lt, max, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../db/client';
import { appendAudit } from '../../db/audit/append';
import { escalations } from '../../db/schema';
import type { Actor } from '../../engine';
import type { EscalationWire } from '../contracts/escalations';
import type { ItemKindName } from '../contracts/board';
import { ApiError } from '../errors';
import { readScope, sees } from './board';
import { tableOf, titlesOf } from './item-tables';
import { decodeCursor, encodeCursor } from './page-cursor';
import { loadEscalationRouting, type EscalationRouting } from './people/escalation-routing';

/**
 * The escalations raised to this actor: to them as assignee, to them as a
 * lead the unit's escalations are routed to, or to them as the office.
 */
function mineFor(actor: Actor, routing: EscalationRouting): SQL | undefined {
  const user = { id: actor.userId, role: actor.role };
  const mine: (SQL | undefined)[] = [and(eq(escalations.recipient, 'assignee'), eq(escalations.recipientUserId, actor.userId))];
  const led = actor.role === 'lead' || actor.role === 'office' ? routing.unitsRoutedTo(user) : [];
  if (led.length > 0) mine.push(and(eq(escalations.recipient, 'unitLead'), inArray(escalations.unitId, led)));
  if (routing.isOfficeRecipient(user)) mine.push(eq(escalations.recipient, 'office'));
  return or(...mine);
}

/**
 * Who may acknowledge an escalation: the office any; the assignee one raised to them; a lead one of a unit routed to them.
 * Whether it is still open is the caller's: a list says no of one acknowledged or resolved, the acknowledgement says why.
 */
export function mayAcknowledge(actor: Actor, routing: EscalationRouting, row: { recipient: string; recipientUserId: number | null; unitId: string | null }): boolean {
  return (
    actor.role === 'office' ||
    (row.recipient === 'assignee' && row.recipientUserId === actor.userId) ||
    (row.recipient === 'unitLead' && row.unitId !== null && routedTo(actor, routing, row.unitId))
  );
}

/** Whether a unit-lead escalation of this unit is routed to the actor. */
function routedTo(actor: Actor, routing: EscalationRouting, unitId: string): boolean {
  const route = routing.routeOf(unitId);
  return route.to === 'leads' ? route.userIds.includes(actor.userId) : routing.isOfficeRecipient({ id: actor.userId, role: actor.role });
}

/** Everything in the actor's read scope: their units' escalations (all of them for office, admin and viewer). */
function unitFor(actor: Actor): SQL | undefined {
  const scope = readScope(actor);
  return scope === null ? undefined : inArray(escalations.unitId, [...scope]);
}

/**
 * Escalations whose item the actor may read now (all of them for office,
 * admin and viewer). A transfer passes an item's standing escalations on to
 * its new unit (escalation-reroute.ts), but one resolved before it, or left
 * standing by a transfer made before transfers passed them on, keeps the
 * unit it was raised in: its item is then none of the actor's to see, title
 * or acknowledge, and neither is it.
 */
function itemReadableBy(actor: Actor): SQL | undefined {
  const scope = readScope(actor);
  if (scope === null) return undefined;
  const unitOf = (kind: ItemKindName) => {
    const t = tableOf(kind);
    return sql`(select ${t.unitId} from ${t} where ${t.id} = ${escalations.subjectId})`;
  };
  return or(
    eq(escalations.subject, 'campaign'),
    and(eq(escalations.subject, 'clue'), inArray(unitOf('clue'), [...scope])),
    and(eq(escalations.subject, 'problem'), inArray(unitOf('problem'), [...scope])),
  );
}

/** Whether the actor may read the item an escalation is of now (a phase's escalation has none: the unit check stands for it). */
async function readsItemOf(db: Db | Tx, actor: Actor, row: { subject: string; subjectId: number }): Promise<boolean> {
  if (readScope(actor) === null || (row.subject !== 'clue' && row.subject !== 'problem')) return true;
  const t = tableOf(row.subject);
  const [item] = await db.select({ unitId: t.unitId }).from(t).where(eq(t.id, row.subjectId)).limit(1);
  return item !== undefined && sees(actor, item.unitId);
}

export async function readEscalations(
  db: Db,
  actor: Actor,
  query: { view: 'mine' | 'unit'; status: 'open' | 'acknowledged' | 'resolved' | 'active'; campaign?: number | undefined; limit: number; cursor?: string | undefined },
): Promise<{ counts: { open: number; acknowledged: number }; items: EscalationWire[]; next: string | null }> {
  const after = query.cursor === undefined ? undefined : afterKey(decodeCursor(query.cursor, cursorShape, 'this inbox'));
  const routing = await loadEscalationRouting(db);
  const who = and(query.view === 'mine' ? mineFor(actor, routing) : unitFor(actor), itemReadableBy(actor));
  const campaign = query.campaign === undefined ? undefined : eq(escalations.campaignId, query.campaign);
  const status = query.status === 'active' ? inArray(escalations.status, ['open', 'acknowledged']) : eq(escalations.status, query.status);
  // The page first, then the titles of its items: joined before the limit, SQLite read the item of
  // every matching escalation (hundreds of thousands in a large campaign) to show a hundred.
  const read = await db
    .select()
    .from(escalations)
    .where(and(who, campaign, status, after))
    .orderBy(signedOff, desc(escalations.level), escalations.dueAt, escalations.id)
    .limit(query.limit + 1);
  const page = read.slice(0, query.limit);
  const last = page.at(-1);
  const next = read.length > query.limit && last !== undefined ? encodeCursor([last.status === 'acknowledged' ? 1 : 0, last.level, last.dueAt, last.id]) : null;
  const [titles, highest] = await Promise.all([titlesOf(db, page), highestStanding(db, page)]);
  const rows = page.map((row) => ({ row, title: titles.get(`${row.subject}:${row.subjectId}`) ?? null, top: highest.get(`${row.subject}:${row.subjectId}`) ?? 0 }));
  const tallies = await db
    .select({ status: escalations.status, n: count() })
    .from(escalations)
    .where(and(who, campaign, inArray(escalations.status, ['open', 'acknowledged'])))
    .groupBy(escalations.status);
  const tally = (s: string) => tallies.find((t) => t.status === s)?.n ?? 0;
  return {
    counts: { open: tally('open'), acknowledged: tally('acknowledged') },
    items: rows.map(({ row, title, top }) => ({
      ...row,
      title,
      level: row.level,
      detail: row.detail ?? null,
      mayAcknowledge: row.status === 'open' && mayAcknowledge(actor, routing, row),
      ...(top > row.level && row.status !== 'resolved' && { raisedTo: top }),
    })),
    next,
  };
}

/** The highest rung standing (open or signed off) on each item of a page's escalations, by `subject:id`. */
async function highestStanding(db: Db, page: readonly { subject: string; subjectId: number }[]): Promise<Map<string, number>> {
  const ids = (subject: 'clue' | 'problem') => [...new Set(page.filter((row) => row.subject === subject).map((row) => row.subjectId))];
  const [clueIds, problemIds] = [ids('clue'), ids('problem')];
  if (clueIds.length + problemIds.length === 0) return new Map();
  const rows = await db
    .select({ subject: escalations.subject, subjectId: escalations.subjectId, level: max(escalations.level) })
    .from(escalations)
    .where(
      and(
        inArray(escalations.status, ['open', 'acknowledged']),
        or(and(eq(escalations.subject, 'clue'), inArray(escalations.subjectId, clueIds)), and(eq(escalations.subject, 'problem'), inArray(escalations.subjectId, problemIds))),
      ),
    )
    .groupBy(escalations.subject, escalations.subjectId);
  return new Map(rows.map((row) => [`${row.subject}:${row.subjectId}`, row.level ?? 0]));
}

/**
 * The inbox's order, which its cursor carries: those waiting to be signed off first, then highest rung, the earliest
 * due, the oldest. By rung alone, the office's 3 waiting of 26 came 12th and after among those it had signed off.
 */
const cursorShape = ['number', 'number', 'string', 'number'] as const;

/** 1 for an escalation signed off, 0 for one waiting (and one resolved, listed apart). */
const signedOff = sql<number>`(${escalations.status} = 'acknowledged')`;

/** The escalations after a page ending at (signed off, level, due time, id) in that order. */
function afterKey([off, level, dueAt, id]: readonly [number, number, string, number]): SQL | undefined {
  const inRung = or(lt(escalations.level, level), and(eq(escalations.level, level), or(gt(escalations.dueAt, dueAt), and(eq(escalations.dueAt, dueAt), gt(escalations.id, id)))));
  return or(sql`${signedOff} > ${off}`, and(sql`${signedOff} = ${off}`, inRung));
}

async function titleOf(db: Db | Tx, subject: 'clue' | 'problem' | 'campaign', id: number): Promise<string | null> {
  if (subject === 'campaign') return null;
  const t = tableOf(subject);
  const [row] = await db.select({ title: t.title }).from(t).where(eq(t.id, id)).limit(1);
  return row?.title ?? null;
}

/**
 * Acknowledges an open escalation with an optional note: the person it was
 * raised to (the assignee, a lead of the unit), or the office for any.
 */
export async function acknowledgeEscalation(database: Database, id: number, actor: Actor, note: string | undefined, now: Date): Promise<EscalationWire> {
  return database.write(async (tx) => {
    const [row] = await tx.select().from(escalations).where(eq(escalations.id, id)).limit(1);
    const scope = readScope(actor);
    if (row === undefined || (scope !== null && row.unitId !== null && !scope.includes(row.unitId)) || !(await readsItemOf(tx, actor, row))) throw new ApiError('not_found');
    if (!mayAcknowledge(actor, await loadEscalationRouting(tx), row)) {
      throw new ApiError('role_forbidden', { reason: { zh: '只有被督办人（承办人或单位负责人）或专项办可以签收', en: 'Only the person it was raised to (the assignee or a lead of the unit), or the office, may acknowledge it' } });
    }
    if (row.status !== 'open') {
      throw new ApiError('move_not_allowed', { reason: { zh: '该督办已签收或已解除', en: 'This escalation was already acknowledged or resolved' } });
    }
    const at = now.toISOString();
    const [updated] = await tx
      .update(escalations)
      .set({ status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: at, note: note ?? null })
      .where(and(eq(escalations.id, id), eq(escalations.status, 'open')))
      .returning();
    if (updated === undefined) throw new ApiError('version_conflict');
    await appendAudit(tx, {
      at,
      actorId: actor.userId,
      campaignId: row.campaignId,
      subject: 'escalation',
      subjectId: id,
      event: 'escalation.acknowledge',
      fromState: 'open',
      toState: 'acknowledged',
      payload: { note: note ?? null, item: { subject: row.subject, id: row.subjectId }, level: row.level },
      version: 2,
    });
    // Acknowledged: nothing more for anyone to acknowledge.
    return { ...updated, title: await titleOf(tx, row.subject, row.subjectId), detail: updated.detail ?? null, mayAcknowledge: false };
  });
}
