import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrationsBefore } from '../test/support/migrations-before';

const folder = mkdtempSync(join(tmpdir(), 'battlemap-identifier-rescans-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const url = `file:${join(folder, 'battlemap.db')}`;
const landlineUrl = `file:${join(folder, 'landlines.db')}`;

const at = '2026-06-01T00:00:00.000Z';
/** A clue row as the code before 0030 stored it, its text in its context. */
const clue = (id: number, campaignId: number, title: string, description: string) =>
  `(${id}, ${campaignId}, 'found', 1, 'U1', '${title}', '${at}', '${at}', '${JSON.stringify({ campaignId, title, description })}', '${at}')`;

describe('migration 0030 (the identifiers stored are found again)', () => {
  it('replaces the identifiers the old extraction stored with those each clue’s text holds', async () => {
    const old = createClient({ url });
    await migrate(drizzle(old), { migrationsFolder: migrationsBefore(folder, 30) });
    await old.batch([
      `insert into units (id, kind, name_zh, name_en) values ('U1', 'station', '一所', 'Station 1')`,
      `insert into campaigns (id, code, name_zh, name_en, state, context, version, config, starts_on, ends_on, created_at)
       values (1, 'c', '专项', 'Campaign', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '${at}'),
              (2, 'd', '专项二', 'Campaign 2', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '${at}')`,
      `insert into clues (id, campaign_id, state, version, unit_id, title, found_at, entered_at, context, updated_at)
       values ${clue(1, 1, '刷单返利', '收款卡号6217000011112222333，QQ：3794637070')},
              ${clue(2, 1, 'Fake tips', 'Promoted in WeChat groups and QQ chats')},
              ${clue(3, 2, '网贷催收', '催收电话 139-2233-4455')},
              ${clue(4, 2, '无号码', '只有文字')}`,
      // What the extraction before 0030 stored for them.
      `insert into clue_identifiers (clue_id, campaign_id, kind, value)
       values (1, 1, 'phone', '17000011112'), (1, 1, 'bankAccount', '6217000011112222333'), (1, 1, 'account', 'qq:3794637070'),
              (2, 1, 'account', 'wechat:groups'), (2, 1, 'account', 'qq:chats'),
              (3, 2, 'phone', '13922334455')`,
    ]);
    old.close();

    const database = await openDatabase(url);
    try {
      const rows = async (query: string) => (await database.client.execute(query)).rows.map((row) => Object.values(row));
      expect(await rows('select clue_id, campaign_id, kind, value from clue_identifiers order by 1, 3, 4')).toEqual([
        [1, 1, 'account', 'qq:3794637070'],
        [1, 1, 'bankAccount', '6217000011112222333'],
        [3, 2, 'phone', '13922334455'],
      ]);
      // Found again once: the next start has nothing left to do.
      expect(await rows('select count(*) from identifier_rescans')).toEqual([[0]]);
    } finally {
      await database.close();
    }
  });
});

describe('migration 0034 (landlines are identifiers)', () => {
  it('finds the landlines in the text of clues stored before, so the search and the duplicate check find them', async () => {
    const old = createClient({ url: landlineUrl });
    await migrate(drizzle(old), { migrationsFolder: migrationsBefore(folder, 34) });
    await old.batch([
      `insert into units (id, kind, name_zh, name_en) values ('U1', 'station', '一所', 'Station 1')`,
      `insert into campaigns (id, code, name_zh, name_en, state, context, version, config, starts_on, ends_on, created_at)
       values (1, 'c', '专项', 'Campaign', 'crackdown', '{}', 1, '{}', '2026-01-01', '2026-12-31', '${at}')`,
      `insert into clues (id, campaign_id, state, version, unit_id, title, found_at, entered_at, context, updated_at)
       values ${clue(1, 1, '冒充客服', '来电显示 0916-2621234，另留手机 13922334455')},
              ${clue(2, 1, '虚假投资', '无号码')}`,
      // What the extraction before 0034 stored: the mobile alone.
      `insert into clue_identifiers (clue_id, campaign_id, kind, value) values (1, 1, 'phone', '13922334455')`,
    ]);
    old.close();

    const database = await openDatabase(landlineUrl);
    try {
      const rows = async (query: string) => (await database.client.execute(query)).rows.map((row) => Object.values(row));
      expect(await rows('select clue_id, kind, value from clue_identifiers order by 1, 2')).toEqual([
        [1, 'landline', '0916-2621234'],
        [1, 'phone', '13922334455'],
      ]);
      expect(await rows('select count(*) from identifier_rescans')).toEqual([[0]]);
    } finally {
      await database.close();
    }
  });
});
