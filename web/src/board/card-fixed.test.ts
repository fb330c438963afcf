import { describe, expect, test } from 'vitest';
import { setLang } from '../i18n/i18n';
import { fixedBecause } from './card-fixed';
import { testCard } from './test-card';

const verify = { to: 'verifying', event: 'clue.verify', needs: [], offers: [] };

describe('why a card the reader tries to drag does not move', () => {
  test('a card with a move of theirs moves: nothing to say', () => {
    expect(fixedBecause(testCard(1, { allowed: [verify] }), null)).toBeNull();
  });

  test("the reader's own reason first: a viewer's account, a concluded campaign, whatever the card allows", () => {
    setLang('zh');
    expect(fixedBecause(testCard(1, { allowed: [verify] }), 'readOnly')).toBe('您的账号只能查看，不能移动卡片');
    expect(fixedBecause(testCard(1, { state: 'prosecuted' }), 'concluded')).toBe('专项行动已结束，卡片不能再移动');
  });

  test("a closed card is said closed, by its state; an open one with no move of the reader's says the moves are not theirs", () => {
    setLang('zh');
    expect(fixedBecause(testCard(1, { state: 'prosecuted' }), null)).toBe('“已移送起诉”的线索已办结，不能再移动');
    expect(fixedBecause(testCard(1, { kind: 'problem', state: 'verified' }), null)).toBe('“已销号”的问题已办结，不能再移动');
    expect(fixedBecause(testCard(1, { state: 'verifying' }), null)).toBe('此卡片当前没有您可执行的移动，点击可查看详情');
    setLang('en');
    expect(fixedBecause(testCard(1, { state: 'prosecuted' }), null)).toBe('This clue is closed (Sent for prosecution): it moves no further');
    setLang('zh');
  });
});
