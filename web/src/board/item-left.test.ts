import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CampaignDetail } from '../api/client';
import { keepDraft } from './drafts';
import { forgetUnitSeen, keepUnitSeen, leftNotice, unitSeen, unsentTexts } from './item-left';

const units = [
  { id: 'hantai', nameZh: '汉台分局', nameEn: 'Hantai Branch' },
  { id: 'chenggu', nameZh: '城固县公安局', nameEn: 'Chenggu County Bureau' },
] as unknown as CampaignDetail['units'];

/** The tab's sessionStorage, as far as drafts use it. */
function tabStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const kept = new Map<string, string>();
  return {
    getItem: (key) => kept.get(key) ?? null,
    setItem: (key, value) => void kept.set(key, value),
    removeItem: (key) => void kept.delete(key),
  };
}

describe('what the drawer says of an item it showed that the reader can no longer read', () => {
  it('says someone else transferred it out of their units, naming the unit it was with, not where it went, in both languages', () => {
    const said = leftNotice({ unitId: 'hantai' }, new Set(['hantai']), units);
    expect(said.zh).toBe('此事项已被他人移交出您的单位（原属“汉台分局”），您已不能查看或办理。它现在所属的单位和此后的办理情况不在您的查看范围内。');
    expect(said.en).toMatch(/^Someone else has transferred this item out of your units \(it was with Hantai Branch\): you can no longer see it or act on it\./);
    expect(`${said.zh}${said.en}`).not.toMatch(/城固|Chenggu|可能|may have/);
  });

  it("says the reader's own units changed when the unit it was with is no longer one of theirs", () => {
    const said = leftNotice({ unitId: 'hantai' }, new Set(['chenggu']), units);
    expect(said.zh).toBe('您负责的单位已调整，此事项（属“汉台分局”）已不在您的查看范围内，您已不能查看或办理。');
    expect(said.en).toBe('Your units have changed: this item (with Hantai Branch) is no longer within what you can see, and you can no longer act on it.');
  });

  it('names a unit the campaign no longer lists by its id', () => {
    expect(leftNotice({ unitId: 'gone' }, null, units).zh).toContain('原属“gone”');
  });
});

describe('what a reader typed on an item and did not send', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', tabStorage()));
  afterEach(() => vi.unstubAllGlobals());
  const clue = { kind: 'clue', id: 33 } as const;

  it("lists the note, the summary and each form's written fields, in the drawer's order, each with what it was", () => {
    keepDraft(7, { form: { kind: 'clue', id: 33, action: 'transfer' } }, JSON.stringify({ unitId: 'nanzheng', reason: '主要嫌疑人落脚南郑' }));
    keepDraft(7, { note: { kind: 'clue', id: 33 } }, '走访被害人三名\n两人确认转账');
    keepDraft(7, { form: { kind: 'clue', id: 33, action: 'edit' } }, JSON.stringify({ description: '新的描述', 'was:description': '旧的', version: '4' }));
    keepDraft(7, { typical: { id: 33 } }, '典型案情');
    expect(unsentTexts(7, clue).map((unsent) => [unsent.key, unsent.what.zh, unsent.what.en, unsent.text])).toEqual([
      ['note', '进展记录', 'Work note', '走访被害人三名\n两人确认转账'],
      ['typical', '典型案例 · 案情简介', 'Typical case · Summary', '典型案情'],
      ['edit.description', '编辑 · 描述', 'Edit · Description', '新的描述'],
      ['transfer.reason', '移交 · 原因', 'Transfer · Reason', '主要嫌疑人落脚南郑'],
    ]);
  });

  it("lists only this user's texts on this item, and none of nothing but spaces nor of a choice made without a word written", () => {
    keepDraft(7, { form: { kind: 'clue', id: 33, action: 'extend' } }, JSON.stringify({ until: '2026-07-01', reason: '  ' }));
    keepDraft(7, { form: { kind: 'clue', id: 33, action: 'merge' } }, JSON.stringify({ targetId: '12', reason: '' }));
    keepDraft(8, { note: { kind: 'clue', id: 33 } }, '别人的记录');
    keepDraft(7, { note: { kind: 'clue', id: 34 } }, '另一条线索');
    keepDraft(7, { note: { kind: 'problem', id: 33 } }, '同号的问题');
    expect(unsentTexts(7, clue)).toEqual([]);
  });

  it("takes the typical-case summary of the clue of the same number for no problem's: a problem has none", () => {
    keepDraft(7, { typical: { id: 33 } }, '典型案情');
    keepDraft(7, { form: { kind: 'problem', id: 33, action: 'decline' } }, JSON.stringify({ reason: '期限足够' }));
    expect(unsentTexts(7, { kind: 'problem', id: 33 }).map((unsent) => [unsent.key, unsent.what.en, unsent.text])).toEqual([['decline.reason', 'Decline · Reason', '期限足够']]);
  });

  it('keeps the unit the item was with beside them, for a drawer that finds it gone after a reload, until forgotten', () => {
    keepUnitSeen(7, { kind: 'clue', id: 33, unitId: 'hantai' });
    expect(unitSeen(7, clue)).toEqual({ unitId: 'hantai' });
    expect(leftNotice(unitSeen(7, clue) ?? { unitId: '' }, new Set(['hantai']), units).zh).toContain('原属“汉台分局”');
    expect([unitSeen(8, clue), unitSeen(7, { kind: 'problem', id: 33 })]).toEqual([null, null]);
    // Not one of the texts typed.
    expect(unsentTexts(7, clue)).toEqual([]);
    forgetUnitSeen(7, clue);
    expect(unitSeen(7, clue)).toBeNull();
  });
});
