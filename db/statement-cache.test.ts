import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client';
import { statementCacheStats } from './statement-cache';

let folder: string;
let database: Database;
let other: Client;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-statements-'));
  database = await openDatabase(`file:${join(folder, 'cache.db')}`);
  // A second connection, as another process would have.
  other = createClient({ url: `file:${join(folder, 'cache.db')}` });
  await database.client.execute('create table notes (id integer primary key, body text not null unique)');
});
afterAll(() => {
  other.close();
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

const bodies = async () => (await database.client.execute({ sql: 'select body from notes where id > ? order by id', args: [0] })).rows.map((r) => r.body);

describe('prepared statements kept for reuse', () => {
  it('are reused when the same SQL runs again', async () => {
    await bodies();
    const before = { ...statementCacheStats };
    await bodies();
    await bodies();
    expect(statementCacheStats.reused - before.reused).toBeGreaterThanOrEqual(2);
    expect(statementCacheStats.prepared - before.prepared).toBe(0);
  });

  it('see what another connection committed since their last use', async () => {
    expect(await bodies()).toEqual([]);
    await other.execute({ sql: 'insert into notes (body) values (?)', args: ['from another process'] });
    expect(await bodies()).toEqual(['from another process']);
  });

  it('work again after they failed, and inside a transaction that was rolled back', async () => {
    const insert = (body: string) => database.client.execute({ sql: 'insert into notes (body) values (?)', args: [body] });
    await insert('一');
    await expect(insert('一')).rejects.toThrow(/UNIQUE/);
    await insert('二');
    await expect(
      database.write(async (tx) => {
        await tx.run('insert into notes (body) values (\'三\')');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await bodies()).toEqual(['from another process', '一', '二']);
  });

  it('follow a change of the schema made by another connection after they were prepared', async () => {
    const named = async () => (await database.client.execute('select id, body from notes order by id limit 1')).rows[0];
    const all = async () => (await database.client.execute('select * from notes order by id limit 1')).columns;
    expect(await named()).toMatchObject({ id: 1, body: 'from another process' });
    expect(await all()).toEqual(['id', 'body']);
    await other.execute("alter table notes add column colour text not null default 'red'");
    expect(await named()).toMatchObject({ id: 1, body: 'from another process' });
    // A star's columns change with the table: such a statement is prepared anew, and answers under the new names at once.
    expect(await all()).toEqual(['id', 'body', 'colour']);
    expect((await database.client.execute('select colour from notes limit 1')).rows[0]?.colour).toBe('red');
  });

  it('answer their modes and columns from memory after the first run, with every run still correct', async () => {
    const insert = (body: string) => database.client.execute({ sql: 'insert into notes (body) values (?) returning id, body', args: [body] });
    const write = (body: string) => database.client.execute({ sql: 'insert into notes (body) values (?)', args: [body] });
    const first = await insert('甲');
    await write('乙');
    const asked = statementCacheStats.askedDriver;
    const again = await insert('丙');
    // A write that returns no rows: the driver's "no rows" is remembered, not asked again.
    const plain = await write('丁');
    await expect(write('丁')).rejects.toThrow(/UNIQUE/);
    const after = await write('戊');
    expect(statementCacheStats.askedDriver - asked).toBe(0);
    expect(again.columns).toEqual(['id', 'body']);
    expect(again.rows[0]).toMatchObject({ id: Number(first.rows[0]?.id) + 2, body: '丙' });
    expect(plain.rows).toEqual([]);
    expect(plain.rowsAffected).toBe(1);
    // The failed insert took no id.
    expect(Number(after.lastInsertRowid)).toBe(Number(plain.lastInsertRowid) + 1);
    expect((await database.client.execute({ sql: 'select body from notes where body in (?, ?, ?, ?, ?) order by id', args: ['甲', '乙', '丙', '丁', '戊'] })).rows.map((r) => r.body)).toEqual(['甲', '乙', '丙', '丁', '戊']);
  });

  it('stay bounded: thousands of different statements keep at most the capacity, and still answer', async () => {
    for (let i = 0; i < 2_000; i += 1) {
      const { rows } = await database.client.execute(`select ${i} as n`);
      expect(rows[0]?.n).toBe(i);
    }
    // The first of them was evicted long ago: running it again prepares it anew.
    const before = statementCacheStats.prepared;
    await database.client.execute('select 0 as n');
    expect(statementCacheStats.prepared - before).toBe(1);
  });
});
