import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, verifyPassword } from './password';

describe('password hashes', () => {
  it('checks a password against the cost its hash was made at, the default or a smaller one', async () => {
    const stored = await hashPassword('battlemap');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    const cheap = await hashPassword('battlemap', { N: 1024, r: 8, p: 1 });
    expect(cheap.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    for (const hash of [stored, cheap]) {
      expect(await verifyPassword('battlemap', hash)).toBe(true);
      expect(await verifyPassword('battlemaP', hash)).toBe(false);
    }
  });

  it("keeps the decoy an unknown username is checked against at the default cost, so that its sign-in takes a known one's time", async () => {
    expect(decoyHash.split('$').slice(0, 4)).toEqual((await hashPassword('x')).split('$').slice(0, 4));
    expect(await verifyPassword('battlemap', decoyHash)).toBe(false);
  });
});
