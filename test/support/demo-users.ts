import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';

/** A seeded user by username, with the name the answers show; a test naming one the seed lacks fails saying so. */
export async function userNamed(db: Db, username: string): Promise<{ id: number; name: string }> {
  const [row] = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.username, username));
  if (row === undefined) throw new Error(`no user ${username}`);
  return row;
}
