/**
 * A script as the run bundled it (see script-bundles.ts), or the script itself: outside such a run, or for a
 * script the run does not bundle (the write worker's own tests' probes), which then loads under tsx.
 * vitest is imported when asked for, not at the top: the benchmarks import test-database.ts, which imports this, and
 * have no vitest.
 */
export async function bundleOf(script: URL): Promise<URL> {
  const { inject } = await import('vitest');
  const bundle = inject('scriptBundles')?.[script.href];
  return bundle === undefined ? script : new URL(bundle);
}
