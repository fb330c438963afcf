/**
 * A full garbage collection before a part is timed (the sweep, each report
 * run, the import), so that each pays for its own garbage, as benchmark
 * harnesses do between measurements (JMH, mitata). These parts now run in a
 * process of their own (bench/part-process.ts), which the collection did
 * not make unnecessary: in the bench's process, collected first, the sweep
 * still took 1.5 times as long after other parts as alone. Here it keeps
 * one report run from paying for the one before it. Needs `--expose-gc`,
 * which `npm run bench` and the parts' processes pass; without it, nothing
 * is collected.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
