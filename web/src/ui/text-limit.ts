import type { Label } from '../../../engine/labels';

/**
 * A text box's limit, said instead of enforced: an HTML maxLength cut a pasted report at its limit without a word,
 * its end lost. The box keeps all that is typed; from 80 % of the limit a quiet count shows, past it the field is
 * said to be over by how much, and the form will not send it (the server would refuse it).
 */
export interface TextLimit {
  /** The field's name in the form's errors (and the server's). */
  readonly name: string;
  /** The field as a sentence names it: 进展记录 / work note. */
  readonly noun: Label;
  readonly max: number;
}

type FieldErrors = Readonly<Record<string, Label>>;

/**
 * The length the server holds to its limit: it trims the text, then the zod it runs measures a string's `.max` in
 * Unicode code points, not UTF-16 units (an emoji or a rare CJK character outside the BMP, two units, is one), as a
 * string's iterator counts them. Counted any other way, the box would call a text over its limit that the server
 * takes, or within it one the server refuses; text-limit.test.ts holds the count to the note's contract.
 */
export function limitLength(text: string): number {
  return [...text.trim()].length;
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** The quiet count under the box ("3,950 / 4,000"), once the text reaches 80 % of its limit; null before. */
export function limitCount(text: string, max: number): string | null {
  const length = limitLength(text);
  return length < max * 0.8 ? null : `${grouped(length)} / ${grouped(max)}`;
}

// The messages this module wrote, so that one shown at a submit is known for what it is once the text is back within.
const limitMessages = new WeakSet<Label>();

/** What to say of a text past its limit, naming the field and by how much; null while it is within. */
export function overLimit(limit: TextLimit, text: string): Label | null {
  const over = limitLength(text) - limit.max;
  if (over <= 0) return null;
  const message: Label = {
    zh: `${limit.noun.zh}超过 ${grouped(limit.max)} 字上限，多出 ${grouped(over)} 字`,
    en: `The ${limit.noun.en} is ${grouped(over)} ${over === 1 ? 'character' : 'characters'} over its ${grouped(limit.max)} limit`,
  };
  limitMessages.add(message);
  return message;
}

/**
 * A form's errors as its fields show them: a limited text's own while it is over (as it is typed, not only once
 * sent), and none left from a submit once it is back within; any other error of the field is kept.
 */
export function withLimit(errors: FieldErrors, limit: TextLimit, text: string): FieldErrors {
  const over = overLimit(limit, text);
  if (over !== null) return { ...errors, [limit.name]: over };
  const stale = errors[limit.name];
  if (stale === undefined || !limitMessages.has(stale)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([name]) => name !== limit.name));
}
