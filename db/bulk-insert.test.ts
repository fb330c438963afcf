import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../test/support/test-database';
import { insertRows } from './bulk-insert';
import { auditLog } from './schema';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ seed: false });
});
afterAll(() => database.drop());

/** Rows with every kind of value a bulk write carries: text that looks like SQL or JSON, other scripts, nulls, numbers. */
function entries(from: number, texts: readonly string[]) {
  return texts.map((text, i) => ({
    seq: from + i,
    at: '2026-06-15T02:00:00.000Z',
    actorId: i % 2 === 0 ? null : 7,
    campaignId: i % 3 === 0 ? null : 1,
    subject: 'clue' as const,
    subjectId: 1_000_000 + i,
    event: 'clue.create',
    fromState: null,
    toState: 'found',
    payload: text,
    version: i + 1,
    unitId: i % 2 === 0 ? 'hantai' : null,
    categoryId: i % 2 === 0 ? 3 : null,
    prevHash: `prev-${i}`,
    hash: `hash-${i}`,
  }));
}

const awkward = [
  "it's 'quoted'",
  'Robert\'); DROP TABLE audit_log;--',
  '{"looks":"like json","n":[1,2]}',
  '线索：涉网诈骗 “引号” \\ 反斜杠 \n 换行 \t 制表',
  '😀 emoji and \u0007 control',
  '',
  '123',
  'null',
];

describe('inserting many rows at once', () => {
  it('stores every value exactly as a row-by-row insert through drizzle does, in order', async () => {
    await database.write((tx) => insertRows(tx, auditLog, entries(1, awkward)));
    await database.write((tx) => tx.insert(auditLog).values(entries(101, awkward)));
    const read = async (from: number) =>
      (await database.db.select().from(auditLog).orderBy(asc(auditLog.seq))).filter((r) => r.seq >= from && r.seq < from + 100).map(({ seq, ...rest }) => ({ ...rest, offset: seq - from }));
    const bulk = await read(1);
    expect(bulk).toEqual(await read(101));
    expect(bulk.map((r) => r.payload)).toEqual(awkward);
    // Numbers stay numbers and text stays text: '123' is not turned into 123.
    expect(bulk.map((r) => typeof r.version)).toEqual(awkward.map(() => 'number'));
  });

  it('stores values many rows share (bound once) exactly as drizzle does, text that looks like a number still text', async () => {
    // 150 rows: enough for the values every row shares to be bound once instead of picked from each row.
    const many = (from: number) =>
      entries(from, Array.from({ length: 150 }, () => '123')).map((entry, i) => ({ ...entry, actorId: null, campaignId: 1, version: 1, unitId: i % 2 === 0 ? 'hantai' : 'jingzhen', categoryId: 3 }));
    await database.write((tx) => insertRows(tx, auditLog, many(1001)));
    await database.write((tx) => tx.insert(auditLog).values(many(2001)));
    const read = async (from: number) =>
      (await database.db.select().from(auditLog).orderBy(asc(auditLog.seq))).filter((r) => r.seq >= from && r.seq < from + 1000).map(({ seq, ...rest }) => ({ ...rest, offset: seq - from }));
    const bulk = await read(1001);
    expect(bulk).toHaveLength(150);
    expect(bulk).toEqual(await read(2001));
    const types = await database.client.execute('select distinct typeof(payload) p, typeof(version) v, typeof(actor_id) a, typeof(campaign_id) c from audit_log where seq between 1001 and 1150');
    expect(types.rows.map((r) => ({ ...r }))).toEqual([{ p: 'text', v: 'integer', a: 'null', c: 'integer' }]);
  });

  it('writes nothing when one row breaks a constraint', async () => {
    const before = (await database.db.select().from(auditLog)).length;
    const clash = [...entries(500, ['fresh']), ...entries(1, ['seq 1 exists already'])];
    await expect(database.write((tx) => insertRows(tx, auditLog, clash))).rejects.toThrow();
    expect((await database.db.select().from(auditLog)).length).toBe(before);
  });
});
