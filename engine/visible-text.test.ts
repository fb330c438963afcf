import { describe, expect, it } from 'vitest';
import { onlyInvisible, requiredText } from './visible-text';

describe('a required text', () => {
  const title = requiredText(500);

  it('needs something one can see: only zero-width characters, bidirectional marks or a BOM is refused as empty would be', () => {
    for (const text of ['\u200b\u200b', '\u200b \u2060', '\u202e', '\u200b\ufeff\u200b', '\u2066\u2069']) {
      const checked = title.safeParse(text);
      expect(checked.success, JSON.stringify(text)).toBe(false);
      expect(checked.error?.issues.map((i) => i.message)).toEqual([onlyInvisible]);
    }
  });

  it('keeps a text with a visible character, marks and all, trimmed', () => {
    expect(title.parse('  网络\u200b水军 ')).toBe('网络\u200b水军');
    expect(title.parse('😀')).toBe('😀');
  });
});
