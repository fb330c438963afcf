import { and, asc, count, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../db/client';
import { loginFailures } from '../../db/schema';
import { ApiError } from '../errors';

/** What a guessed password counts against, and how many failures it may have in the window. */
export interface ThrottleKey {
  readonly key: string;
  readonly limit: number;
}

/** How far back failed logins count. */
export const loginWindowMs = 15 * 60_000;

/** A username's guesses, at sign-in and at a password change alike, whether or not the account exists. */
export const usernameKey = (username: string): ThrottleKey => ({ key: `user:${username.toLowerCase()}`, limit: 10 });

/**
 * The sign-ins from one address. It is shared by a whole station behind one
 * gateway, or by everyone behind a reverse proxy, so it is allowed far more
 * failures than one username, and reaching them does not lock the address
 * out (see {@link LoginThrottle.admit}).
 */
export const addressKey = (address: string): ThrottleKey => ({ key: `addr:${address}`, limit: 100 });

/**
 * How many guesses a username still gets from an address past its limit: its
 * first in the window. See {@link LoginThrottle.admit}.
 */
const guessesPastAddressLimit = 1;

/** A guess {@link LoginThrottle.admit} let through: its rows count as failures until {@link LoginThrottle.succeed} takes them back. */
export interface Attempt {
  readonly user: ThrottleKey;
  readonly rowIds: readonly number[];
}

/** How long a sign-in waits for this process's guesses of the same username ahead of it to be checked: many password hashes. */
export const waitForCheckingMs = 10_000;

/** A username's guesses being checked in this process, and the sign-ins waiting for one of them to be settled. */
interface Checking {
  count: number;
  readonly waiting: (() => void)[];
}

const checkingGuesses = new WeakMap<Database, Map<string, Checking>>();

export type Admission = { readonly admitted: true; readonly attempt: Attempt } | { readonly admitted: false; readonly retryAfterSeconds: number };

/**
 * Forgets a username's failures, in the transaction that makes them moot: an
 * administrator's reset of the password, read out to a user who locked
 * themselves out by forgetting it. Waiting out the window after it kept the
 * user from signing in with the password just handed over, and nothing else
 * could lift it. Guesses of the old password say nothing of the new one.
 */
export async function forgetGuessesOf(tx: Tx, user: ThrottleKey): Promise<number> {
  return (await tx.delete(loginFailures).where(eq(loginFailures.key, user.key)).returning({ id: loginFailures.id })).length;
}

/**
 * Counts guessed passwords per key (a username, an address) in a sliding
 * window. The failures are rows in the database, so every API process on
 * it counts the same ones: a guesser sent round several processes by a load
 * balancer meets one limit, not one per process, and a restart forgets
 * nothing.
 *
 * A guess is counted before its password is checked, by one INSERT … SELECT
 * that also counts the keys' rows: SQLite runs a statement that writes under
 * the write lock from its start, so no other guess, from this process or
 * another, is counted between the count and the insert. Checked first and
 * counted after, forty guesses sent at once had all read a count under the
 * limit and all had their password checked.
 */
export class LoginThrottle {
  readonly #database: Database;
  readonly #windowMs: number;

  constructor(database: Database, windowMs = loginWindowMs) {
    this.#database = database;
    this.#windowMs = windowMs;
  }

  /** This process's guesses being checked now, per username key, on this database (every throttle of it shares them). */
  #checkingOf(key: string): Checking {
    let all = checkingGuesses.get(this.#database);
    if (all === undefined) checkingGuesses.set(this.#database, (all = new Map()));
    let checking = all.get(key);
    if (checking === undefined) all.set(key, (checking = { count: 0, waiting: [] }));
    return checking;
  }

  /** A guess is settled: the sign-ins waiting on its username try again (one write each, not a poll). */
  #settle(attempt: Attempt): void {
    const checking = this.#checkingOf(attempt.user.key);
    checking.count = Math.max(0, checking.count - 1);
    for (const wake of checking.waiting.splice(0)) wake();
    if (checking.count === 0) checkingGuesses.get(this.#database)?.delete(attempt.user.key);
  }

  /**
   * Counts one guess at a username's password (from an address, at sign-in),
   * as a failure until {@link succeed} says it was right, if the keys allow
   * it; otherwise answers in how many seconds they will.
   *
   * A username allows `limit` guesses in the window. So does an address, but
   * past its limit it does not refuse everyone behind it: each username then
   * gets its first guess in the window, no more. One wrong sprayer behind a
   * station's gateway thus cannot keep the station's officers from signing
   * in, while the sprayer, past the address's limit, gets one guess per
   * username per window instead of the username's limit. The rule never asks
   * whether the account exists (an unknown username is counted and checked
   * against the decoy hash like any other), so neither the answer nor its
   * time tells which usernames exist. The price: someone who mistypes once
   * from an address past its limit waits for that failure to leave the
   * window, and is told how long.
   */
  async admit(user: ThrottleKey, address: ThrottleKey | null, now: Date, options: { readonly waitMs?: number } = {}): Promise<Admission> {
    // A guess still being checked counts until it is settled: with `waitMs`, several sign-ins of one account sent at once
    // with the right password (tabs, a wall and a desk) wait for this process's guesses ahead of them to be settled
    // ({@link succeed}, {@link failed}) rather than being refused for them.
    const giveUpAt = performance.now() + (options.waitMs ?? 0);
    for (;;) {
      const admission = await this.#admitOnce(user, address, now);
      if (admission.admitted) {
        this.#checkingOf(user.key).count += 1;
        return admission;
      }
      const checking = checkingGuesses.get(this.#database)?.get(user.key);
      const left = giveUpAt - performance.now();
      if (checking === undefined || checking.count === 0 || left <= 0) return admission;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        checking.waiting.push(resolve);
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
    }
  }

  /** The guess was wrong: it stays counted as a failure. */
  failed(attempt: Attempt): void {
    this.#settle(attempt);
  }

  async #admitOnce(user: ThrottleKey, address: ThrottleKey | null, now: Date): Promise<Admission> {
    const at = now.toISOString();
    const since = this.#since(now);
    const failuresOf = (key: string) => sql`(select count(*) from ${loginFailures} where ${loginFailures.key} = ${key} and ${loginFailures.at} > ${since})`;
    const userLimit =
      address === null ? sql`${user.limit}` : sql`case when ${failuresOf(address.key)} >= ${address.limit} then ${Math.min(guessesPastAddressLimit, user.limit)} else ${user.limit} end`;
    const guessed = address === null ? sql`select ${user.key} as counted` : sql`select ${user.key} as counted union all select ${address.key}`;
    const rows = await this.#database.write((tx) =>
      tx.all<{ id: number }>(sql`
        insert into ${loginFailures} (${sql.identifier(loginFailures.key.name)}, ${sql.identifier(loginFailures.at.name)})
        select guessed.counted, ${at} from (${guessed}) as guessed
        where ${failuresOf(user.key)} < ${userLimit}
        returning ${sql.identifier(loginFailures.id.name)} as id`),
    );
    if (rows.length > 0) return { admitted: true, attempt: { user, rowIds: rows.map((row) => row.id) } };
    return { admitted: false, retryAfterSeconds: await this.#retryAfterSeconds(user, address, now) };
  }

  /**
   * The guess was right: it is not a failure, and the username's failures
   * are cleared (everywhere); the address's other failures stay.
   */
  async succeed(attempt: Attempt): Promise<void> {
    try {
      await this.#database.write((tx) => tx.delete(loginFailures).where(or(eq(loginFailures.key, attempt.user.key), inArray(loginFailures.id, [...attempt.rowIds]))));
    } finally {
      // Settled once its rows are gone, so that the sign-ins it wakes find them gone.
      this.#settle(attempt);
    }
  }

  /** How many more failures the username may have in the window before it is refused (0: the next guess is). */
  async guessesLeft(user: ThrottleKey, now: Date): Promise<number> {
    const [row] = await this.#database.db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, user.key), gt(loginFailures.at, this.#since(now))));
    return Math.max(0, user.limit - (row?.n ?? 0));
  }

  /** Forgets the failures older than the window; run with the background jobs. */
  async forget(now: Date): Promise<number> {
    const result = await this.#database.write((tx) => tx.delete(loginFailures).where(lt(loginFailures.at, this.#since(now))));
    return result.rowsAffected;
  }

  #since(now: Date): string {
    return new Date(now.getTime() - this.#windowMs).toISOString();
  }

  /**
   * When {@link admit} would next let the username be guessed, as it refused
   * it now: once the username's failures fall under its limit and the
   * address's under its own, or once the username has none left in the
   * window, whichever comes first. Read after the refusal, so a guess
   * counted meanwhile may make it early; never under a second.
   */
  async #retryAfterSeconds(user: ThrottleKey, address: ThrottleKey | null, now: Date): Promise<number> {
    const keys = address === null ? [user.key] : [user.key, address.key];
    const rows = await this.#database.db
      .select({ key: loginFailures.key, at: loginFailures.at })
      .from(loginFailures)
      .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, this.#since(now))))
      .orderBy(asc(loginFailures.at));
    const times = (key: string) => rows.filter((row) => row.key === key).map((row) => new Date(row.at).getTime());
    const underLimit = (failures: readonly number[], limit: number) => underLimitAt(failures, limit, now, this.#windowMs);
    const ofUser = times(user.key);
    const withinLimits = Math.max(underLimit(ofUser, user.limit), address === null ? now.getTime() : underLimit(times(address.key), address.limit));
    const at = Math.min(withinLimits, underLimit(ofUser, Math.min(guessesPastAddressLimit, user.limit)));
    return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
  }
}

/**
 * When a key with these failures in the window (oldest first, as times) is
 * under its limit again: once the oldest n − limit + 1 have left the window
 * (now, if it is under it already).
 */
function underLimitAt(failures: readonly number[], limit: number, now: Date, windowMs: number): number {
  const last = failures[failures.length - Math.max(limit, 1)];
  return last === undefined ? now.getTime() : last + windowMs;
}

/**
 * The usernames whose own wrong guesses lock them out of signing in now,
 * each with when that ends (ISO): shown to the administrator beside the
 * account, which read "active" while its user was refused, so that a reset
 * (which lifts it, see {@link forgetGuessesOf}) is offered where it is
 * needed. The address's limit is not an account's and is left out.
 */
export async function lockedOut(db: Db | Tx, usernames: readonly string[], now: Date, windowMs = loginWindowMs): Promise<Map<string, string>> {
  const keys = new Map(usernames.map((username) => [usernameKey(username).key, username]));
  const since = new Date(now.getTime() - windowMs).toISOString();
  const rows = await db
    .select({ key: loginFailures.key, at: loginFailures.at })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, [...keys.keys()]), gt(loginFailures.at, since)))
    .orderBy(asc(loginFailures.at));
  const locked = new Map<string, string>();
  for (const [key, username] of keys) {
    const failures = rows.filter((row) => row.key === key).map((row) => new Date(row.at).getTime());
    if (failures.length < usernameKey(username).limit) continue;
    locked.set(username, new Date(underLimitAt(failures, usernameKey(username).limit, now, windowMs)).toISOString());
  }
  return locked;
}

