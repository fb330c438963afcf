declare module 'vitest' {
  export interface ProvidedContext {
    /** What the test databases are: an embedded file, or a libSQL server (the 'sqld' project: see vite.config.ts). */
    testDatabaseKind: TestDatabaseKind;
  }
}

export type TestDatabaseKind = 'file' | 'sqld';

/**
 * What the running test file's databases are: a libSQL server of their own in the 'sqld' project, which runs the
 * files that reach the database in ways a server answers differently (its own connections, answers over HTTP) a
 * second time; an embedded file everywhere else, and outside vitest (the benchmarks import test-database.ts).
 * vitest is imported when asked for, not at the top, for the same reason.
 */
export async function testDatabaseKind(): Promise<TestDatabaseKind> {
  const { inject } = await import('vitest');
  return inject('testDatabaseKind') ?? 'file';
}
