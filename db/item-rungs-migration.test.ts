import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkKeptFigures } from './audit/kept-figures';
import { openDatabase } from './client';
import { migrationsBefore } from '../test/support/migrations-before';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-rungs-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const url = `file:${join(folder, 'battlemap.db')}`;

/** The migrations as they stood before 0014, when each item kept its rung in its own row (escalated_level). */
const migrationsBefore0014 = () => migrationsBefore(folder, 14);

const rows = async (client: ReturnType<typeof createClient>, query: string) => (await client.execute(query)).rows.map((row) => Object.values(row));
const counts = 'select campaign_id, kind, state, unit_id, category_id, n, escalated from board_counts where n > 0 order by 1, 2, 3, 4, 5';

describe('migration 0014 (the rungs leave the item rows)', () => {
  it('moves each raised rung into the rungs tables, keeps the counts, and the triggers go on keeping both', async () => {
    const old = createClient({ url });
    await migrate(drizzle(old), { migrationsFolder: migrationsBefore0014() });
    const e1 = '2026-06-01T00:00:00.000Z';
    const e3 = '2026-05-01T00:00:00.000Z';
    await old.batch([
      `insert into units (id, kind, name_zh, name_en) values ('U1', 'station', '一所', 'Station 1'), ('U2', 'station', '二所', 'Station 2')`,
      `insert into campaigns (id, code, name_zh, name_en, state, context, version, config, starts_on, ends_on, created_at)
       values (1, 'c', '专项', 'Campaign', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '${e3}')`,
      `insert into categories (id, campaign_id, code, name_zh, name_en) values (1, 1, 'fraud', '诈骗', 'Fraud')`,
      // Clue 1 overdue (rungs 1 and 2 raised in its state), clue 2 beside it not escalated, clue 3 long overdue in another unit.
      `insert into clues (id, campaign_id, state, version, unit_id, category_id, title, found_at, entered_at, due_at, context, updated_at, escalated_level)
       values (1, 1, 'found', 1, 'U1', 1, 'a', '${e1}', '${e1}', '2026-06-04T00:00:00.000Z', '{}', '${e1}', 2),
              (2, 1, 'found', 1, 'U1', 1, 'b', '${e1}', '${e1}', '2026-06-30T00:00:00.000Z', '{}', '${e1}', 0),
              (3, 1, 'verifying', 1, 'U2', null, 'c', '${e3}', '${e3}', '2026-05-04T00:00:00.000Z', '{}', '${e3}', 3)`,
      `insert into problems (id, campaign_id, state, version, unit_id, category_id, title, found_at, entered_at, due_at, context, updated_at, escalated_level)
       values (1, 1, 'open', 1, 'U2', null, 'p', '${e1}', '${e1}', '2026-06-10T00:00:00.000Z', '{}', '${e1}', 1)`,
      `insert into escalations (campaign_id, subject, subject_id, entered_at, state, level, recipient, unit_id, due_at, raised_at, status)
       values (1, 'clue', 1, '${e1}', 'found', 1, 'assignee', 'U1', '2026-06-04T00:00:00.000Z', '2026-06-03T00:00:00.000Z', 'resolved'),
              (1, 'clue', 1, '${e1}', 'found', 2, 'unitLead', 'U1', '2026-06-04T00:00:00.000Z', '2026-06-04T00:00:00.000Z', 'open'),
              (1, 'clue', 3, '${e3}', 'verifying', 3, 'office', 'U2', '2026-05-04T00:00:00.000Z', '2026-05-11T00:00:00.000Z', 'acknowledged'),
              (1, 'problem', 1, '${e1}', 'open', 1, 'unitLead', 'U2', '2026-06-10T00:00:00.000Z', '2026-06-09T00:00:00.000Z', 'open')`,
    ]);
    const before = await rows(old, counts);
    expect(before).toEqual([
      [1, 'clue', 'found', 'U1', 1, 2, 1],
      [1, 'clue', 'verifying', 'U2', null, 1, 1],
      [1, 'problem', 'open', 'U2', null, 1, 1],
    ]);
    old.close();

    const database = await openDatabase(url);
    try {
      const { client } = database;
      expect(await rows(client, 'select item_id, level from clue_rungs order by 1')).toEqual([
        [1, 2],
        [3, 3],
      ]);
      expect(await rows(client, 'select item_id, level from problem_rungs')).toEqual([[1, 1]]);
      expect(await rows(client, counts)).toEqual(before);
      expect((await rows(client, 'select name from pragma_table_info(\'clues\')')).flat()).not.toContain('escalated_level');
      expect(await checkKeptFigures(database.db)).toEqual([]);

      // Clue 1 enters another state: its rung goes, and it leaves the escalated count where it stood.
      await client.execute(`update clues set state = 'verifying', entered_at = '2026-06-05T00:00:00.000Z', due_at = '2026-06-20T00:00:00.000Z' where id = 1`);
      // Clue 3 is handed to unit U1 in the state it is in: its rung stays and counts where it now stands.
      await client.execute(`update clues set unit_id = 'U1' where id = 3`);
      expect(await rows(client, 'select item_id, level from clue_rungs order by 1')).toEqual([[3, 3]]);
      expect(await rows(client, counts)).toEqual([
        [1, 'clue', 'found', 'U1', 1, 1, 0],
        [1, 'clue', 'verifying', 'U1', null, 1, 1],
        [1, 'clue', 'verifying', 'U1', 1, 1, 0],
        [1, 'problem', 'open', 'U2', null, 1, 1],
      ]);
      // Deleting an item deletes its rung and its count.
      await client.execute('delete from problems where id = 1');
      expect(await rows(client, 'select count(*) from problem_rungs')).toEqual([[0]]);
      expect(await checkKeptFigures(database.db)).toEqual([]);
    } finally {
      database.close();
    }
  });
});
