import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, testNow } from '../../test/support/test-database';
import { auditLog } from '../schema';
import { appendAudit, JsonText, type AuditInput } from './append';
import { verifyAudit } from './verify';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ seed: false });
});
afterAll(() => database.drop());

const entry = (payload: unknown): AuditInput => ({
  at: testNow.toISOString(),
  actorId: null,
  campaignId: null,
  subject: 'unit',
  subjectId: 0,
  event: 'unit.note',
  fromState: null,
  toState: null,
  payload,
  version: 1,
});

describe('an audit payload', () => {
  it('given as JsonText is stored and hashed as that very text, and the chain still verifies', async () => {
    // Spacing and key order JSON.stringify would not give: kept byte for byte.
    const text = '{ "list" : [3, 1,2], "b":null,"a":"汉台" }';
    const [raw] = await database.write((tx) => appendAudit(tx, entry(new JsonText(text))));
    const [object] = await database.write((tx) => appendAudit(tx, entry({ list: [3, 1, 2] })));
    const stored = async (seq: number | undefined) => (await database.db.select({ payload: auditLog.payload }).from(auditLog).where(eq(auditLog.seq, seq ?? -1)))[0]?.payload;
    expect(await stored(raw?.seq)).toBe(text);
    expect(await stored(object?.seq)).toBe('{"list":[3,1,2]}');
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true, entries: 2 });
  });
});

describe('the verification', () => {
  it('reports a chained entry whose payload is not JSON by its sequence number, instead of stopping on the parse error', async () => {
    const [bad] = await database.write((tx) => appendAudit(tx, entry(new JsonText('{"list": [1, 2'))));
    expect(await verifyAudit(database.db)).toEqual({ ok: false, logIntact: false, seq: bad?.seq, subject: 'unit', subjectId: 0, reason: { zh: '内容不是 JSON', en: 'the payload is not JSON' } });
  });
});
