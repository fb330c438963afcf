import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { endSession, resumeSession, startSession, type SessionPolicy } from './sessions';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ clues: 5, problems: 1 });
});
afterAll(() => database.drop());

const policy: SessionPolicy = { idleMinutes: 240, maxHours: 12 };
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('resuming a session', () => {
  it('ends at once when this process signs it out, though it was just read', async () => {
    const { token } = await startSession(database, 1, testNow, policy);
    expect((await resumeSession(database, token, testNow, policy))?.id).toBe(1);
    await endSession(database, token);
    expect(await resumeSession(database, token, testNow, policy)).toBeNull();
  });

  it('ends within two seconds when another process on the same database signs it out', async () => {
    const other = await openDatabase(database.url);
    try {
      const { token } = await startSession(database, 1, testNow, policy);
      expect((await resumeSession(database, token, testNow, policy))?.id).toBe(1);
      await endSession(other, token);
      // The other process's write is not this one's to count: on a file the kept read lasts at most two seconds (a libSQL server's is not kept).
      await sleep(2_100);
      expect(await resumeSession(database, token, testNow, policy)).toBeNull();
    } finally {
      await other.close();
    }
  });
});
