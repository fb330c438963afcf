import { describe, expect, test } from 'vitest';
import { setLang } from '../i18n/i18n';
import { dueShown } from './due-shown';

describe("an item's deadline as the board says it", () => {
  test('an open item says its due day, or 无期限 when it has none', () => {
    setLang('zh');
    expect(dueShown({ kind: 'clue', state: 'filed', dueAt: '2026-05-02T16:00:00.000Z' }, 'Asia/Shanghai')).toBe('2026年5月2日');
    expect(dueShown({ kind: 'clue', state: 'solved', dueAt: null }, 'Asia/Shanghai')).toBe('无期限');
    setLang('en');
    expect(dueShown({ kind: 'problem', state: 'rectified', dueAt: null }, 'Asia/Shanghai')).toBe('No deadline');
  });

  test('an item whose work has ended (sent for prosecution, unfounded, merged, closed) says none, not "indefinite"', () => {
    for (const lang of ['zh', 'en'] as const) {
      setLang(lang);
      for (const state of ['prosecuted', 'unfounded', 'merged']) expect(dueShown({ kind: 'clue', state, dueAt: null }, 'Asia/Shanghai')).toBeNull();
      expect(dueShown({ kind: 'problem', state: 'verified', dueAt: null }, 'Asia/Shanghai')).toBeNull();
    }
  });
});
