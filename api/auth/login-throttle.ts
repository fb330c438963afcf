/**
 * Counts failed logins per username and per address in a sliding window.
 * In memory: a restart forgets, which only ever errs towards letting a user in.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;

  constructor(limit = 10, windowMs = 15 * 60_000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  #recent(key: string, now: number): number[] {
    const kept = (this.#failures.get(key) ?? []).filter((t) => now - t < this.#windowMs);
    if (kept.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, kept);
    return kept;
  }

  /** True when either the username or the address has failed too often lately. */
  blocked(keys: readonly string[], now: number): boolean {
    return keys.some((key) => this.#recent(key, now).length >= this.#limit);
  }

  fail(keys: readonly string[], now: number): void {
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }
}
