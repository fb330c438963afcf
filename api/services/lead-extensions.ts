import { and, count, eq, gt, isNull, max, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor, ItemFacts, ItemRulesContext } from '../../engine';
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

/** Whether the campaign limits this actor's extensions (a unit lead's, when it sets a limit): only then are they counted. */
export function leadExtensionsLimited(actor: Actor, rules: Pick<ItemRulesContext, 'extensionsByLead'>): boolean {
  return actor.role === 'lead' && (rules.extensionsByLead ?? null) !== null;
}

/** The facts an extension by this actor is judged on: the extensions given in the state, when the campaign limits a lead's. */
export async function extensionFacts(db: Db | Tx, kind: ItemKindName, id: number, event: string | undefined, actor: Actor, rules: ItemRulesContext): Promise<ItemFacts> {
  if (event !== `${kind}.extend` || !leadExtensionsLimited(actor, rules)) return {};
  return { extensionsInState: await extensionsInState(db, kind, id) };
}
