import { describe, expect, it } from 'vitest';
import { englishNameAfter, englishNameOf } from './english-name';

describe('an English name left empty', () => {
  it('is the Chinese name when a unit, campaign or category is created without one', () => {
    expect(englishNameOf(undefined, '汉台分局')).toBe('汉台分局');
    expect(englishNameOf('', '汉台分局')).toBe('汉台分局');
    expect(englishNameOf('Hantai Branch', '汉台分局')).toBe('Hantai Branch');
  });

  it('follows a rename while it stands in for the English name, and is kept once typed', () => {
    const standingIn = { nameZh: '汉台分局', nameEn: '汉台分局' };
    expect(englishNameAfter(standingIn, { nameZh: '汉台区分局' })).toBe('汉台区分局');
    const typed = { nameZh: '汉台分局', nameEn: 'Hantai Branch' };
    expect(englishNameAfter(typed, { nameZh: '汉台区分局' })).toBe('Hantai Branch');
    expect(englishNameAfter(typed, { nameEn: '' })).toBe('汉台分局');
    expect(englishNameAfter(typed, { nameZh: '汉台区分局', nameEn: '' })).toBe('汉台区分局');
    expect(englishNameAfter(standingIn, { nameEn: 'Hantai' })).toBe('Hantai');
  });
});
