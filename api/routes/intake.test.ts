import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { signIn, testApp, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { duplicatesAnswer } from '../contracts/intake';
import type { z } from 'zod';

type Duplicates = z.infer<typeof duplicatesAnswer>;

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 40, problems: 2 });
  app = testApp(database);
});
afterAll(() => database.drop());

describe('duplicate detection and merge', () => {
  it('finds the same lead arriving through two units, however its identifiers are written, and merges it', async () => {
    const hantai = await signIn(app, 'hantai.lead');
    const nanzheng = await signIn(app, 'nanzheng.lead');
    const first = (await (
      await hantai.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '“快贷”App暴力催收', description: '催收电话 138-1234-5678，网址 https://www.KuaiDai.cn/app/', source: 'platform110' })
    ).json()) as { id: number; version: number };

    const check = await nanzheng.send('POST', '/api/campaigns/1/duplicates', { text: '群众举报：+86 138 1234 5678 自称快贷客服，kuaidai.cn' });
    expect(check.status).toBe(200);
    const found = (await check.json()) as Duplicates;
    expect(duplicatesAnswer.safeParse(found).success).toBe(true);
    expect(found.matches.map((m) => m.clueId)).toEqual([first.id]);
    // Another unit's clue: the lead learns which unit holds it, not what it says.
    expect(found.matches[0]).toMatchObject({ unitId: 'hantai', title: null });
    expect(found.matches[0]?.matched.map((i) => i.kind).sort()).toEqual(['domain', 'phone']);

    const second = (await (
      await nanzheng.send('POST', '/api/clues', { campaignId: 1, unitId: 'nanzheng', title: '快贷客服诈骗', description: '电话＋８６ １３８１２３４５６７８', source: 'platform12337' })
    ).json()) as { id: number; version: number };
    const office = await signIn(app, 'office');
    const dup = (await (await office.get(`/api/clues/${second.id}/duplicates`)).json()) as Duplicates;
    expect(dup.matches).toMatchObject([{ clueId: first.id, title: '“快贷”App暴力催收' }]);

    // Across units, only the office merges; the duplicate goes to merged, the survivor records where it came from.
    expect((await nanzheng.send('POST', `/api/clues/${second.id}/transitions`, { to: 'merged', version: second.version, payload: { targetId: first.id } })).status).toBe(403);
    const merged = await office.send('POST', `/api/clues/${second.id}/transitions`, { to: 'merged', version: second.version, payload: { targetId: first.id } });
    expect(merged.status).toBe(200);
    const survivor = (await (await office.get(`/api/clues/${first.id}`)).json()) as { context: { absorbed: number[] } };
    expect(survivor.context.absorbed).toEqual([second.id]);
    const history = (await (await office.get(`/api/clues/${first.id}/history`)).json()) as { event: string; payload: { sourceId?: number } }[];
    expect(history.at(-1)).toMatchObject({ event: 'clue.absorb', payload: { sourceId: second.id } });
    // A merged clue is no longer offered as a duplicate.
    const after = (await (await office.send('POST', '/api/campaigns/1/duplicates', { text: '13812345678' })).json()) as Duplicates;
    expect(after.matches.map((m) => m.clueId)).toEqual([first.id]);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
