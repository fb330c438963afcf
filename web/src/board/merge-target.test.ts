import { describe, expect, test } from 'vitest';
import { ApiProblem } from '../api/problem';
import { answerOfFailure, confirmInto, confirmQuestion, mergeNotice, mergeTargetMessages, mergeTargetSaid, type LookedUp, type MergeCandidate } from './merge-target';

const units = [
  { id: 'hantai', nameZh: '汉台分局', nameEn: 'Hantai' },
  { id: 'nanzheng', nameZh: '南郑分局', nameEn: 'Nanzheng' },
];
const source = { id: 40, campaignId: 1, unitId: 'hantai' };
const office = { mayCrossUnits: true };
const lead = { mayCrossUnits: false };

const clue = (overrides: Partial<MergeCandidate> = {}): MergeCandidate => ({ id: 123, campaignId: 1, unitId: 'hantai', state: 'verifying', title: '“快贷”App暴力催收', context: {}, ...overrides });
const found = (target: MergeCandidate): LookedUp => ({ id: target.id, answer: { found: target } });
const reasonOf = (typed: string, lookedUp: LookedUp | null, reader = office) => {
  const said = mergeTargetSaid(typed, [source], reader, lookedUp, units);
  return said.kind === 'refused' ? said.reason : said.kind;
};

describe('what the merge form says of the clue number typed', () => {
  test('the clue it names, by number, title, unit and state, in both languages: the merge may go on', () => {
    const said = mergeTargetSaid('123', [source], lead, found(clue()), units);
    expect(said).toMatchObject({ kind: 'ready', target: { id: 123 } });
    if (said.kind !== 'ready') throw new Error('not ready');
    expect(said.line).toEqual({ zh: '并入 #123“‘快贷’App暴力催收” · 汉台分局 · 核查中', en: 'Merge into #123 ““快贷”App暴力催收” · Hantai · Verifying' });
    expect(confirmQuestion(40, said.target).zh).toBe('将线索 #40 并入 #123“‘快贷’App暴力催收”？');
  });

  test('nothing typed asks for a number; what is no clue number is said so, without a read', () => {
    expect(reasonOf(' ', null)).toBe('empty');
    for (const typed of ['0', '1.5', '-3', '1e3']) expect(reasonOf(typed, null)).toEqual({ zh: '线索编号应为正整数', en: 'A clue number is a whole number above 0' });
  });

  test('its own number is refused as the engine refuses it, before any read', () => {
    expect(reasonOf('40', null)).toEqual({ zh: '不能并入自身', en: 'A clue cannot be merged into itself' });
  });

  test('a read answered for a number typed before says nothing of this one', () => {
    expect(mergeTargetSaid('1234', [source], office, found(clue()), units)).toEqual({ kind: 'looking', id: 1234 });
  });

  test('a number no clue has: to the office, not found; to a lead, perhaps another unit’s, which only the office merges into', () => {
    const missing: LookedUp = { id: 77, answer: { missing: true } };
    expect(reasonOf('77', missing, office)).toEqual({ zh: '找不到要并入的线索', en: 'The clue to merge into was not found' });
    expect(reasonOf('77', missing, lead)).toMatchObject({ zh: '找不到要并入的线索：编号有误，或属其他单位（跨单位并案须由专项办决定）' });
  });

  test('another unit’s clue is the office’s to merge into, not a lead’s', () => {
    const elsewhere = found(clue({ unitId: 'nanzheng' }));
    expect(reasonOf('123', elsewhere, lead)).toEqual({ zh: '跨单位并案须由专项办决定', en: 'Only the campaign office may merge clues across units' });
    expect(mergeTargetSaid('123', [source], office, elsewhere, units)).toMatchObject({ kind: 'ready', line: { zh: '并入 #123“‘快贷’App暴力催收” · 南郑分局 · 核查中' } });
  });

  test('a clue itself merged, or merged into this one, or of another campaign is refused as the engine refuses it', () => {
    expect(reasonOf('123', found(clue({ state: 'merged', context: { mergedInto: 9 } })))).toEqual({ zh: '目标线索已被并案，请并入其主线索', en: 'That clue was itself merged; merge into the clue it was merged into' });
    expect(reasonOf('123', found(clue({ state: 'merged', context: { mergedInto: 40 } })))).toMatchObject({ zh: '线索 #123 已并入本线索，不能再反向并案' });
    expect(reasonOf('123', found(clue({ campaignId: 2 })))).toEqual({ zh: '只能并入同一专项行动的线索', en: 'A clue can only be merged into a clue of the same campaign' });
  });

  test('a closed clue takes a merge, as the engine lets it (a duplicate of a case sent for prosecution): its state is shown', () => {
    expect(mergeTargetSaid('123', [source], lead, found(clue({ state: 'prosecuted' })), units)).toMatchObject({ kind: 'ready', line: { zh: '并入 #123“‘快贷’App暴力催收” · 汉台分局 · 已移送起诉' } });
  });

  test('a read refused with 404 is no clue; one that failed otherwise says why', () => {
    const reason = { zh: '服务器出错', en: 'Server error' };
    expect(answerOfFailure(new ApiProblem(404, 'not_found', reason, [], null))).toEqual({ missing: true });
    expect(answerOfFailure(new ApiProblem(503, 'unavailable', reason, [], null))).toEqual({ failed: reason });
  });

  test('the button that merges names the clue it goes into', () => {
    expect(confirmInto(clue())).toEqual({ zh: '确认并入 #123', en: 'Merge into #123' });
  });
});

