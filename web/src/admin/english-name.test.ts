import { expect, test } from 'vitest';
import { shownEnglishName } from './english-name';

test('an English name the Chinese one stands in for is shown empty, one typed as typed', () => {
  expect(shownEnglishName({ nameZh: '汉台分局', nameEn: '汉台分局' })).toBe('');
  expect(shownEnglishName({ nameZh: '汉台分局', nameEn: 'Hantai Branch' })).toBe('Hantai Branch');
});