/**
 * A wrong current password at a password change, with how many more the
 * account may take before it cannot sign in (said once three or fewer are
 * left): the changes count with the sign-ins, so an administrator mistyping
 * in an open tab had locked themselves out without a word before it.
 */
export function wrongCurrentPassword(left: number): { zh: string; en: string } {
  const minutes = Math.round(loginWindowMs / 60_000);
  if (left > 3) return { zh: '当前密码不正确', en: 'The current password is wrong' };
  if (left === 0) return { zh: `当前密码不正确；输错次数已达上限，本账号暂停登录（至多 ${minutes} 分钟）`, en: `The current password is wrong; too many wrong tries: this account cannot sign in for up to ${minutes} minutes` };
  return { zh: `当前密码不正确；再输错 ${left} 次，本账号将暂停登录（至多 ${minutes} 分钟）`, en: `The current password is wrong; ${left} more wrong and this account cannot sign in for up to ${minutes} minutes` };
}

/** The answer to a guess the throttle refused: 429, with when to try again in `Retry-After` and in words. */
export function tooManyGuesses(retryAfterSeconds: number): ApiError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new ApiError('rate_limited', {
    reason: { zh: `尝试次数过多，请 ${minutes} 分钟后再试`, en: `Too many attempts; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` },
    headers: { 'Retry-After': String(retryAfterSeconds) },
    extra: { retryAfterSeconds },
  });
}
