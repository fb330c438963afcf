import { z } from 'zod';

/**
 * Marks that take no room on screen or show as a blank: zero-width characters, joiners, bidirectional controls, the
 * BOM, the soft hyphen (U+00AD: a removal's reason of two of them was taken and read as nothing in the history), the
 * combining grapheme joiner, the Mongolian and Khmer marks without a glyph, the Arabic letter mark, and the fillers
 * fonts draw as nothing (Hangul fillers, the blank Braille pattern).
 */
const invisible = /[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2800\u3164\ufeff\uffa0]/g;

export const onlyInvisible = 'Needs something one can see, not only invisible characters';

/** Filled in, trimmed, of at most `max` characters, with something in it one can see: the base of the texts below. */
const visibleText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => text === '' || text.replace(invisible, '') !== '', { message: onlyInvisible }); // empty: min(1) says so

/**
 * No control character but the line break and the tab (Unicode's Cc otherwise): a work note holding a BEL
 * (U+0007) pasted from a terminal was stored and shown as nothing where it stood. Spelled out as a class, as
 * {@link oneLinePattern} is.
 */
// eslint-disable-next-line no-control-regex
const paragraphsPattern = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
export const notParagraphs = 'no control characters but line breaks and tabs';

/**
 * A text a user must fill in (a note, a reason, a summary), trimmed, of at
 * most `max` characters, with something in it one can see (a title of
 * zero-width spaces passed "not empty" and made a card with no title), and
 * no control character but line breaks and tabs.
 */
export const requiredText = (max: number) => visibleText(max).regex(paragraphsPattern, notParagraphs);

/**
 * A text a user may leave empty (an English name, where the Chinese one
 * stands in): trimmed, of at most `max` characters, and when given,
 * something one can see.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => text === '' || text.replace(invisible, '') !== '', { message: onlyInvisible });

/**
 * No line break or other control character (Unicode's Cc, and the line and paragraph separators), spelled out as a class: with the u flag (`\P{Cc}`) the
 * pattern went into the OpenAPI document as "^\\P{Cc}*$/u", which a client generated from it read as refusing all.
 */
// eslint-disable-next-line no-control-regex
export const oneLinePattern = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
export const notOneLine = 'one line, without control characters';

/**
 * No control that turns the direction of the text around (embeddings, overrides, isolates): a title holding
 * U+202E showed "线索（exe.gnp）" as "线索（png.exe）" on the card, the wall and in every export, what it said
 * hidden from the people who read it. The marks U+200E and U+200F, which only nudge a neutral character, stay allowed.
 */
const directionControls = /[\u202a-\u202e\u2066-\u2069]/;
export const directionControl = 'no characters that turn the direction of the text (U+202A to U+202E, U+2066 to U+2069)';
/**
 * Said of a text with something visible in it: one of only invisible characters is refused as that, once. The
 * control is looked for first: a title without one (all but none) is not stripped of its invisible characters again.
 */
const turnsNoDirection = (text: string) => !directionControls.test(text) || text.replace(invisible, '') === '';

/**
 * {@link requiredText} on one line: a title or a name, shown on one line of a card, a list, a tile and an export's
 * cell. A line break in a title (a cell of a spreadsheet can hold one) went into every CSV as a cell of two lines.
 * Only new input is checked so: a replayed history is not validated again, and a title stored before stays readable.
 */
export const oneLineText = (max: number) => visibleText(max).regex(oneLinePattern, notOneLine).refine(turnsNoDirection, { message: directionControl });

/** An optional name (an English one, where the Chinese stands in) held to the same line as {@link oneLineText}. */
export const optionalOneLineText = (max: number) => optionalText(max).regex(oneLinePattern, notOneLine).refine(turnsNoDirection, { message: directionControl });
