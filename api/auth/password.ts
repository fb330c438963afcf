import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt parameters: 32 MiB and about 80 ms per hash on this kind of machine. Stored with each hash. */
const defaults = { N: 32768, r: 8, p: 1 } as const;
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export type ScryptCost = { readonly N: number; readonly r: number; readonly p: number };

/**
 * Hashes a password as `scrypt$N$r$p$salt$key` (base64), at the cost of {@link defaults} unless told another:
 * the test databases' demo users take a small one (see test/support/test-database.ts). Every check reads the
 * cost from the hash it checks against, so a stored hash keeps working when the defaults change.
 */
export async function hashPassword(password: string, cost: ScryptCost = defaults): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || n === undefined || r === undefined || p === undefined || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password nobody kept, at the default cost, checked against when the username is unknown, so
 * that timing does not reveal which usernames exist (the sign-in fails whatever the check says). Written out rather
 * than made at start: making it took a full scrypt run in every process that loaded this module, and the server
 * answers nothing sooner for it.
 */
export const decoyHash = 'scrypt$32768$8$1$+AouXeVyF51uDouCJllMWA==$bHHagff651ONN58eNHCosBBx/+iW9m51TmDVO7cxYjg=';
