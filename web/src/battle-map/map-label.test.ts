import { describe, expect, it } from 'vitest';
import { mapLabel } from './map-label';

describe('a county label’s name', () => {
  it('is the name whole when it fits', () => {
    expect(mapLabel('Chenggu')).toBe('Chenggu');
    expect(mapLabel('城固县')).toBe('城固县');
    expect(mapLabel('Hanzhong Hi-Tech')).toBe('Hanzhong…');
    expect(mapLabel('Hanzhong HiTech')).toBe('Hanzhong HiTech');
  });

  it('keeps the first words that fit, and says it was cut', () => {
    expect(mapLabel('Chenggu County Economic Development Zone Sub-bureau')).toBe('Chenggu County…');
    expect(mapLabel('Xixiang Development Zone')).toBe('Xixiang…');
  });

  it('cuts a first word or a Chinese name too long for it a character at a time', () => {
    expect(mapLabel('Nanzhengeconomicdevelopment')).toBe('Nanzhengeconom…');
    expect(mapLabel('城固县经济开发区分局')).toBe('城固县经济开发…');
  });
});
