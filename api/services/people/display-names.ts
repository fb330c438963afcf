import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { users } from '../../../db/schema';

/** The display names of the people with these ids (repeats and nulls allowed), in one read; an unknown id is left out. */
export async function displayNamesOf(db: Db | Tx, ids: Iterable<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted))).map((u) => [u.id, u.name]));
}
