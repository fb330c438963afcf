import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { signIn, testApp, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { caseNumberHolders, clueParts, duplicatesAnswer } from '../contracts/intake';
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

  it('answers 404 for a campaign that is not there, as every campaign route does, not "no duplicates"', async () => {
    const office = await signIn(app, 'office');
    expect((await office.send('POST', '/api/campaigns/999/duplicates', { text: '13812345678' })).status).toBe(404);
  });

  it('finds a person named in two reports with the same masked phone, and not a common name alone', async () => {
    const office = await signIn(app, 'office');
    const first = (await (await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'xixiang', title: '网络赌博代理', description: '嫌疑人周某某，收款人：周建国，手机 139****8888', source: 'other' })).json()) as { id: number };
    const same = (await (await office.send('POST', '/api/campaigns/1/duplicates', { text: '机主：周建国，电话139＊＊＊＊8888，疑为赌博代理' })).json()) as Duplicates;
    expect(same.matches.map((m) => m.clueId)).toEqual([first.id]);
    expect(same.matches[0]?.matched).toEqual([{ kind: 'nameWith', value: '周建国|139****8888' }]);
    const nameOnly = (await (await office.send('POST', '/api/campaigns/1/duplicates', { text: '收款人：周建国，手机 139****0000' })).json()) as Duplicates;
    expect(nameOnly.matches).toEqual([]);
  });

  it('takes neither the word after "WeChat" nor digits inside a bank card for an identifier two clues share', async () => {
    const office = await signIn(app, 'office');
    const first = (await (
      await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'mianxian', title: 'Fake investment tips', description: 'Promoted in WeChat groups and QQ chats; paid to card 6217000011112222333', source: 'other' })
    ).json()) as { id: number };
    const unrelated = (await (await office.send('POST', '/api/campaigns/1/duplicates', { text: 'Gambling ads in WeChat groups, QQ chats; call 17000011112' })).json()) as Duplicates;
    expect(unrelated.identifiers).toEqual([{ kind: 'phone', value: '17000011112' }]);
    expect(unrelated.matches).toEqual([]);
    const sameCard = (await (await office.send('POST', '/api/campaigns/1/duplicates', { text: '收款卡号 6217 0000 1111 2222 333' })).json()) as Duplicates;
    expect(sameCard.matches.map((m) => m.clueId)).toEqual([first.id]);
    expect(sameCard.matches[0]?.matched).toEqual([{ kind: 'bankAccount', value: '6217000011112222333' }]);
  });

  it('shows on the survivor where each merged part came from and which unit found the lead first, through merges of merges', async () => {
    const office = await signIn(app, 'office');
    const file = ['编号,标题,内容,单位,发现时间', 'P-S,汉台：跑分团伙,银行卡 6222 0212 3456 7890 123,汉台分局,2026-03-10', 'P-1,南郑：跑分团伙,,南郑分局,2026-03-02 09:00', 'P-2,城固：跑分团伙,,城固县公安局,2026-03-05'];
    const imported = await office.send('POST', '/api/campaigns/1/imports?commit=true', file.join('\n'), { 'content-type': 'text/csv' });
    expect(imported.status).toBe(200);
    const ids = new Map<string, { id: number; version: number }>();
    for (const title of ['汉台：跑分团伙', '南郑：跑分团伙', '城固：跑分团伙']) {
      const board = (await (await office.get(`/api/campaigns/1/board?kind=clue&q=${encodeURIComponent(title)}`)).json()) as { columns: { cards: { id: number; version: number; title: string }[] }[] };
      const card = board.columns.flatMap((c) => c.cards).find((c) => c.title === title);
      if (card === undefined) throw new Error(`no card ${title}`);
      ids.set(title, card);
    }
    const [survivor, nanzheng, chenggu] = ['汉台：跑分团伙', '南郑：跑分团伙', '城固：跑分团伙'].map((t) => ids.get(t)!);
    // Chenggu's clue goes into Nanzheng's first, then Nanzheng's into Hantai's.
    expect((await office.send('POST', `/api/clues/${chenggu!.id}/transitions`, { to: 'merged', version: chenggu!.version, payload: { targetId: nanzheng!.id } })).status).toBe(200);
    const nanzhengNow = (await (await office.get(`/api/clues/${nanzheng!.id}`)).json()) as { version: number };
    expect((await office.send('POST', `/api/clues/${nanzheng!.id}/transitions`, { to: 'merged', version: nanzhengNow.version, payload: { targetId: survivor!.id } })).status).toBe(200);

    const answer = await office.get(`/api/clues/${survivor!.id}/parts`);
    expect(answer.status).toBe(200);
    const parts = (await answer.json()) as z.infer<typeof clueParts>;
    expect(clueParts.safeParse(parts).success).toBe(true);
    expect(parts.firstFound).toMatchObject({ clueId: nanzheng!.id, unitId: 'nanzheng', foundAt: '2026-03-02T01:00:00.000Z' });
    expect(parts.parts.map((p) => [p.clueId, p.unitId, p.mergedInto])).toEqual([
      [nanzheng!.id, 'nanzheng', survivor!.id],
      [chenggu!.id, 'chenggu', nanzheng!.id],
      [survivor!.id, 'hantai', null],
    ]);
    expect(parts.parts.filter((p) => p.mergedInto !== null).every((p) => p.mergedAt !== null)).toBe(true);

    // Hantai's lead sees which units found the parts and when, not what the other units' clues say.
    const hantai = await signIn(app, 'hantai.lead');
    const seen = (await (await hantai.get(`/api/clues/${survivor!.id}/parts`)).json()) as z.infer<typeof clueParts>;
    expect(seen.parts.map((p) => p.title)).toEqual([null, null, '汉台：跑分团伙']);
    // Outside one's scope the survivor itself is not found.
    const nanzhengLead = await signIn(app, 'nanzheng.lead');
    expect((await nanzhengLead.get(`/api/clues/${survivor!.id}/parts`)).status).toBe(404);
  });

  it('warns, before a clue is filed, of the other clues filed under its case number, naming only what the asker may see', async () => {
    const office = await signIn(app, 'office');
    const officerOf = async (unit: string) => ((await (await office.get(`/api/users?unit=${unit}`)).json()) as { id: number; role: string }[]).find((u) => u.role === 'officer')?.id;
    const move = async (clue: { id: number; version: number }, to: string, payload?: Record<string, unknown>) => {
      const moved = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to, version: clue.version, ...(payload !== undefined && { payload }) });
      expect(moved.status, to).toBe(200);
      return (await moved.json()) as { id: number; version: number };
    };
    const verifying = async (unit: string, title: string) => {
      const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: unit, assigneeId: await officerOf(unit), title, description: '群众举报', source: 'platform110' });
      expect(created.status).toBe(201);
      return move((await created.json()) as { id: number; version: number }, 'verifying');
    };
    const holdersFor = async (session: typeof office, clueId: number, caseNumber: string) => {
      const answer = await session.get(`/api/clues/${clueId}/case-number-holders?caseNumber=${encodeURIComponent(caseNumber)}`);
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as z.infer<typeof caseNumberHolders>;
      expect(caseNumberHolders.safeParse(body).success).toBe(true);
      return body;
    };

    const first = await move(await verifying('hantai', '境外赌博网站推广'), 'filed', { caseNumber: 'A6107020260001', conclusion: '经核查属实' });
    const second = await verifying('nanzheng', '同一赌博网站的代理');
    const nanzheng = await signIn(app, 'nanzheng.lead');
    // Typed with spaces around it, as the engine will trim it; another unit's clue is named by number and unit only.
    expect(await holdersFor(nanzheng, second.id, ' A6107020260001 ')).toEqual({ caseNumber: 'A6107020260001', holders: [{ clueId: first.id, unitId: 'hantai', state: 'filed', title: null }] });
    expect((await holdersFor(office, second.id, 'A6107020260001')).holders).toEqual([{ clueId: first.id, unitId: 'hantai', state: 'filed', title: '境外赌博网站推广' }]);
    // Typed in lower case, or in full width as a Chinese input method types it: the number the engine stores.
    for (const typed of ['a6107020260001', 'Ａ6107020260001', 'ａ６１０７０２０２６０００１']) expect((await holdersFor(office, second.id, typed)).holders.map((h) => h.clueId), typed).toEqual([first.id]);
    // Not itself, and not a number nobody holds.
    expect((await holdersFor(office, first.id, 'A6107020260001')).holders).toEqual([]);
    expect((await holdersFor(office, second.id, 'A6107020260002')).holders).toEqual([]);

    // A warning, not a refusal: one case may cover both; after that each names the other.
    await move(second, 'filed', { caseNumber: 'A6107020260001', conclusion: '与 #' + String(first.id) + ' 同案' });
    expect((await holdersFor(office, first.id, 'A6107020260001')).holders.map((h) => h.clueId)).toEqual([second.id]);

    // A clue the asker cannot see is not theirs to ask about; a number the engine would refuse is refused by name.
    expect((await nanzheng.get(`/api/clues/${first.id}/case-number-holders?caseNumber=A6107020260001`)).status).toBe(404);
    for (const bad of ['', '   ', 'A'.repeat(65)]) {
      const refused = await office.get(`/api/clues/${second.id}/case-number-holders?caseNumber=${encodeURIComponent(bad)}`);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(((await refused.json()) as { fields?: { field: string }[] }).fields?.map((f) => f.field)).toEqual(['query.caseNumber']);
    }
  });

  it('files a case number typed in full width or lower case as the one number, and warns of its holders however it is typed', async () => {
    const office = await signIn(app, 'office');
    const officer = ((await (await office.get('/api/users?unit=chenggu')).json()) as { id: number; role: string }[]).find((u) => u.role === 'officer')?.id;
    const verifying = async (title: string) => {
      const created = (await (await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'chenggu', assigneeId: officer, title, description: '群众举报', source: 'platform110' })).json()) as { id: number; version: number };
      const moved = await office.send('POST', `/api/clues/${created.id}/transitions`, { to: 'verifying', version: created.version });
      expect(moved.status).toBe(200);
      return (await moved.json()) as { id: number; version: number };
    };
    const first = await verifying('刷单返利诈骗');
    // As a Chinese input method in full-width mode types it.
    const filed = await office.send('POST', `/api/clues/${first.id}/transitions`, { to: 'filed', version: first.version, payload: { caseNumber: 'ａ６１０７０２０２６０５５５', conclusion: '经核查属实' } });
    expect(filed.status).toBe(200);
    expect(((await filed.json()) as { context: { caseNumber: string } }).context.caseNumber).toBe('A6107020260555');

    const second = await verifying('刷单返利诈骗的上线');
    for (const typed of ['a6107020260555', 'Ａ6107020260555', ' ａ６１０７０２０２６０５５５ ']) {
      const answer = await office.get(`/api/clues/${second.id}/case-number-holders?caseNumber=${encodeURIComponent(typed)}`);
      expect(answer.status, typed).toBe(200);
      expect(await answer.json(), typed).toEqual({ caseNumber: 'A6107020260555', holders: [{ clueId: first.id, unitId: 'chenggu', state: 'filed', title: '刷单返利诈骗' }] });
    }
    // The log replays to the number stored, as it was decided.
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
