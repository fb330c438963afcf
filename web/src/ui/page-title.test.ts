import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import { pageNames, pageTitle } from './page-title';

const campaign = { nameZh: '汉中专项（2026）', nameEn: 'Hanzhong campaign (2026)' };

describe("a tab's title: the page, its campaign, the app, in the UI language", () => {
  afterEach(() => setLang('zh'));

  it('names the page first and the app last, in Chinese', () => {
    setLang('zh');
    expect(pageTitle('board', campaign)).toBe('看板 · 汉中专项（2026） · 作战图');
    expect(pageTitle('login')).toBe('登录 · 作战图');
  });

  it('is all English in English, not a word of Chinese', () => {
    setLang('en');
    expect(pageTitle('reports', campaign)).toBe('Reports · Hanzhong campaign (2026) · Battlemap');
    expect(pageTitle({ zh: '线索清单', en: 'Clue list' }, campaign)).toBe('Clue list · Hanzhong campaign (2026) · Battlemap');
  });

  it('leaves the campaign out until it is read', () => {
    setLang('en');
    expect(pageTitle('wall', undefined)).toBe('Wall · Battlemap');
    expect(pageTitle('settings', null)).toBe('Campaign settings · Battlemap');
  });

  it('gives every page a title of its own, in both languages', () => {
    const names = Object.values(pageNames);
    expect(new Set(names.map((name) => name.zh)).size).toBe(names.length);
    expect(new Set(names.map((name) => name.en)).size).toBe(names.length);
  });
});
