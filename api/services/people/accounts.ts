import { and, asc, count, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { Database, Db, Tx } from '../../../db/client';
import { clues, problems, sessions, unitLeads, units, users } from '../../../db/schema';
import { openClueStates, openProblemStates, type FieldIssue, type Role } from '../../../engine';
import { forgetGuessesOf, lockedOut, LoginThrottle, tooManyGuesses, usernameKey, wrongCurrentPassword } from '../../auth/login-throttle';
import { hashPassword, verifyPassword } from '../../auth/password';
import { tokenHash } from '../../auth/sessions';
import type { NewUser, UserAccount, UserEdit } from '../../contracts/users';
import { ApiError } from '../../errors';
import { auditPeople, changedFields, type AdminChange } from './people-audit';
import { passwordShapeIssues } from '../../contracts/password-shape';
import { readPasswordPolicy, rememberPassword, reuseIssue, reusesRecentPassword } from './password-policy';
import { holdsItemsRefusal, itemsOutOfReach, releaseHeldItems } from './held-items';
import { dropUncoveredLeads } from './uncovered-leads';

const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  disabledAt: users.disabledAt,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

/**
 * A people form's fields refused: its reason says what is wrong (the one field's message, or how many), not "the
 * request is malformed", which a client showing the reason alone (a script's log) read as a fault of its own.
 */
export const invalid = (fields: readonly FieldIssue[]) =>
  new ApiError('bad_request', {
    fields,
    reason: fields.length === 1 && fields[0] !== undefined ? fields[0].message : { zh: `有 ${fields.length} 处需要修改`, en: `${fields.length} fields need changing` },
  });

/** Every account (or each of `ids`), with the units each leads and whether wrong passwords lock it out at `now`, in unit then id order. */
export async function listAccounts(db: Db | Tx, now: Date, ids?: readonly number[]): Promise<UserAccount[]> {
  const rows = await db
    .select(accountColumns)
    .from(users)
    .where(ids === undefined ? undefined : inArray(users.id, [...ids]))
    .orderBy(asc(users.unitId), asc(users.id));
  const leads = await db.select().from(unitLeads);
  const holding = await openItemsHeld(db, ids);
  const locked = await lockedOut(db, rows.map((row) => row.username), now);
  return rows.map((row) => ({ ...row, leads: leads.filter((l) => l.userId === row.id).map((l) => l.unitId), openItems: holding.get(row.id) ?? 0, lockedUntil: locked.get(row.username) ?? null }));
}

/** How many open clues and problems each user (or each of `ids`) is assigned, over every campaign. */
async function openItemsHeld(db: Db | Tx, ids?: readonly number[]): Promise<Map<number, number>> {
  const held = new Map<number, number>();
  for (const [table, open] of [
    [clues, openClueStates],
    [problems, openProblemStates],
  ] as const) {
    const rows = await db
      .select({ userId: table.assigneeId, n: count() })
      .from(table)
      .where(and(inArray(table.state, [...open]), ids === undefined ? isNotNull(table.assigneeId) : inArray(table.assigneeId, [...ids])))
      .groupBy(table.assigneeId);
    for (const row of rows) if (row.userId !== null) held.set(row.userId, (held.get(row.userId) ?? 0) + row.n);
  }
  return held;
}

export async function readAccount(db: Db | Tx, id: number, now: Date): Promise<UserAccount> {
  const [account] = await listAccounts(db, now, [id]);
  if (account === undefined) throw new ApiError('not_found');
  return account;
}

/** A unit new work and people may be placed in: it exists and is not retired. */
export async function unitIssue(db: Db | Tx, unitId: string, field = 'unitId'): Promise<FieldIssue | null> {
  const [unit] = await db.select({ retiredAt: units.retiredAt }).from(units).where(eq(units.id, unitId)).limit(1);
  if (unit === undefined) return { field, message: { zh: `没有编码为 ${unitId} 的单位`, en: `There is no unit with the code ${unitId}` } };
  if (unit.retiredAt !== null) return { field, message: { zh: '该单位已撤销，不能再分配人员', en: 'That unit is retired and takes no one new' } };
  return null;
}

export const takenIssue = (name: string, field = 'username'): FieldIssue => ({ field, message: { zh: `用户名 ${name} 已被使用`, en: `The username ${name} is taken` } });

/**
 * Creates an account. The administrator chose its password, so the user
 * must change it at first sign-in.
 */
export async function createAccount(database: Database, input: NewUser, change: AdminChange): Promise<UserAccount> {
  const { now } = change;
  const policy = await readPasswordPolicy(database.db);
  const issues = passwordShapeIssues(input.password, policy);
  const unit = await unitIssue(database.db, input.unitId);
  if (unit !== null) issues.push(unit);
  // Said with the others in one answer: a username taken was said only once the password had been put right.
  const [taken] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
  if (taken !== undefined) issues.unshift(takenIssue(input.username));
  if (issues.length > 0) throw invalid(issues);
  const passwordHash = await hashPassword(input.password);
  return database.write(async (tx) => {
    // Again in the write: another administrator may have taken it meanwhile.
    const [takenNow] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (takenNow !== undefined) throw invalid([takenIssue(input.username)]);
    const [row] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId, passwordHash, mustChangePassword: true, createdAt: now.toISOString() })
      .returning({ id: users.id });
    if (row === undefined) throw new Error('user not created');
    await rememberPassword(tx, row.id, passwordHash, now);
    const created = await readAccount(tx, row.id, now);
    await auditPeople(tx, change, { user: row.id }, 'user.create', accountFacts(created));
    return created;
  });
}

