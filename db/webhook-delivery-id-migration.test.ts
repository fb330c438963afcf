import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrationsBefore } from '../test/support/migrations-before';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-delivery-ids-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const url = `file:${join(folder, 'battlemap.db')}`;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 0032 (each webhook delivery is named by a random id, and its last failure is timed)', () => {
  it('keeps every delivery, queued, delivered or failing, and gives each its own delivery id', async () => {
    const old = createClient({ url });
    await migrate(drizzle(old), { migrationsFolder: migrationsBefore(folder, 32) });
    const at = '2026-06-01T00:00:00.000Z';
    await old.batch([
      `insert into campaigns (id, code, name_zh, name_en, state, context, version, config, starts_on, ends_on, created_at)
       values (1, 'a', '专项甲', 'Campaign A', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '${at}')`,
      `insert into webhook_outbox (id, campaign_id, url, body, attempts, next_attempt_at, delivered_at, last_error)
       values (5, 1, 'http://hook/a', '{"n":1}', 1, '${at}', '${at}', null),
              (6, 1, 'http://hook/a', '{"n":2}', 3, '${at}', null, 'HTTP 503'),
              (7, 1, 'http://hook/a', '{"n":3}', 0, '${at}', null, null)`,
    ]);
    old.close();

    const database = await openDatabase(url);
    try {
      const rows = async (query: string) => (await database.client.execute(query)).rows.map((row) => Object.values(row));
      expect(await rows('select id, campaign_id, escalation_id, url, body, attempts, next_attempt_at, delivered_at, last_error, last_failed_at from webhook_outbox order by id')).toEqual([
        [5, 1, null, 'http://hook/a', '{"n":1}', 1, at, at, null, null],
        [6, 1, null, 'http://hook/a', '{"n":2}', 3, at, null, 'HTTP 503', null],
        [7, 1, null, 'http://hook/a', '{"n":3}', 0, at, null, null, null],
      ]);
      // A delivery queued now gets one too; and the ids keep counting on from the old rows'.
      await database.client.execute(`insert into webhook_outbox (campaign_id, url, body, next_attempt_at) values (1, 'http://hook/a', '{}', '${at}')`);
      const ids = (await rows('select id, delivery_id from webhook_outbox order by id')).map(([id, deliveryId]) => ({ id, deliveryId }));
      expect(ids.map((row) => row.id)).toEqual([5, 6, 7, 8]);
      expect(ids.every((row) => uuid.test(String(row.deliveryId)))).toBe(true);
      expect(new Set(ids.map((row) => row.deliveryId)).size).toBe(4);
    } finally {
      await database.close();
    }
  });
});
