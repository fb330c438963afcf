import { passwordShapeIssues } from '../../../../api/contracts/password-shape';
import { newUser, type NewUser } from '../../../../api/contracts/users';
import type { FieldIssue } from '../../../../engine/refusals';
import { validate } from '../../../../engine/validation';
import type { PasswordPolicyWire } from './api';

/**
 * What is wrong with a new account before it is sent: each field as the request's schema checks it, and the
 * password against the policy (when it was read) unless the schema already refused it. The server checks both
 * again; what only it can know (a username taken, a unit retired meanwhile) comes in its answer.
 */
export function newAccountFaults(account: NewUser, policy: PasswordPolicyWire | undefined): FieldIssue[] {
  const checked = validate(newUser, account);
  const faults = checked.ok ? [] : [...checked.fields];
  if (policy !== undefined && !faults.some((f) => f.field === 'password')) faults.push(...passwordShapeIssues(account.password, policy));
  return faults;
}
