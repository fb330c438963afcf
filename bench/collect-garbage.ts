/**
 * A full garbage collection before a part timed inside the bench's own
 * process (the sweep, the report, the import), so that it pays for its own
 * garbage, not for what generating the bench's data left behind, as
 * benchmark harnesses do between measurements (JMH, mitata). A full run
 * makes hundreds of megabytes of garbage before the sweep; without this,
 * the sweep took 1.7 times as long in a full run as alone, with the
 * collector's threads busy beside it. Needs `--expose-gc`, which
 * `npm run bench` passes; without it, nothing is collected.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
