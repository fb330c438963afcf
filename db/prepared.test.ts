import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db, type Tx } from './client';
import { preparedOn } from './prepared';
import { units } from './schema';

let folder: string;
let database: Database;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'battlemap-prepared-'));
  database = await openDatabase(`file:${join(folder, 'prepared.db')}`);
});
afterAll(() => {
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

let builds = 0;
const unitName = preparedOn((tx: Db | Tx) => {
  builds += 1;
  return tx.select({ name: units.nameZh }).from(units).where(eq(units.id, sql.placeholder('id'))).prepare();
});
const addUnit = (tx: Tx, id: string) => tx.insert(units).values({ id, kind: 'county', nameZh: `单位 ${id}`, nameEn: `Unit ${id}` });

describe('a query prepared once', () => {
  it('is built once for the jobs committed together, and runs inside their transaction', async () => {
    builds = 0;
    // Queued in one turn: the write queue commits them in one transaction.
    const seen = await Promise.all(
      ['P1', 'P2', 'P3'].map((id) =>
        database.write(async (tx) => {
          await addUnit(tx, id);
          // Not yet committed: only a query run in this transaction sees it.
          return (await unitName(tx).all({ id }))[0]?.name;
        }),
      ),
    );
    expect(seen).toEqual(['单位 P1', '单位 P2', '单位 P3']);
    expect(builds).toBe(1);
  });

  it('is not built again for the next transaction, and runs inside that one', async () => {
    builds = 0;
    await database.write(async (tx) => {
      await addUnit(tx, 'P4');
      expect((await unitName(tx).all({ id: 'P4' }))[0]?.name).toBe('单位 P4');
    });
    // A query left pointing at the first transaction would fail (it has ended) or not see this one's row.
    await expect(
      database.write(async (tx) => {
        await addUnit(tx, 'P5');
        return (await unitName(tx).all({ id: 'P5' }))[0]?.name;
      }),
    ).resolves.toBe('单位 P5');
    expect(builds).toBe(0);
  });

  it('runs outside transactions on the database, and never in a transaction that was rolled back', async () => {
    const failed = database.write(async (tx) => {
      await addUnit(tx, 'P6');
      expect((await unitName(tx).all({ id: 'P6' }))[0]?.name).toBe('单位 P6');
      throw new Error('undone');
    });
    await expect(failed).rejects.toThrow('undone');
    expect(await unitName(database.db).all({ id: 'P6' })).toEqual([]);
    expect((await unitName(database.db).all({ id: 'P5' }))[0]?.name).toBe('单位 P5');
    // The rolled-back transaction's copy is not reused by the next one.
    await expect(database.write(async (tx) => (await unitName(tx).all({ id: 'P6' })).length)).resolves.toBe(0);
    expect(builds).toBe(0);
  });
});
