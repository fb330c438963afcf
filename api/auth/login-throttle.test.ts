import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { loginFailures } from '../../db/schema';
import { testDatabase } from '../../test/support/test-database';
import { lockedOut, LoginThrottle, loginWindowMs, usernameKey, type Admission } from './login-throttle';

let database: Awaited<ReturnType<typeof testDatabase>>;
/** A second connection to the same file, as another API process has. */
let other: Database | null = null;

beforeAll(async () => {
  database = await testDatabase({ seed: false });
  other = await openDatabase(database.url);
});
afterAll(async () => {
  other?.close();
  await database.drop();
});

const at = (minutes: number) => new Date(Date.UTC(2026, 5, 15, 2, minutes));
// Small limits, so that the rules show in a few guesses; each test has its own address.
const user = (name: string) => ({ key: `user:${name}`, limit: 3 });
const address = (n: number) => ({ key: `addr:10.0.0.${n}`, limit: 5 });
const admitted = (admissions: readonly Admission[]) => admissions.filter((a) => a.admitted).length;
const failuresOf = async (key: string) => (await database.db.select({ n: count() }).from(loginFailures).where(eq(loginFailures.key, key)))[0]?.n ?? 0;

describe('the login throttle', () => {
  it('counts each key against its own limit, within the window only, and says when the username may be tried again', async () => {
    const throttle = new LoginThrottle(database);
    for (let i = 0; i < 3; i++) expect((await throttle.admit(user('zhang'), address(1), at(i))).admitted).toBe(true);
    expect(await throttle.admit(user('zhang'), address(1), at(3))).toEqual({ admitted: false, retryAfterSeconds: 12 * 60 });
    // Another user behind the same gateway: the address has 3 of its 5.
    expect((await throttle.admit(user('li'), address(1), at(3))).admitted).toBe(true);
    // Fifteen minutes after the first failure, it no longer counts.
    expect((await throttle.admit(user('zhang'), address(1), new Date(at(0).getTime() + loginWindowMs))).admitted).toBe(true);
  });

  it('admits no more guesses than the limit when they arrive at once, through two processes', async () => {
    const here = new LoginThrottle(database);
    const there = new LoginThrottle(other as Database);
    const guesses = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? here : there).admit(user('zhou'), address(2), at(20)));
    expect(admitted(await Promise.all(guesses))).toBe(3);
    expect(await failuresOf('user:zhou')).toBe(3);
  });

  it('takes back a right guess and clears the username, everywhere, but not the address', async () => {
    const here = new LoginThrottle(database);
    const there = new LoginThrottle(other as Database);
    await here.admit(user('wang'), address(3), at(10));
    await there.admit(user('wang'), address(3), at(11));
    const right = await here.admit(user('wang'), address(3), at(12));
    if (!right.admitted) throw new Error('the third guess should be admitted');
    await there.succeed(right.attempt);
    expect(await failuresOf('user:wang')).toBe(0);
    expect(await failuresOf('addr:10.0.0.3')).toBe(2);
    // The username may be guessed its full limit again.
    expect(admitted(await Promise.all(Array.from({ length: 4 }, () => here.admit(user('wang'), address(3), at(13)))))).toBe(3);
  });

  it('past its limit, an address gives each username only its first guess in the window, and says when either will allow another', async () => {
    const throttle = new LoginThrottle(database);
    // A sprayer behind the gateway: five usernames, one guess each, bring the address to its limit.
    for (let i = 0; i < 5; i++) expect((await throttle.admit(user(`ghost-${i}`), address(4), at(30 + i))).admitted).toBe(true);
    // An officer who has not failed is still let through; a second guess at the same username is not.
    expect((await throttle.admit(user('chen'), address(4), at(40))).admitted).toBe(true);
    // It may be tried again once the address is under its limit (the oldest two of its six failures gone, at 31 + 15),
    // before its own failure has left the window (at 40 + 15).
    expect(await throttle.admit(user('chen'), address(4), at(41))).toEqual({ admitted: false, retryAfterSeconds: 5 * 60 });
    // Nor a second guess at a sprayed username: that one may be tried once its own failure has left the window (at 30 + 15).
    expect(await throttle.admit(user('ghost-0'), address(4), at(42))).toEqual({ admitted: false, retryAfterSeconds: 3 * 60 });
    // Guesses at once at one fresh username, past the address's limit: one is admitted.
    expect(admitted(await Promise.all(Array.from({ length: 10 }, () => throttle.admit(user('sun'), address(4), at(43)))))).toBe(1);
  });

  it("says which usernames their own failures lock out, and until the one that brings them under the limit leaves the window", async () => {
    const fail = (username: string, minutes: readonly number[]) => database.db.insert(loginFailures).values(minutes.map((m) => ({ key: usernameKey(username).key, at: at(m).toISOString() })));
    // Twelve failures against a limit of ten: under it once the third oldest has left the window.
    await fail('zhao.locked', [100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111]);
    // Nine in the window and one before it: not locked.
    await fail('sun.nine', [80, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    // An address past its own limit is no account's lock.
    await database.db.insert(loginFailures).values(Array.from({ length: 120 }, () => ({ key: 'addr:10.0.0.9', at: at(105).toISOString() })));
    const locked = await lockedOut(database.db, ['zhao.locked', 'sun.nine', 'nobody'], at(112));
    expect([...locked]).toEqual([['zhao.locked', new Date(at(102).getTime() + loginWindowMs).toISOString()]]);
  });

  it('forgets the failures that no longer count', async () => {
    const throttle = new LoginThrottle(database);
    const rows = async () => (await database.db.select({ n: count() }).from(loginFailures))[0]?.n ?? 0;
    await throttle.admit(user('qian'), address(5), at(200));
    // Whatever the other tests left is long out of the window by then.
    await throttle.forget(at(200));
    expect(await rows()).toBe(2);
    expect(await throttle.forget(new Date(at(200).getTime() + loginWindowMs - 1))).toBe(0);
    expect(await throttle.forget(new Date(at(200).getTime() + loginWindowMs + 1))).toBe(2);
    expect(await rows()).toBe(0);
  });
});
