import { createClient } from '@libsql/client';
import { migrationsOfThisVersion } from '../../db/schema-version';

/**
 * Records in the migrated database at `path` a migration this code does not
 * ship, applied after its newest, as a newer version's migrator leaves it.
 * Answers the rows of `__drizzle_migrations`, to compare with after.
 */
export async function upgradeAsNewerVersion(path: string): Promise<Record<string, unknown>[]> {
  const client = createClient({ url: `file:${path}` });
  try {
    const newest = migrationsOfThisVersion().at(-1)?.when ?? 0;
    await client.execute({ sql: 'insert into __drizzle_migrations (hash, created_at) values (?, ?)', args: ['a migration of a newer version', newest + 86_400_000] });
    return await migrationsRecorded(path);
  } finally {
    client.close();
  }
}

/** The rows of `__drizzle_migrations` in the database at `path`. */
export async function migrationsRecorded(path: string): Promise<Record<string, unknown>[]> {
  const client = createClient({ url: `file:${path}` });
  try {
    return (await client.execute('select id, hash, created_at from __drizzle_migrations order by id')).rows.map((row) => ({ ...row }));
  } finally {
    client.close();
  }
}