describe('what a batch merge says of the clue number typed, for every clue it merges', () => {
  const batch = [source, { id: 41, campaignId: 1, unitId: 'hantai' }, { id: 42, campaignId: 1, unitId: 'nanzheng' }];
  const said = (typed: string, lookedUp: LookedUp | null, reader = office) => mergeTargetSaid(typed, batch, reader, lookedUp, units);

  test('a clue every one may go into is shown as the target', () => {
    expect(said('123', found(clue()))).toMatchObject({ kind: 'ready', line: { zh: '并入 #123“‘快贷’App暴力催收” · 汉台分局 · 核查中' } });
  });

  test('one of the clues selected is refused before any read, naming it, as that one could not go into itself', () => {
    expect(said('41', null)).toEqual({ kind: 'refused', reason: { zh: '线索 #41 在所选线索之中，不能并入自身：请先取消勾选它', en: 'Clue #41 is among those selected and cannot be merged into itself: untick it first' } });
  });

  test('a lead merges none of the clues of another unit than the target’s: refused, not merged for some and not others', () => {
    expect(said('123', found(clue()), lead)).toEqual({ kind: 'refused', reason: { zh: '跨单位并案须由专项办决定', en: 'Only the campaign office may merge clues across units' } });
  });

  test('a clue merged into one of the selected is refused as itself merged (merging back is said only of one clue)', () => {
    expect(said('123', found(clue({ state: 'merged', context: { mergedInto: 41 } })))).toMatchObject({ kind: 'refused', reason: { zh: '目标线索已被并案，请并入其主线索' } });
  });
});

describe('the line under the number', () => {
  const solved = mergeTargetSaid('188', [source], office, found(clue({ id: 188, state: 'solved' })), units);

  test('names the clue the merge goes into, or what it waits for', () => {
    expect(mergeNotice(solved, false)?.zh).toBe('并入 #188“‘快贷’App暴力催收” · 汉台分局 · 已破案');
    expect(mergeNotice(mergeTargetSaid('', [source], office, null, units), false)).toEqual(mergeTargetMessages.typeNumber);
    expect(mergeNotice(mergeTargetSaid('188', [source], office, null, units), false)?.zh).toBe('正在查找线索 #188…');
  });

  test('says no target while the server has refused the number (merged meanwhile): the field says why, not the clue read before', () => {
    expect(mergeNotice(solved, true)).toBeNull();
    expect(mergeNotice(mergeTargetSaid('188', [source], office, null, units), true)).toBeNull();
  });
});
