/**
 * Lets the event loop serve waiting requests in the middle of long work.
 *
 * libSQL runs a local database's statements synchronously behind its
 * promises, so a long run of awaits on them (an import of 50,000 rows)
 * never gives the event loop a turn: every other user's board, move and
 * event stream would wait for the whole import. Long loops call this every
 * so often; writes stay serialised by the write queue regardless.
 */
export function letOthersIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
