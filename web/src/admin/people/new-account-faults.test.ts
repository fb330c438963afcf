import { describe, expect, it } from 'vitest';
import { newAccountFaults } from './new-account-faults';

const policy = { minLength: 10, reuseHistory: 3 };
const good = { username: 'sun.qi', displayName: '孙七', role: 'officer', unitId: 'hantai', password: 'sun-qi-initial-pw' } as const;

describe("a new account's faults before it is sent", () => {
  it('names a username the schema refuses and a password too short for the policy together', () => {
    const faults = newAccountFaults({ ...good, username: 'Sun Qi', password: 'short' }, policy);
    expect(faults.map((f) => f.field)).toEqual(['username', 'password']);
    expect(faults[1]?.message).toEqual({ zh: '密码至少需要 10 个字符', en: 'The password must be at least 10 characters long' });
  });

  it('holds the password to the policy as read: twelve characters when the administrator asks for twelve', () => {
    expect(newAccountFaults({ ...good, password: 'eleven-char' }, policy)).toEqual([]);
    expect(newAccountFaults({ ...good, password: 'eleven-char' }, { minLength: 12, reuseHistory: 3 }).map((f) => f.message.zh)).toEqual(['密码至少需要 12 个字符']);
    expect(newAccountFaults({ ...good, password: ' padded-password ' }, policy).map((f) => f.message.zh)).toEqual(['密码首尾不能有空格']);
  });

  it('says an empty password once, as empty, and leaves the policy to the server until it has been read', () => {
    const empty = newAccountFaults({ ...good, password: '' }, policy).filter((f) => f.field === 'password');
    expect(empty).toHaveLength(1);
    expect(empty[0]?.message.zh).toBe('不能为空');
    expect(newAccountFaults({ ...good, password: 'short' }, undefined)).toEqual([]);
  });

  it('finds nothing wrong with a good account, and every empty field of an empty form', () => {
    expect(newAccountFaults(good, policy)).toEqual([]);
    const empty = newAccountFaults({ ...good, username: '', displayName: '', unitId: '', password: '' }, policy);
    expect(new Set(empty.map((f) => f.field))).toEqual(new Set(['username', 'displayName', 'unitId', 'password']));
  });
});
