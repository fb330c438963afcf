import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { loginFailures } from '../../db/schema';
import { testDatabase } from '../../test/support/test-database';
import { LoginThrottle, limitReached, loginWindowMs } from './login-throttle';

let database: Awaited<ReturnType<typeof testDatabase>>;
/** A second connection to the same file, as another API process has. */
let other: Database | null = null;

beforeAll(async () => {
  database = await testDatabase({ seed: false });
});
afterAll(async () => {
  other?.close();
  await database.drop();
});

const at = (minutes: number) => new Date(Date.UTC(2026, 5, 15, 2, minutes));
const keys = (user: string) => [
  { key: `user:${user}`, limit: 3 },
  { key: 'addr:10.0.0.7', limit: 5 },
];

describe('the login throttle', () => {
  it('counts each key against its own limit, within the window only', async () => {
    const throttle = new LoginThrottle(database);
    for (let i = 0; i < 3; i++) await throttle.fail(keys('zhang'), at(i));
    expect(limitReached(keys('zhang'), await throttle.failures(keys('zhang'), at(3)))).toBe(true);
    // Another user behind the same gateway: the address has 3 of its 5.
    expect(limitReached(keys('li'), await throttle.failures(keys('li'), at(3)))).toBe(false);
    // Fifteen minutes after the first failure, it no longer counts.
    expect(limitReached(keys('zhang'), await throttle.failures(keys('zhang'), new Date(at(0).getTime() + loginWindowMs)))).toBe(false);
  });

  it('is one count for every process on the database: failures through one connection block the username at another', async () => {
    other = await openDatabase(database.url);
    const here = new LoginThrottle(database);
    const there = new LoginThrottle(other);
    await here.fail(keys('wang'), at(10));
    await there.fail(keys('wang'), at(11));
    await here.fail(keys('wang'), at(12));
    expect(limitReached(keys('wang'), await there.failures(keys('wang'), at(13)))).toBe(true);
    // A success clears the username's failures, everywhere, and not the address's.
    await there.succeed('user:wang');
    const after = await here.failures(keys('wang'), at(13));
    expect(after.get('user:wang')).toBeUndefined();
    expect(after.get('addr:10.0.0.7')).toBeGreaterThan(3);
  });

  it('forgets the failures that no longer count', async () => {
    const throttle = new LoginThrottle(database);
    const rows = async () => (await database.db.select({ n: count() }).from(loginFailures))[0]?.n ?? 0;
    const before = await rows();
    expect(before).toBeGreaterThan(0);
    expect(await throttle.forget(at(14))).toBe(0);
    expect(await throttle.forget(new Date(at(12).getTime() + loginWindowMs + 1))).toBe(before);
    expect(await rows()).toBe(0);
  });
});
