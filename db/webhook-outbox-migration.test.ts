import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrationsBefore } from '../test/support/migrations-before';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-outbox-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const url = `file:${join(folder, 'battlemap.db')}`;

describe('migration 0028 (the webhook outbox holds a campaign, and deliveries of no escalation)', () => {
  it('keeps every delivery queued, delivered or failing, with its escalation’s campaign', async () => {
    const old = createClient({ url });
    await migrate(drizzle(old), { migrationsFolder: migrationsBefore(folder, 28) });
    const at = '2026-06-01T00:00:00.000Z';
    await old.batch([
      `insert into units (id, kind, name_zh, name_en) values ('U1', 'station', '一所', 'Station 1')`,
      `insert into campaigns (id, code, name_zh, name_en, state, context, version, config, starts_on, ends_on, created_at)
       values (1, 'a', '专项甲', 'Campaign A', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '${at}'),
              (2, 'b', '专项乙', 'Campaign B', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '${at}')`,
      `insert into escalations (id, campaign_id, subject, subject_id, entered_at, state, level, recipient, unit_id, due_at, raised_at, status)
       values (10, 1, 'clue', 1, '${at}', 'verifying', 2, 'unitLead', 'U1', '${at}', '${at}', 'open'),
              (11, 2, 'clue', 2, '${at}', 'verifying', 3, 'office', null, '${at}', '${at}', 'open')`,
      `insert into webhook_outbox (id, escalation_id, url, body, attempts, next_attempt_at, delivered_at, last_error)
       values (5, 10, 'http://hook/a', '{"n":1}', 1, '${at}', '${at}', null),
              (6, 11, 'http://hook/b', '{"n":2}', 3, '${at}', null, '503')`,
    ]);
    old.close();

    const database = await openDatabase(url);
    try {
      const rows = async (query: string) => (await database.client.execute(query)).rows.map((row) => Object.values(row));
      expect(await rows('select id, campaign_id, escalation_id, url, body, attempts, delivered_at, last_error from webhook_outbox order by id')).toEqual([
        [5, 1, 10, 'http://hook/a', '{"n":1}', 1, at, null],
        [6, 2, 11, 'http://hook/b', '{"n":2}', 3, null, '503'],
      ]);
      // A delivery of no escalation (a request for more time) may now be queued.
      await database.client.execute(`insert into webhook_outbox (campaign_id, url, body, next_attempt_at) values (1, 'http://hook/a', '{}', '${at}')`);
      expect(await rows('select count(*) from webhook_outbox where escalation_id is null')).toEqual([[1]]);
    } finally {
      await database.close();
    }
  });
});