/** What a create entry records of an account (never its password). */
export const accountFacts = (a: UserAccount) => ({ username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId });

/** Refuses a change that would leave nobody able to administer Battlemap. */
async function keepAnAdmin(tx: Tx, losing: number): Promise<void> {
  const [others] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, losing)));
  if ((others?.n ?? 0) === 0) {
    throw new ApiError('payload_invalid', {
      reason: { zh: '至少需要保留一名启用的系统管理员', en: 'At least one active administrator must remain' },
      fields: [{ field: 'role', message: { zh: '这是最后一名系统管理员', en: 'This is the last administrator' } }],
    });
  }
}

/** Roles that may lead a unit: leads, and the office for the campaign office. */
export const leadRoles: readonly Role[] = ['lead', 'office'];

/**
 * Edits name, role and unit. A user who no longer can lead a unit (another role, another unit) is taken off it.
 * A role or unit that takes them out of reach of open items they hold is refused (409 holds_items) unless the
 * edit says `releaseHeldItems`: then, in the same transaction, those items go back to their unit unassigned.
 */
export async function editAccount(database: Database, id: number, edit: UserEdit, change: AdminChange & { readonly by: number }): Promise<UserAccount> {
  // As disabling one's own account is refused: a new role ends the account's sessions at once, and an administrator
  // who gave themselves another (a slip of the role select on their own row) was signed out without the administration.
  if (id === change.by && edit.role !== undefined && edit.role !== 'admin') throw invalid([{ field: 'role', message: { zh: '不能更改自己的角色，请由另一名系统管理员操作', en: 'You cannot change your own role: ask another administrator' } }]);
  if (edit.unitId !== undefined) {
    const issue = await unitIssue(database.db, edit.unitId);
    if (issue !== null) throw invalid([issue]);
  }
  return database.write(async (tx) => {
    const before = await readAccount(tx, id, change.now);
    if (edit.role !== undefined && edit.role !== 'admin' && before.role === 'admin' && before.disabledAt === null) await keepAnAdmin(tx, id);
    const reach = { role: edit.role ?? before.role, unitId: edit.unitId ?? before.unitId };
    // Checked before anything is written: an item left with someone who can neither open nor move it is work nobody
    // does, and the unit's lead, who sees it assigned, is never asked to give it to someone else.
    const lost = reach.role === before.role && reach.unitId === before.unitId ? [] : await itemsOutOfReach(tx, id, reach);
    if (lost.length > 0 && edit.releaseHeldItems !== true) throw holdsItemsRefusal(reach.role === before.role ? 'unitId' : 'role', lost.length);
    const fields = {
      ...(edit.displayName !== undefined && { displayName: edit.displayName }),
      ...(edit.role !== undefined && { role: edit.role }),
      ...(edit.unitId !== undefined && { unitId: edit.unitId }),
    };
    // An edit that names no field changes nothing and is answered with the account (drizzle refuses an empty SET).
    if (Object.keys(fields).length > 0) await tx.update(users).set(fields).where(eq(users.id, id));
    if (edit.role !== undefined && !leadRoles.includes(edit.role)) await tx.delete(unitLeads).where(eq(unitLeads.userId, id));
    // A lead moved to another unit leads only the units it covers.
    if (edit.unitId !== undefined && edit.unitId !== before.unitId) await dropUncoveredLeads(tx, { userId: id });
    await releaseHeldItems(tx, lost, change);
    const after = await readAccount(tx, id, change.now);
    const changes = changedFields(before, after, ['displayName', 'role', 'unitId', 'leads']);
    // A new role ends the account's sessions: a wall display's month-long session of a read-only account must not
    // go on with write rights, and whoever signs in again sees the pages of the new role from the start.
    const ended = before.role === after.role ? [] : await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ userId: sessions.userId });
    if (Object.keys(changes).length > 0) await auditPeople(tx, change, { user: id }, 'user.edit', { changes, ...(ended.length > 0 && { sessionsEnded: ended.length }), ...(lost.length > 0 && { itemsReleased: lost }) });
    return after;
  });
}

