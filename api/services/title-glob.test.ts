import { describe, expect, it } from 'vitest';
import { titleGlob } from './title-glob';

describe('the pattern a title is searched by', () => {
  it('takes a Latin letter in either case and either width, and a digit in either width', () => {
    expect(titleGlob('Ap')).toBe('*[aAａＡ][pPｐＰ]*');
    expect(titleGlob('ａ５')).toBe('*[aAａＡ][5５]*');
  });

  it('matches Chinese text and its punctuation as written, and GLOB’s own characters as themselves', () => {
    expect(titleGlob('网贷，催收5')).toBe('*网贷，催收[5５]*');
    expect(titleGlob('5*?[%_]')).toBe('*[5５][*][?][[]%_]*');
  });

  it('is none for a text without a Latin letter or digit, which a plain “contains” finds', () => {
    expect(titleGlob('网贷，催收')).toBeNull();
    expect(titleGlob('50%')).not.toBeNull();
  });
});
