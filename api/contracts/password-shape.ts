import type { FieldIssue } from '../../engine';

// The password policy's checks that need no stored history: the service's, and the new-account form's before it
// sends, so that the form names a short password together with the fields the request's schema refuses.

export interface PasswordPolicy {
  readonly minLength: number;
  readonly reuseHistory: number;
}

/** What applies until the administrator saves a policy: long enough to resist guessing, no reuse of the last 3. */
export const defaultPasswordPolicy: PasswordPolicy = { minLength: 10, reuseHistory: 3 };

/** Bounds the administrator may choose within. scrypt work per check grows with the history, so it is capped. */
export const policyBounds = { minLength: { min: 8, max: 128 }, reuseHistory: { min: 0, max: 24 } } as const;

/** The checks that need no history: length, counted in characters as a person counts them (a 汉字 is one). */
export function passwordShapeIssues(password: string, policy: PasswordPolicy, field = 'password'): FieldIssue[] {
  const length = [...password.normalize('NFC')].length;
  if (length < policy.minLength) {
    return [{ field, message: { zh: `密码至少需要 ${policy.minLength} 个字符`, en: `The password must be at least ${policy.minLength} characters long` } }];
  }
  if (password.trim() !== password) {
    return [{ field, message: { zh: '密码首尾不能有空格', en: 'The password may not start or end with a space' } }];
  }
  return [];
}
