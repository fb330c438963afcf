import { describe, expect, test } from 'vitest';
import { setLang } from '../i18n/i18n';
import { cardLabel, cardStatus, type CardStatusContext } from './card-status';
import { testCard } from './test-card';

const context: CardStatusContext = {
  timeZone: () => 'Asia/Shanghai',
  asOf: () => '2026-05-04T00:00:00.000Z',
  unitName: (id) => (id === 'hantai' ? '汉台区' : id),
  categoryName: () => '电信诈骗',
};

describe('what a card says to a screen reader besides its number and title', () => {
  test('level, deadline, assignee, unit and category first, then the marks it has, in Chinese', () => {
    setLang('zh');
    const card = testCard(276, {
      level: 3,
      dueAt: '2026-05-02T16:00:00.000Z',
      assigneeName: '张三',
      categoryId: 4,
      attachmentCount: 2,
      extensionAskedUntil: '2026-05-20',
      typical: true,
    });
    expect(cardStatus(card, context, undefined)).toBe(
      '严重超期；期限：2026年5月2日；承办人：张三；承办单位：汉台区；类别：电信诈骗；在本状态 3天；附件：2；申请延期至 2026年5月20日；典型案例。',
    );
  });

  test('a card with nothing more to say says so in English, its units in words', () => {
    setLang('en');
    expect(cardStatus(testCard(7, { enteredAt: '2026-05-03T00:00:00.000Z' }), context, undefined)).toBe('No deadline; Unassigned; Unit: 汉台区; In this state for 1 day.');
  });

  test('a move waiting for its details is said last', () => {
    setLang('en');
    const card = testCard(8);
    expect(cardStatus(card, context, { card, to: 'verifying', stage: 'draft' })).toMatch(/; Waiting for its details; not sent yet\.$/);
  });

  test('a card is named by its number and title, then what its face says', () => {
    setLang('zh');
    expect(cardLabel(testCard(9), context, undefined)).toBe('#9 线索 9。无期限；未指定承办人；承办单位：汉台区；在本状态 3天。');
  });
});

describe('what a closed card says of its deadline', () => {
  test('a case sent for prosecution says no 无期限, which read as "indefinite"', () => {
    setLang('zh');
    expect(cardStatus(testCard(10, { state: 'prosecuted' }), context, undefined)).toBe('未指定承办人；承办单位：汉台区；在本状态 3天。');
  });
});
