import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { passwordHistory, passwordPolicy, users } from '../../../db/schema';
import type { FieldIssue } from '../../../engine';
import { verifyPassword } from '../../auth/password';
import { defaultPasswordPolicy, type PasswordPolicy } from '../../contracts/password-shape';
import { auditPeople, changedFields } from './people-audit';

export async function readPasswordPolicy(db: Db | Tx): Promise<PasswordPolicy> {
  const [row] = await db.select({ minLength: passwordPolicy.minLength, reuseHistory: passwordPolicy.reuseHistory }).from(passwordPolicy).where(eq(passwordPolicy.id, 1)).limit(1);
  return row ?? defaultPasswordPolicy;
}

export async function savePasswordPolicy(tx: Tx, policy: PasswordPolicy, by: number, now: Date): Promise<PasswordPolicy> {
  const before = await readPasswordPolicy(tx);
  const values = { id: 1, minLength: policy.minLength, reuseHistory: policy.reuseHistory, updatedAt: now.toISOString(), updatedBy: by };
  await tx.insert(passwordPolicy).values(values).onConflictDoUpdate({ target: passwordPolicy.id, set: values });
  const changes = changedFields(before, policy, ['minLength', 'reuseHistory']);
  if (Object.keys(changes).length > 0) await auditPeople(tx, { by, now }, { policy: true }, 'password_policy.change', { changes });
  return policy;
}

/**
 * Whether the password is one of the user's last N (the current one
 * included). Each stored hash has its own salt, so each is checked with
 * scrypt: N is capped by policyBounds.
 */
export async function reusesRecentPassword(db: Db | Tx, userId: number, password: string, policy: PasswordPolicy): Promise<boolean> {
  if (policy.reuseHistory === 0) return false;
  const history = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(policy.reuseHistory);
  const [current] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  // Accounts older than the history (the demo's, a first start's) hold a password it never recorded.
  const recent = current !== undefined && history[0]?.hash !== current.hash ? [current, ...history].slice(0, policy.reuseHistory) : history;
  for (const { hash } of recent) if (await verifyPassword(password, hash)) return true;
  return false;
}

export const reuseIssue = (field = 'password'): FieldIssue => ({
  field,
  message: { zh: '不能使用最近用过的密码', en: 'This password was used recently; choose another' },
});

/** Records a hash the user now holds, for the reuse check. */
export async function rememberPassword(tx: Tx, userId: number, passwordHash: string, now: Date): Promise<void> {
  await tx.insert(passwordHistory).values({ userId, passwordHash, setAt: now.toISOString() });
}
