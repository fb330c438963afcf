/**
 * One answer for every request that asks the same question of the same
 * state of the database, computed once.
 *
 * The battle map and the live report count the whole campaign: at a million
 * clues one battle map is about 0.6 s of the server's one thread, one report
 * about 0.4 s. Every wall screen and every open battle map redraws after the
 * same change, within a second of each other, and would count it again for
 * each screen. Here the first request counts; requests asking the same
 * question while it counts, or later while the state is unchanged, are given
 * its answer.
 *
 * The state is what the answer depends on, as a string: the audit log's
 * last entry (every change to what is counted appends one, from any process
 * on the database) and, for figures that move with the clock (what is
 * overdue), the minute. A failed answer is not kept.
 */
export class SharedAnswers<T> {
  readonly #capacity: number;
  /** In the order last used: the first is the next to go. */
  readonly #entries = new Map<string, { readonly state: string; readonly answer: Promise<T> }>();

  constructor(capacity = 32) {
    this.#capacity = capacity;
  }

  answer(question: string, state: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.#entries.get(question);
    this.#entries.delete(question);
    if (kept !== undefined && kept.state === state) {
      this.#entries.set(question, kept);
      return kept.answer;
    }
    const answer = compute();
    const entry = { state, answer };
    this.#entries.set(question, entry);
    answer.catch(() => {
      if (this.#entries.get(question) === entry) this.#entries.delete(question);
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#capacity) break;
      this.#entries.delete(oldest);
    }
    return answer;
  }
}

/** The minute `now` falls in: the clock's share of a state, for answers that count what is overdue. */
export function minuteOf(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}
