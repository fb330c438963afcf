import { desc } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { auditLog } from '../schema';

/** The newest audit sequence number, or 0 for an empty log: where a reader's view of the changes stands. */
export async function auditHead(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return row?.seq ?? 0;
}
