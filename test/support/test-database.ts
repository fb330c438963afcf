import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../db/client';
import { seedDemo } from '../../db/seed/seed-demo';
import { hashPassword } from '../../api/auth/password';

export const demoPassword = 'battlemap';

/** The demo instant tests freeze the clock at: mid-crackdown, with overdue items on the board. */
export const testNow = new Date('2026-06-15T02:00:00.000Z');

let sharedHash: Promise<string> | null = null;

/**
 * A real libSQL file in its own temp folder, migrated, and seeded with the
 * demo campaign unless told otherwise. One per test file; removed by `drop`.
 * Every demo user gets the same real scrypt hash, computed once per process.
 */
export async function testDatabase(options: { seed?: boolean; now?: Date; clues?: number; problems?: number } = {}): Promise<Database & { folder: string; drop(): void }> {
  const folder = mkdtempSync(join(tmpdir(), 'battlemap-test-'));
  const database = await openDatabase(`file:${join(folder, 'battlemap.db')}`);
  if (options.seed !== false) {
    sharedHash ??= hashPassword(demoPassword);
    const hash = await sharedHash;
    await seedDemo(database, {
      now: options.now ?? testNow,
      hashPassword: async () => hash,
      password: demoPassword,
      ...(options.clues !== undefined && { clues: options.clues }),
      ...(options.problems !== undefined && { problems: options.problems }),
    });
  }
  return Object.assign(database, {
    folder,
    drop() {
      database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  });
}
