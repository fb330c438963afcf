import { and, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { loginFailures } from '../../db/schema';

/** What a failed login counts against, and how many failures it may have in the window. */
export interface ThrottleKey {
  readonly key: string;
  readonly limit: number;
}

/** How far back failed logins count. */
export const loginWindowMs = 15 * 60_000;

/** True when one of the keys has reached its limit of failures (as {@link LoginThrottle.failures} counted them). */
export function limitReached(keys: readonly ThrottleKey[], failures: ReadonlyMap<string, number>): boolean {
  return keys.some(({ key, limit }) => (failures.get(key) ?? 0) >= limit);
}

/**
 * Counts failed logins per key (a username, an address) in a sliding
 * window. Each key has its own limit: an address is shared by a whole
 * station behind one gateway, so it is allowed far more failures than one
 * username. The failures are rows in the database, so every API process on
 * it counts the same ones: a guesser sent round several processes by a load
 * balancer meets one limit, not one per process, and a restart forgets
 * nothing.
 */
export class LoginThrottle {
  readonly #database: Database;
  readonly #windowMs: number;

  constructor(database: Database, windowMs = loginWindowMs) {
    this.#database = database;
    this.#windowMs = windowMs;
  }

  /** The failures of each key in the window ending now (keys with none left out). */
  async failures(keys: readonly ThrottleKey[], now: Date): Promise<Map<string, number>> {
    const since = new Date(now.getTime() - this.#windowMs).toISOString();
    const rows = await this.#database.db
      .select({ key: loginFailures.key, n: count() })
      .from(loginFailures)
      .where(and(inArray(loginFailures.key, keys.map((k) => k.key)), gt(loginFailures.at, since)))
      .groupBy(loginFailures.key);
    return new Map(rows.map((row) => [row.key, row.n]));
  }

  async fail(keys: readonly ThrottleKey[], now: Date): Promise<void> {
    const at = now.toISOString();
    await this.#database.write((tx) => tx.insert(loginFailures).values(keys.map(({ key }) => ({ key, at }))));
  }

  /** A success clears the username's count, not the address's. */
  async succeed(key: string): Promise<void> {
    await this.#database.write((tx) => tx.delete(loginFailures).where(eq(loginFailures.key, key)));
  }

  /** Forgets the failures older than the window; run with the background jobs. */
  async forget(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.#windowMs).toISOString();
    const result = await this.#database.write((tx) => tx.delete(loginFailures).where(lt(loginFailures.at, before)));
    return result.rowsAffected;
  }
}
