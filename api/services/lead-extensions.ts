import { and, count, eq, gt, inArray, isNull, max, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import { leadExtensionRefusal, type Actor, type ItemFacts, type ItemRulesContext } from '../../engine';
import type { ItemKindName } from '../contracts/board';

/**
 * How many extensions an item has had in the state it is in: its `.extend`
 * entries after the last entry that moved it (or created it). Read from the
 * item's own entries (the audit log's subject index), a few rows.
 */
export async function extensionsInState(db: Db | Tx, kind: ItemKindName, id: number): Promise<number> {
  const subject = and(eq(auditLog.subject, kind), eq(auditLog.subjectId, id));
  const entered = db
    .select({ seq: sql<number>`coalesce(${max(auditLog.seq)}, 0)` })
    .from(auditLog)
    .where(and(subject, or(isNull(auditLog.fromState), ne(auditLog.fromState, auditLog.toState))));
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(subject, eq(auditLog.event, `${kind}.extend`), gt(auditLog.seq, sql`(${entered})`)));
  return row?.n ?? 0;
}

/**
 * The items of a page (a board's column, a list's) on which this unit lead
 * has given as many extensions in their state as the campaign allows: their
 * cards and rows do not offer an extension, as the drawer does not (a batch
 * of them was offered 延期 and refused item by item, with no 申请延期). One
 * read for the page, and none unless the campaign limits a lead's extensions.
 */
export async function extensionsSpent(db: Db | Tx, kind: ItemKindName, ids: readonly number[], actor: Actor, rules: Pick<ItemRulesContext, 'extensionsByLead'>): Promise<ReadonlySet<number>> {
  if (ids.length === 0 || !leadExtensionsLimited(actor, rules)) return new Set();
  // A limit of none: every item is the office's to extend.
  if (leadExtensionRefusal(actor, rules, { extensionsInState: 0 }) !== null) return new Set(ids);
  const moved = alias(auditLog, 'moved');
  const entered = db
    .select({ seq: sql<number>`coalesce(${max(moved.seq)}, 0)` })
    .from(moved)
    .where(and(eq(moved.subject, kind), eq(moved.subjectId, auditLog.subjectId), or(isNull(moved.fromState), ne(moved.fromState, moved.toState))));
  const given = await db
    .select({ id: auditLog.subjectId, n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.subject, kind), inArray(auditLog.subjectId, [...ids]), eq(auditLog.event, `${kind}.extend`), gt(auditLog.seq, sql`(${entered})`)))
    .groupBy(auditLog.subjectId);
  return new Set(given.filter((row) => leadExtensionRefusal(actor, rules, { extensionsInState: row.n }) !== null).map((row) => row.id));
}

/** Whether the campaign limits this actor's extensions (a unit lead's, when it sets a limit): only then are they counted. */
export function leadExtensionsLimited(actor: Actor, rules: Pick<ItemRulesContext, 'extensionsByLead'>): boolean {
  return actor.role === 'lead' && (rules.extensionsByLead ?? null) !== null;
}

/** The facts an extension by this actor is judged on: the extensions given in the state, when the campaign limits a lead's. */
export async function extensionFacts(db: Db | Tx, kind: ItemKindName, id: number, event: string | undefined, actor: Actor, rules: ItemRulesContext): Promise<ItemFacts> {
  if (event !== `${kind}.extend` || !leadExtensionsLimited(actor, rules)) return {};
  return { extensionsInState: await extensionsInState(db, kind, id) };
}
