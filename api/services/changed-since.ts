import { and, count, eq, gt, lte, like } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { ItemKindName } from '../contracts/board';

/**
 * Whether an item changed, since the version a writer saw, in a way that
 * makes their request stale. A work note changes no field a move, an edit or
 * a batch is decided on, only the time of the last note, so one written
 * meanwhile does not: a lead's move prepared before an officer's note goes
 * through instead of being refused as "changed by someone else". Only when
 * every version between the two is a note's entry in the log; a version the
 * item never had, or any other entry, is a change.
 */
export async function changedSince(tx: Tx, kind: ItemKindName, id: number, seen: number, current: number): Promise<boolean> {
  if (seen === current) return false;
  if (seen > current || seen < 1) return true;
  const [notes] = await tx
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.subject, kind), eq(auditLog.subjectId, id), gt(auditLog.version, seen), lte(auditLog.version, current), like(auditLog.event, '%.note')));
  return (notes?.n ?? 0) !== current - seen;
}