/**
 * Disables an account and deletes its sessions in the same transaction: the
 * next request with any of its cookies is refused (the session lookup also
 * refuses a disabled user, in case a session is written concurrently).
 */
export async function disableAccount(database: Database, id: number, change: AdminChange): Promise<UserAccount> {
  const now = change.now;
  if (id === change.by) throw invalid([{ field: 'id', message: { zh: '不能停用自己的账号', en: 'You cannot disable your own account' } }]);
  return database.write(async (tx) => {
    const before = await readAccount(tx, id, change.now);
    if (before.role === 'admin') await keepAnAdmin(tx, id);
    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ userId: sessions.userId });
    if (before.disabledAt === null) {
      await tx.update(users).set({ disabledAt: now.toISOString() }).where(eq(users.id, id));
      await auditPeople(tx, change, { user: id }, 'user.disable', { sessionsEnded: ended.length });
    }
    return readAccount(tx, id, change.now);
  });
}

export async function enableAccount(database: Database, id: number, change: AdminChange): Promise<UserAccount> {
  return database.write(async (tx) => {
    const before = await readAccount(tx, id, change.now);
    if (before.disabledAt === null) return before;
    await tx.update(users).set({ disabledAt: null }).where(eq(users.id, id));
    await auditPeople(tx, change, { user: id }, 'user.enable', {});
    return readAccount(tx, id, change.now);
  });
}

/** Letters and digits read aloud or typed from a screen without doubt: no l, 1, I, o, O or 0, and no punctuation. */
const readable = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A temporary password an administrator hands over by phone or on paper: at
 * least 20 characters of an alphabet without look-alikes (some 115 bits), as
 * long as the policy asks, in groups of five (`k7Qmr-RtX2p-…`).
 */
export function temporaryPassword(minLength: number): string {
  const chars = Array.from({ length: Math.max(20, minLength) }, () => readable[randomInt(readable.length)]).join('');
  return (chars.match(/.{1,5}/g) ?? [chars]).join('-');
}

/**
 * Resets a password to the administrator's temporary one (or a generated
 * one, answered once): the user must change it at next sign-in, and every
 * session they hold ends now.
 */
