import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrationsBefore } from '../test/support/migrations-before';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-last-note-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const url = `file:${join(folder, 'battlemap.db')}`;

describe('migration 0016 (the last note time gets a column)', () => {
  it('copies each noted item’s last note time from its context, and leaves the others without one', async () => {
    const old = createClient({ url });
    await migrate(drizzle(old), { migrationsFolder: migrationsBefore(folder, 16) });
    const at = '2026-06-01T00:00:00.000Z';
    const noted = '2026-06-10T08:30:00.000Z';
    await old.batch([
      `insert into units (id, kind, name_zh, name_en) values ('U1', 'station', '一所', 'Station 1')`,
      `insert into campaigns (id, code, name_zh, name_en, state, context, version, config, starts_on, ends_on, created_at)
       values (1, 'c', '专项', 'Campaign', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '${at}')`,
      `insert into clues (id, campaign_id, state, version, unit_id, title, found_at, entered_at, context, updated_at)
       values (1, 1, 'verifying', 3, 'U1', 'a', '${at}', '${at}', '{"lastNoteAt":"${noted}"}', '${at}'),
              (2, 1, 'verifying', 1, 'U1', 'b', '${at}', '${at}', '{}', '${at}')`,
      `insert into problems (id, campaign_id, state, version, unit_id, title, found_at, entered_at, context, updated_at)
       values (1, 1, 'rectifying', 2, 'U1', 'p', '${at}', '${at}', '{"lastNoteAt":"${noted}"}', '${at}')`,
    ]);
    old.close();

    const database = await openDatabase(url);
    try {
      const rows = async (query: string) => (await database.client.execute(query)).rows.map((row) => Object.values(row));
      expect(await rows('select id, last_note_at from clues order by id')).toEqual([
        [1, noted],
        [2, null],
      ]);
      expect(await rows('select id, last_note_at from problems')).toEqual([[1, noted]]);
    } finally {
      await database.close();
    }
  });
});
