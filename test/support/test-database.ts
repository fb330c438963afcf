import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../db/client';
import { seedDemoCampaign } from '../../api/services/demo';
import { hashPassword } from '../../api/auth/password';
import { startSqld } from './sqld';
import { bundleOf } from './bundle-of';
import { testDatabaseKind } from './database-kind';

export const demoPassword = 'battlemap';

/** The demo instant tests freeze the clock at: mid-crackdown, with overdue items on the board. */
export const testNow = new Date('2026-06-15T02:00:00.000Z');

let sharedHash: Promise<string> | null = null;

/**
 * The scrypt cost of the demo users' shared hash in tests: 1 MiB and a few milliseconds, not 32 MiB and 80 ms to
 * half a second (the suites sign in well over a thousand times). The same code checks it, reading the cost from the
 * hash; accounts a test creates or resets through the API get the server's own cost.
 */
const testCost = { N: 1024, r: 8, p: 1 } as const;

/** The server's write worker, from the sources (see WriteWorker). */
const writeWorkerScript = new URL('../../api/write-worker.ts', import.meta.url);

/**
 * A real libSQL database in its own temp folder, migrated, and seeded with
 * the demo campaign unless told otherwise. One per test file; removed by
 * `drop`. An embedded file; in the 'sqld' project (see testDatabaseKind) a
 * libSQL server (sqld) of its own on 127.0.0.1, reached over HTTP.
 * Every demo user gets the same real scrypt hash (at a small cost: see testCost), computed once per process.
 */
export async function testDatabase(
  options: {
    seed?: boolean;
    now?: Date;
    clues?: number;
    problems?: number;
    /** The server's write worker (true, the default), none (false), or another script for it (one serving a test's group beside the server's). */
    writeWorker?: boolean | URL;
    /**
     * The escalations the demo's history raised along the way, as the demo a user starts has them. Off unless asked
     * for: the tests of the sweep, the inbox and the ladder sweep the demo themselves, from a database no sweep has run on.
     */
    escalations?: boolean;
  } = {},
): Promise<Database & { folder: string; drop(): Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'battlemap-test-'));
  const sqld = (await testDatabaseKind()) === 'sqld' ? await startSqld(folder) : null;
  // With the server's own write worker, so that moves commit on its thread as they do in the server; without it
  // for a test that watches the moves' own calls, which a spy sees only on this thread.
  const writeWorker = options.writeWorker === false ? undefined : await bundleOf(options.writeWorker === true || options.writeWorker === undefined ? writeWorkerScript : options.writeWorker);
  const database = await openDatabase(sqld?.url ?? `file:${join(folder, 'battlemap.db')}`, writeWorker === undefined ? {} : { writeWorker });
  if (options.seed !== false) {
    sharedHash ??= hashPassword(demoPassword, testCost);
    const hash = await sharedHash;
    await seedDemoCampaign(database, {
      now: options.now ?? testNow,
      hashPassword: async () => hash,
      password: demoPassword,
      ...(options.clues !== undefined && { clues: options.clues }),
      ...(options.problems !== undefined && { problems: options.problems }),
      escalations: options.escalations === true,
    });
  }
  return Object.assign(database, {
    folder,
    async drop() {
      await database.close();
      await sqld?.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  });
}
