import { describe, expect, it } from 'vitest';
import { noteRequest } from '../../../api/contracts/items';
import { limitCount, limitLength, overLimit, withLimit, type TextLimit } from './text-limit';

const note: TextLimit = { name: 'text', noun: { zh: '进展记录', en: 'work note' }, max: 4000 };

describe("a text's limit", () => {
  it('shows no count below 80 % of the limit, and the count with thousands grouped from there on, past the limit too', () => {
    expect(limitCount('字'.repeat(3199), 4000)).toBeNull();
    expect(limitCount('字'.repeat(3200), 4000)).toBe('3,200 / 4,000');
    expect(limitCount('字'.repeat(3950), 4000)).toBe('3,950 / 4,000');
    expect(limitCount('字'.repeat(4152), 4000)).toBe('4,152 / 4,000');
  });

  it('says nothing up to the limit, and past it names the field and by how much, in both languages', () => {
    expect(overLimit(note, 'a'.repeat(4000))).toBeNull();
    expect(overLimit(note, '字'.repeat(4152))).toEqual({ zh: '进展记录超过 4,000 字上限，多出 152 字', en: 'The work note is 152 characters over its 4,000 limit' });
    expect(overLimit(note, 'a'.repeat(4001))?.en).toBe('The work note is 1 character over its 4,000 limit');
  });

  it('counts as the server does: spaces around the text not at all, a character outside the BMP as one', () => {
    const padded = `  ${'a'.repeat(4000)}\n\n`;
    expect(limitLength(padded)).toBe(4000);
    expect(overLimit(note, padded)).toBeNull();
    expect(noteRequest.safeParse({ text: padded }).success).toBe(true);
    // 𠀀 (U+20000, a rare CJK character) is two UTF-16 units, and one character to the server's zod.
    expect(limitLength('𠀀'.repeat(4000))).toBe(4000);
    expect(overLimit(note, '𠀀'.repeat(4000))).toBeNull();
    expect(noteRequest.safeParse({ text: '𠀀'.repeat(4000) }).success).toBe(true);
    expect(overLimit(note, '𠀀'.repeat(4001))?.en).toBe('The work note is 1 character over its 4,000 limit');
    expect(noteRequest.safeParse({ text: '𠀀'.repeat(4001) }).success).toBe(false);
  });

  it("shows a text's over-limit message as it is typed, and drops the one a submit left once the text is back within", () => {
    const required = { zh: '必填', en: 'Required' };
    const over = withLimit({}, note, 'a'.repeat(4010));
    expect(over.text?.en).toBe('The work note is 10 characters over its 4,000 limit');
    // The submit stored the message; deleted down to the limit, the field is no longer said to be wrong.
    expect(withLimit(over, note, 'a'.repeat(4000))).toEqual({});
    // Another error of the field (or of another field) stays until the form's next submit, as before.
    expect(withLimit({ text: required, until: required }, note, 'a'.repeat(4000))).toEqual({ text: required, until: required });
    expect(withLimit({ text: required }, note, 'a'.repeat(4001)).text?.zh).toBe('进展记录超过 4,000 字上限，多出 1 字');
  });
});
