import { asc, desc, eq, gt } from 'drizzle-orm';
import type { Database, Db } from '../../../db/client';
import { sessions, users } from '../../../db/schema';
import type { OpenSession } from '../../contracts/users';
import { auditPeople, type AdminChange } from './people-audit';
import { invalid, readAccount } from './accounts';

/**
 * The sessions not yet past their absolute expiry, wall displays first, then
 * the most recently active: what an administrator checks before ending the
 * sessions of a screen or a lost laptop. A session idle past its limit
 * stays listed until someone presents it (and is refused) or a sign-in
 * sweeps it.
 */
export async function openSessions(db: Db, now: Date): Promise<OpenSession[]> {
  return db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      display: sessions.display,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(gt(sessions.expiresAt, now.toISOString()))
    .orderBy(desc(sessions.display), desc(sessions.lastSeenAt), asc(users.username));
}

/** Ends every session of one account (a wall display taken down, a lost laptop), recorded in the log; answers how many ended. */
export async function endSessionsOf(database: Database, userId: number, change: AdminChange): Promise<number> {
  // As one's own account is neither disabled nor reset here: ending one's own sessions ended the administrator's
  // page with them, unwarned (the confirmation speaks of another user's devices). One signs out with 退出登录.
  if (userId === change.by) throw invalid([{ field: 'id', message: { zh: '不能在此结束自己的会话：请用“退出登录”', en: 'You cannot end your own sessions here: use Sign out' } }]);
  await readAccount(database.db, userId, change.now);
  return database.write(async (tx) => {
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ userId: sessions.userId });
    if (ended.length > 0) await auditPeople(tx, change, { user: userId }, 'user.sessions_end', { sessionsEnded: ended.length });
    return ended.length;
  });
}
