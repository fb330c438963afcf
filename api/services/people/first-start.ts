import { count, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { Label } from '../../../engine/labels';
import { units, users } from '../../../db/schema';
import { hashPassword } from '../../auth/password';
import { passwordShapeIssues } from '../../contracts/password-shape';
import { readPasswordPolicy, rememberPassword } from './password-policy';
import { auditPeople } from './people-audit';

/** The one unit and account a production database starts with; the administrator builds the rest. */
export const firstUnit = { id: 'office', nameZh: '专项办', nameEn: 'Campaign office' } as const;
export const firstAdmin = 'admin';

export async function hasUsers(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

/** Why a first administrator password is refused, in both languages; null when it is good. */
export async function adminPasswordProblem(database: Database, password: string): Promise<Label | null> {
  const issues = passwordShapeIssues(password, await readPasswordPolicy(database.db));
  if (issues.length === 0) return null;
  return { zh: issues.map((i) => i.message.zh).join('；'), en: issues.map((i) => i.message.en).join('; ') };
}

/**
 * A first start without demo data: the campaign office as the root unit
 * (unless one exists already) and the administrator `admin` with the
 * password given, who need not change it (they chose it themselves).
 */
export async function createFirstAdmin(database: Database, password: string, now: Date): Promise<void> {
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  await database.write(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(units);
    if ((existing?.n ?? 0) === 0) await tx.insert(units).values({ ...firstUnit, parentId: null, kind: 'office', createdAt: at });
    const [root] = await tx.select({ id: units.id }).from(units).where(isNull(units.parentId)).limit(1);
    const [admin] = await tx
      .insert(users)
      .values({ username: firstAdmin, displayName: '系统管理员', role: 'admin', unitId: root?.id ?? firstUnit.id, passwordHash, mustChangePassword: false, createdAt: at })
      .returning({ id: users.id });
    if (admin === undefined) throw new Error('administrator not created');
    await rememberPassword(tx, admin.id, passwordHash, now);
    await auditPeople(tx, { by: null, now }, { user: admin.id }, 'user.create', { username: firstAdmin, role: 'admin', firstStart: true });
  });
}
