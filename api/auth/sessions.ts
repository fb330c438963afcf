import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client';
import { preparedOn } from '../../db/prepared';
import { sessions, users } from '../../db/schema';
import type { SessionUser } from '../context';

export const sessionCookie = 'battlemap_session';

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly maxHours: number;
  /** A wall display's session: how many days it lasts (no idle limit). 30 when not given. */
  readonly displayDays?: number;
}

/**
 * How long a session lasts from sign-in. A wall display runs unattended
 * through nights without a change to redraw: the idle limit would sign it
 * out every morning, and the absolute one twice a day.
 */
export function sessionLifetimeMs(policy: SessionPolicy, display: boolean): number {
  return display ? (policy.displayDays ?? 30) * 86_400_000 : policy.maxHours * 3_600_000;
}

/** Sessions are looked up by the token's hash, so a copy of the database holds no usable token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** last_seen_at is written at most this often, so that reads do not each cost a write. */
const touchEveryMs = 60_000;

/** Starts a session with a fresh 128-bit token; returns the token for the cookie. */
export async function startSession(database: Database, userId: number, now: Date, policy: SessionPolicy, display = false): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(16).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs(policy, display));
  const at = now.toISOString();
  await database.write(async (tx) => {
    // Expired sessions of anyone are swept at each login; there is no other timer.
    await tx.delete(sessions).where(lt(sessions.expiresAt, at));
    await tx.insert(sessions).values({ tokenHash: tokenHash(token), userId, createdAt: at, lastSeenAt: at, expiresAt: expiresAt.toISOString(), display });
  });
  return { token, expiresAt };
}

// Prepared once per database: every request but the login runs it.
const sessionQuery = preparedOn((db: Db) =>
  db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      display: sessions.display,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.disabledAt)))
    .where(eq(sessions.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare(),
);

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['all']>>[number];

/**
 * The sessions read since the last write but a move ended (see
 * {@link readSession}): a new such write starts an empty set, so every row
 * kept belongs to the count it was read under.
 */
interface KeptSessions {
  readonly writesEnded: number;
  readonly rows: Map<string, { readonly row: SessionRow; readonly readAt: number }>;
}

/** How long a session read is used again: another process's sign-out, password reset or disabling reaches this one within it. */
const keepForMs = 2_000;
/** Past this many sessions kept, the stale ones are dropped before another is kept. */
const keptAtMost = 10_000;
const keptSessions = new WeakMap<Database, KeptSessions>();

/**
 * A session's row, read again only when something may have changed it.
 * Every request but the sign-in reads its session, and under ten users
 * moving cards that read was about a sixth of the server's main thread:
 * each commit of the write worker drops the reading connection's page
 * cache, so most reads started cold. On a local file, sessions and
 * accounts change through this process's writes other than moves (a
 * sign-out, a password reset, a disabled account, the idle clock's touch),
 * each of which advances `writesEnded` before its caller is answered, so a
 * kept row is used only while no such write has ended since it was read;
 * the kept time bounds what another process (a second server, a tool)
 * writes to the same file. On a libSQL server other processes are the
 * point, and what they write this one cannot count: it reads every time.
 */
async function readSession(database: Database, hash: string, fresh = false): Promise<SessionRow | undefined> {
  if (!database.isLocalFile || fresh) return (await sessionQuery(database.db).all({ hash }))[0];
  const writesEnded = database.writesEnded();
  let kept = keptSessions.get(database);
  if (kept === undefined || kept.writesEnded !== writesEnded) {
    kept = { writesEnded, rows: new Map() };
    keptSessions.set(database, kept);
  }
  const readAt = performance.now();
  const hit = kept.rows.get(hash);
  if (hit !== undefined && readAt - hit.readAt < keepForMs) return hit.row;
  // Kept under the count taken before the read: a write ending while it runs starts a new set, and this row is not used.
  const [row] = await sessionQuery(database.db).all({ hash });
  if (row === undefined) {
    kept.rows.delete(hash);
    return undefined;
  }
  if (kept.rows.size >= keptAtMost) for (const [key, session] of kept.rows) if (readAt - session.readAt >= keepForMs) kept.rows.delete(key);
  if (kept.rows.size < keptAtMost) kept.rows.set(hash, { row, readAt });
  return row;
}

/**
 * The user of a session token, or null when the token is unknown, idle too
 * long (a wall display's never is), past its absolute expiry, or its user
 * has been disabled.
 */
export async function resumeSession(database: Database, token: string, now: Date, policy: SessionPolicy): Promise<SessionUser | null> {
  const hash = tokenHash(token);
  const row = await readSession(database, hash);
  if (row === undefined) return null;
  const t = now.getTime();
  const idleSince = new Date(row.lastSeenAt).getTime();
  // A wall display's session (a month, never idle) is for a read-only account only: one whose account has since been
  // given write rights ends (a role change ends every session; this holds should a session be written meanwhile).
  const displayOutgrown = row.display && row.role !== 'viewer';
  if (displayOutgrown || t >= new Date(row.expiresAt).getTime() || (!row.display && t - idleSince >= policy.idleMinutes * 60_000)) {
    await endSession(database, token);
    return null;
  }
  if (t - idleSince >= touchEveryMs) {
    await database.write((tx) => tx.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, hash)));
  }
  const { lastSeenAt: _seen, expiresAt: _expires, display: _display, ...user } = row;
  return user;
}

/**
 * The user of a session that still holds, as {@link resumeSession} would
 * judge it, without counting as activity; null when it no longer does: for a
 * stream left open, which must end with its session (a sign-out, a disabled
 * account, the idle limit) rather than go on sending changes, which must not
 * keep an idle session alive, and which must follow the user's unit and role
 * as they are now. `fresh` reads the row from the database even where a kept
 * one would do: asked because another process changed accounts, which the
 * kept row may not show yet.
 */
export async function sessionHolder(database: Database, token: string, now: Date, policy: SessionPolicy, fresh = false): Promise<SessionUser | null> {
  const row = await readSession(database, tokenHash(token), fresh);
  if (row === undefined) return null;
  const t = now.getTime();
  const holds = t < new Date(row.expiresAt).getTime() && (row.display || t - new Date(row.lastSeenAt).getTime() < policy.idleMinutes * 60_000);
  if (!holds) return null;
  const { lastSeenAt: _seen, expiresAt: _expires, display: _display, ...user } = row;
  return user;
}

export async function endSession(database: Database, token: string): Promise<void> {
  await database.write((tx) => tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token))));
}
