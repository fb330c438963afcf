import { z } from 'zod';

/** Marks that take no room on screen: zero-width characters, joiners, bidirectional controls, the BOM. */
const invisible = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export const onlyInvisible = 'something one can see, not only invisible characters';

/**
 * A text a user must fill in, trimmed, of at most `max` characters, with
 * something in it one can see: a title of zero-width spaces passed "not
 * empty" and made a card with no title.
 */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => text === '' || text.replace(invisible, '') !== '', { message: onlyInvisible }); // empty: min(1) says so

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
