import { ApiProblem } from './problem';
import { randomUuid } from './random-uuid';

/** Requests sent whose answer never came (the network failed), by their text: the key each was sent with. */
const unanswered = new Map<string, string>();


/**
 * Sends a write with an `Idempotency-Key`. When the network fails, the
 * server may still have applied it: the user's next try of the same request
 * (the same card, move and version; the same note) goes with the same key,
 * and the server answers it as it did the first instead of applying it
 * twice (a second clue, a second note). Once answered, the next request
 * gets a new key, even if it reads the same.
 */
export async function withRetryKey<T>(request: string, send: (key: string) => Promise<T>): Promise<T> {
  const key = unanswered.get(request) ?? randomUuid();
  unanswered.set(request, key);
  try {
    const answer = await send(key);
    unanswered.delete(request);
    return answer;
  } catch (error) {
    if (!answerLost(error)) unanswered.delete(request);
    throw error;
  }
}

/**
 * The server's own refusals that say nothing of the request was taken: its disk full (the write rolled back), or it
 * starting or stopping (the request not run). Counted as lost, a drawer's form sent itself again on the item's next
 * change, and a move re-sent the same key, for a request the server had said plainly it did not keep.
 */
const notTaken: ReadonlySet<string> = new Set(['disk_full', 'starting', 'stopping']);

/**
 * Whether a write that failed so may still have been applied: no answer, a gateway's (502, 504) in place of the
 * server's, or the server's failing as it ran (500). Any other answer came from the server, which keeps only what it
 * applied.
 */
export const answerLost = (error: unknown): boolean => error instanceof ApiProblem && (error.status === 0 || (error.status >= 500 && !notTaken.has(error.code)));
