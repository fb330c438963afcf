import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsBefore } from '../test/support/migrations-before';
import { openDatabase } from './client';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-maps-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const url = `file:${join(folder, 'battlemap.db')}`;

// A map as an office uploads it, with text that JSON would not write back the same way (spacing, key order).
const map = '{"type": "FeatureCollection", "features": [{"type":"Feature","id":"hantai","properties":{"name":"汉台区"},"geometry":{"type":"Point","coordinates":[107.03,33.07]}}]}';

describe('migration 0015 (the map leaves the campaign row)', () => {
  it('moves each campaign map into campaign_maps as it was stored, and a campaign without one gets no row', async () => {
    const old = createClient({ url });
    await migrate(drizzle(old), { migrationsFolder: migrationsBefore(folder, 15) });
    const at = '2026-01-01T00:00:00.000Z';
    await old.batch([
      `insert into campaigns (id, code, name_zh, name_en, state, context, version, config, map_geojson, webhook_url, starts_on, ends_on, created_at)
       values (1, 'with', '有地图', 'With a map', 'survey', '{}', 3, '{}', '${map}', 'https://bureau.example/hook', '2026-01-01', '2026-12-31', '${at}'),
              (2, 'without', '无地图', 'Without', 'planned', '{}', 1, '{}', null, null, '2027-01-01', '2027-12-31', '${at}')`,
    ]);
    old.close();

    const database = await openDatabase(url);
    try {
      const maps = await database.client.execute('select campaign_id, geojson from campaign_maps order by campaign_id');
      expect(maps.rows.map((row) => [row.campaign_id, row.geojson])).toEqual([[1, map]]);
      const columns = await database.client.execute('select name from pragma_table_info(\'campaigns\')');
      expect(columns.rows.map((row) => row.name)).not.toContain('map_geojson');
      // What stood beside the map is kept.
      const campaigns = await database.client.execute('select id, code, version, webhook_url from campaigns order by id');
      expect(campaigns.rows.map((row) => [row.id, row.code, row.version, row.webhook_url])).toEqual([
        [1, 'with', 3, 'https://bureau.example/hook'],
        [2, 'without', 1, null],
      ]);
    } finally {
      database.close();
    }
  });
});
