/**
 * Counts failed logins per key (a username, an address) in a sliding window.
 * Each key has its own limit: an address is shared by a whole station
 * behind one gateway, so it is allowed far more failures than one username.
 * In memory: a restart forgets, which only ever errs towards letting a user in.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #windowMs: number;

  constructor(windowMs = 15 * 60_000) {
    this.#windowMs = windowMs;
  }

  #recent(key: string, now: number): number[] {
    const kept = (this.#failures.get(key) ?? []).filter((t) => now - t < this.#windowMs);
    if (kept.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, kept);
    return kept;
  }

  /** True when any key has reached its limit of failures in the window. */
  blocked(keys: readonly { key: string; limit: number }[], now: number): boolean {
    return keys.some(({ key, limit }) => this.#recent(key, now).length >= limit);
  }

  fail(keys: readonly { key: string }[], now: number): void {
    for (const { key } of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
  }

  /** A success clears the username's count, not the address's. */
  succeed(key: string): void {
    this.#failures.delete(key);
  }
}