export async function resetPassword(database: Database, id: number, chosen: string | undefined, change: AdminChange): Promise<{ user: UserAccount; temporaryPassword: string | null }> {
  const { now } = change;
  // One's own password is changed with the current one (修改密码): reset, it ended the administrator's session
  // before the page could show the new one, and a lone administrator was locked out.
  if (id === change.by) throw invalid([{ field: 'id', message: { zh: '不能重置自己的密码：请用“修改密码”', en: 'You cannot reset your own password: use Change password' } }]);
  const { username } = await readAccount(database.db, id, now);
  const policy = await readPasswordPolicy(database.db);
  const password = chosen ?? temporaryPassword(policy.minLength);
  if (chosen !== undefined) {
    const issues = passwordShapeIssues(chosen, policy);
    if (issues.length === 0 && (await reusesRecentPassword(database.db, id, chosen, policy))) issues.push(reuseIssue());
    if (issues.length > 0) throw invalid(issues);
  }
  const passwordHash = await hashPassword(password);
  const user = await database.write(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ userId: sessions.userId });
    await rememberPassword(tx, id, passwordHash, now);
    // A user locked out by wrong guesses is let in with the password handed over, not after the window.
    const guessesForgotten = await forgetGuessesOf(tx, usernameKey(username));
    await auditPeople(tx, change, { user: id }, 'user.reset_password', { generated: chosen === undefined, sessionsEnded: ended.length, guessesForgotten });
    return readAccount(tx, id, now);
  });
  return { user, temporaryPassword: chosen === undefined ? password : null };
}

/** Who changes their own password, and the session token they change it from. */
export interface PasswordChanger {
  readonly id: number;
  readonly username: string;
  /** The session that makes the change: it stays signed in, the user's others end. */
  readonly sessionToken: string | undefined;
}

/**
 * The signed-in user's own change, proven by the current password; it lifts
 * "must change" and ends every other session of the user. Wrong current
 * passwords count against the username as wrong sign-ins do (429 past the
 * limit): a session cookie someone else has taken must not let them guess
 * the password, and the guesses here and at the sign-in page share one limit.
 */
export async function changeOwnPassword(database: Database, changer: PasswordChanger, current: string, next: string, now: Date): Promise<void> {
  const { id } = changer;
  const throttle = new LoginThrottle(database);
  // Counted before the check, as at sign-in, so that guesses sent at once cannot all be checked.
  const admission = await throttle.admit(usernameKey(changer.username), null, now);
  if (!admission.admitted) throw tooManyGuesses(admission.retryAfterSeconds);
  const [row] = await database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).limit(1);
  if (row === undefined) {
    throttle.failed(admission.attempt);
    throw new ApiError('unauthenticated');
  }
  if (!(await verifyPassword(current, row.passwordHash))) {
    throttle.failed(admission.attempt);
    throw invalid([{ field: 'currentPassword', message: wrongCurrentPassword(await throttle.guessesLeft(usernameKey(changer.username), now)) }]);
  }
  await throttle.succeed(admission.attempt);
  const policy = await readPasswordPolicy(database.db);
  const issues = passwordShapeIssues(next, policy);
  if (issues.length === 0 && (await reusesRecentPassword(database.db, id, next, policy))) issues.push(reuseIssue());
  if (issues.length > 0) throw invalid(issues);
  const passwordHash = await hashPassword(next);
  await database.write(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, id));
    // Whoever else signed in with the old password (someone who learnt it, a cookie taken from a shared computer) is
    // signed out with it; the user goes on where they made the change.
    const others = changer.sessionToken === undefined ? eq(sessions.userId, id) : and(eq(sessions.userId, id), ne(sessions.tokenHash, tokenHash(changer.sessionToken)));
    const ended = await tx.delete(sessions).where(others).returning({ userId: sessions.userId });
    await rememberPassword(tx, id, passwordHash, now);
    await auditPeople(tx, { by: id, now }, { user: id }, 'user.change_password', { sessionsEnded: ended.length });
  });
}
