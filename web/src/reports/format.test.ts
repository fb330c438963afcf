import { describe, expect, test } from 'vitest';
import { setLang } from '../i18n/i18n';
import { money } from './format';

describe('money as the bureau writes it', () => {
  test('in Chinese, in 元, 万元 or 亿元, the larger unit once the figure shown reaches it', () => {
    setLang('zh');
    expect(money(9_999)).toEqual({ value: '9,999', unit: '元' });
    expect(money(42_000)).toEqual({ value: '4.2', unit: '万元' });
    expect(money(99_994_999)).toEqual({ value: '9,999.5', unit: '万元' });
    // Rounded to two places of 万 this would read "10,000万元".
    expect(money(99_999_999)).toEqual({ value: '1', unit: '亿元' });
    expect(money(224_700_000)).toEqual({ value: '2.247', unit: '亿元' });
  });

  test('in English, in yuan, million or billion yuan, alike', () => {
    setLang('en');
    expect(money(6_950_000)).toEqual({ value: '6.95', unit: 'million yuan' });
    expect(money(999_999_999)).toEqual({ value: '1', unit: 'billion yuan' });
    expect(money(999_994_999)).toEqual({ value: '999.99', unit: 'million yuan' });
  });
});
