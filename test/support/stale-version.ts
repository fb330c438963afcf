import { and, eq, max, notLike } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { auditLog } from '../../db/schema';

/**
 * A version of an item that a request is stale on: the one its last change
 * other than a work note was made from. (The version just below the current
 * one is not always stale: if the last entry is a note, the server takes a
 * request made before it, see api/services/changed-since.ts.)
 */
export async function staleVersionOf(database: Database, kind: 'clue' | 'problem', id: number): Promise<number> {
  const [row] = await database.db
    .select({ version: max(auditLog.version) })
    .from(auditLog)
    .where(and(eq(auditLog.subject, kind), eq(auditLog.subjectId, id), notLike(auditLog.event, '%.note')));
  const changed = row?.version ?? null;
  if (changed === null || changed < 2) throw new Error(`${kind} ${id} has had no change since it was made: no version of it is stale`);
  return changed - 1;
}
