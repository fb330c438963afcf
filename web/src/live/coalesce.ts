/**
 * Runs `work` for what is asked, one run at a time: what is asked while a
 * run is under way is gathered and done in one run after it.
 *
 * The change stream sends one change per audit entry, and some work writes
 * thousands at once: an import of clues, a sweep raising escalations. Re-read
 * per change, each open board would send thousands of column reads; gathered,
 * it sends a few. A single change is still read at once.
 */
export function coalesce<K>(work: (asked: ReadonlySet<K>) => Promise<unknown>): (keys?: Iterable<K>) => void {
  let running = false;
  let asked = false;
  let keys = new Set<K>();
  const drain = async () => {
    running = true;
    try {
      while (asked) {
        const now = keys;
        keys = new Set();
        asked = false;
        // A failed read leaves what it showed; what it was asked is asked again with the next change (and after a
        // break in the network, the page reads everything again: see subscribeToChanges).
        await work(now).catch(() => {
          for (const key of now) keys.add(key);
        });
      }
    } finally {
      running = false;
    }
  };
  return (more = []) => {
    for (const key of more) keys.add(key);
    asked = true;
    if (!running) void drain();
  };
}
