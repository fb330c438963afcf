import { describe, expect, it } from 'vitest';
import { directionControl, notOneLine, notParagraphs, oneLineText, onlyInvisible, requiredText } from './visible-text';

describe('a required text', () => {
  const title = requiredText(500);

  it('needs something one can see: only zero-width characters, bidirectional marks or a BOM is refused as empty would be', () => {
    for (const text of ['\u200b\u200b', '\u200b \u2060', '\u202e', '\u200b\ufeff\u200b', '\u2066\u2069', '\u00ad\u00ad', '\u034f', '\u180e', '\u2800\u2800', '\u3164', '\uffa0', '\u115f\u1160', '\u17b4']) {
      const checked = title.safeParse(text);
      expect(checked.success, JSON.stringify(text)).toBe(false);
      expect(checked.error?.issues.map((i) => i.message)).toEqual([onlyInvisible]);
    }
  });

  it('keeps a text with a visible character, marks and all, trimmed', () => {
    expect(title.parse('  网络\u200b水军 ')).toBe('网络\u200b水军');
    expect(title.parse('😀')).toBe('😀');
  });

  it('keeps line breaks and tabs, and refuses any other control character, once', () => {
    expect(title.parse('已调取通话记录\n\t发现同一号码\r\n待核实')).toBe('已调取通话记录\n\t发现同一号码\r\n待核实');
    for (const control of ['\u0007', '\u0000', '\u000b', '\u001b', '\u007f', '\u0085']) {
      expect(title.safeParse(`进展${control}记录`).error?.issues.map((i) => i.message), JSON.stringify(control)).toEqual([notParagraphs]);
    }
  });
});

describe('a one-line text', () => {
  const title = oneLineText(500);

  it('refuses the controls that turn the direction of the text, each of them, and keeps the marks that only nudge', () => {
    for (const control of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const checked = title.safeParse(`线索${control}gnp.exe`);
      expect(checked.error?.issues.map((i) => i.message), JSON.stringify(control)).toEqual([directionControl]);
    }
    expect(title.parse('线索\u200egnp.exe\u200f')).toBe('线索\u200egnp.exe\u200f');
  });

  it('says of a control character once, that the text is one line without them', () => {
    expect(title.safeParse('标题\u0007').error?.issues.map((i) => i.message)).toEqual([notOneLine]);
  });

  it('says once of a text of nothing but such controls that it has nothing to see', () => {
    expect(title.safeParse('\u200b\u202e').error?.issues.map((i) => i.message)).toEqual([onlyInvisible]);
  });
});
