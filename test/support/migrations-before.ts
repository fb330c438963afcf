import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../db/project-path';

/**
 * A copy of the project's migrations, in `folder`, with the journal cut
 * before migration `index`: a database migrated with it is one written by
 * the code before that migration, for a test of what the migration does to
 * such a database. Returns the copy's folder, for drizzle's migrator.
 */
export function migrationsBefore(folder: string, index: number): string {
  const copy = join(folder, `migrations-before-${index}`);
  cpSync(projectPath('db/migrations'), copy, { recursive: true });
  const journalPath = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx < index) }));
  return copy;
}
