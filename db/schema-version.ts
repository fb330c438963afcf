import type { Client } from '@libsql/client';
import { readFileSync } from 'node:fs';
import type { Label } from '../engine/labels';
import { projectPath } from './project-path';
import { operatorLine } from './operator-line';

/** One migration this version of the code ships, as drizzle's journal lists it (`when` is what its migrator records as applied). */
export interface ShippedMigration {
  readonly when: number;
  readonly tag: string;
}

/** The migrations this version of the code has, oldest first. */
export function migrationsOfThisVersion(): readonly ShippedMigration[] {
  const journal = JSON.parse(readFileSync(projectPath('db/migrations/meta/_journal.json'), 'utf8')) as { entries: ShippedMigration[] };
  return journal.entries;
}

/** When each migration the database records was applied by, newest first: drizzle's `created_at`, none before its first migration. */
async function appliedMigrations(client: Client): Promise<number[]> {
  const { rows } = await client.execute("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'");
  if (rows.length === 0) return [];
  const applied = await client.execute('select created_at from __drizzle_migrations order by created_at desc');
  return applied.rows.map((row) => Number(row.created_at));
}

/** The migrations this version has that the database has not applied, by drizzle's rule: each newer than the newest it records. */
export async function unappliedMigrations(client: Client): Promise<ShippedMigration[]> {
  const newestApplied = (await appliedMigrations(client))[0] ?? -Infinity;
  return migrationsOfThisVersion().filter((migration) => migration.when > newestApplied);
}

/**
 * How many migrations the database records that are newer than every one
 * this version ships: a newer Battlemap upgraded it. Drizzle's migrator
 * would apply none of its own and say nothing, and this version would then
 * serve (and write) a schema it does not know.
 */
export async function newerMigrations(client: Client): Promise<number> {
  const newestShipped = migrationsOfThisVersion().at(-1)?.when ?? -Infinity;
  return (await appliedMigrations(client)).filter((applied) => applied > newestShipped).length;
}

/** "1 migration", "2 migrations". */
export const migrationCount = (n: number) => `${n} migration${n === 1 ? '' : 's'}`;

/** A database upgraded by a newer version of Battlemap, refused before anything is written to it; said in one line, Chinese then English. */
export class NewerDatabase extends Error {
  readonly reason: Label;

  constructor(
    readonly shownAs: string,
    readonly newer: number,
  ) {
    const reason = {
      zh: `数据库 ${shownAs} 已被更新版本的 Battlemap 升级（有 ${newer} 个此版本没有的迁移），未作任何改动。请运行那个更新的版本，或恢复升级之前做的备份`,
      en:
        `The database ${shownAs} was upgraded by a newer version of Battlemap (${migrationCount(newer)} this version does not have) and was left as it was. ` +
        'Run that newer version, or restore a backup made before the upgrade.',
    };
    super(operatorLine(reason));
    this.name = 'NewerDatabase';
    this.reason = reason;
  }
}
