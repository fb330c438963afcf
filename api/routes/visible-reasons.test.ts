import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaigns, problems } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import type { AttachedFileInfo } from '../contracts/attachments';
import type { BatchResult } from '../contracts/batch';
import type { ItemDetail } from '../contracts/items';

/**
 * A reason one can see (an attachment's removal, a rectification's measures, a forced phase advance): zero-width
 * characters alone are refused naming the field, in both languages, and nothing is stored, by the item's own route
 * and by a batch alike.
 */

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 40, problems: 12 });
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

/** Zero-width space, non-joiner and joiner, word joiner and the BOM, with a space: nothing one can see. */
const invisible = ' \u200b\u200c\u200d\u2060\ufeff ';
const saidInvisible = { zh: '不能只有看不见的字符', en: expect.stringContaining('not only invisible characters') };

type Problem = { fields: { field: string; message: { zh: string; en: string } }[] };
const entries = async () => (await database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

describe('a reason of invisible characters alone', () => {
  it('removes no file: the removal is refused naming the reason, and the file stays listed', async () => {
    const [problem] = await database.db.select({ id: problems.id }).from(problems).where(eq(problems.state, 'rectifying')).limit(1);
    if (problem === undefined) throw new Error('a problem in rectifying');
    const path = `/api/problems/${problem.id}/attachments`;
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await app.request(`${path}?name=screenshot.png`, { method: 'POST', headers: { cookie: office.cookie, 'content-type': 'image/png' }, body: png })).status).toBe(201);
    const [file] = (await (await office.get(path)).json()) as AttachedFileInfo[];
    const before = await entries();
    const refused = await office.send('POST', `${path}/${file?.id}/remove`, { reason: invisible });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).fields).toMatchObject([{ field: 'reason', message: saidInvisible }]);
    expect((await (await office.get(path)).json()) as AttachedFileInfo[]).toHaveLength(1);
    expect(await entries()).toBe(before);
  });

  it('rectifies no problem: the measures are refused by the problem\'s route and in a batch, and it stays in rectifying', async () => {
    const rows = await database.db.select({ id: problems.id, version: problems.version }).from(problems).where(eq(problems.state, 'rectifying')).limit(2);
    const [one, other] = rows;
    if (one === undefined || other === undefined) throw new Error('two problems in rectifying');
    const rectification = { measures: invisible, websitesShutDown: 1, accountsClosed: 2 };
    const before = await entries();

    const alone = await office.send('POST', `/api/problems/${one.id}/transitions`, { to: 'rectified', version: one.version, payload: { rectification } });
    expect(alone.status).toBe(422);
    expect(((await alone.json()) as Problem).fields).toMatchObject([{ field: 'payload.rectification.measures', message: saidInvisible }]);

    const together = await office.send('POST', '/api/campaigns/1/batch', { to: 'rectified', payload: { rectification }, items: [{ kind: 'problem', id: other.id, version: other.version }] });
    expect(together.status).toBe(200);
    const answer = (await together.json()) as BatchResult;
    expect(answer.changed).toEqual([]);
    expect(answer.refused).toMatchObject([{ id: other.id, status: 422, fields: [{ field: 'payload.rectification.measures', message: saidInvisible }] }]);

    for (const { id, version } of rows) {
      expect((await (await office.get(`/api/problems/${id}`)).json()) as ItemDetail).toMatchObject({ state: 'rectifying', version });
    }
    expect(await entries()).toBe(before);
  });

  it('advances no phase: the reason is refused naming it, and the campaign stays where it was', async () => {
    const [campaign] = await database.db.select({ state: campaigns.state, version: campaigns.version }).from(campaigns).where(eq(campaigns.id, 1));
    if (campaign === undefined) throw new Error('campaign 1');
    const refused = await office.send('POST', '/api/campaigns/1/advance', { version: campaign.version, reason: invisible });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).fields).toMatchObject([{ field: 'reason', message: saidInvisible }]);
    expect(await database.db.select({ state: campaigns.state, version: campaigns.version }).from(campaigns).where(eq(campaigns.id, 1))).toEqual([campaign]);
  });
});
