import { desc } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { auditLog } from '../schema';

/** The newest audit sequence number, or 0 for an empty log: where a reader's view of the changes stands. */
export async function auditHead(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return row?.seq ?? 0;
}

/**
 * The newest entry's sequence number and hash: names the state of everything
 * the log records. The hash tells apart two logs of the same length (a backup
 * restored and written to again).
 */
export async function auditStamp(db: Db | Tx): Promise<string> {
  const [row] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return row === undefined ? '0' : `${row.seq}:${row.hash}`;
}
