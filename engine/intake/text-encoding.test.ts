import { describe, expect, it } from 'vitest';
import { wellFormed } from './text-encoding';

describe('wellFormed', () => {
  it('replaces half a surrogate pair, high or low, wherever it is', () => {
    expect(wellFormed('a\ud800b')).toBe('a\ufffdb');
    expect(wellFormed('\udc00x')).toBe('\ufffdx');
    expect(wellFormed('end\ud83d')).toBe('end\ufffd');
    expect(wellFormed('\ude00\ud83d')).toBe('\ufffd\ufffd');
  });

  it('keeps whole pairs and every other character', () => {
    const text = '群众举报 😀 𠮷 线索 tab\tend';
    expect(wellFormed(text)).toBe(text);
  });
});
