import { z } from 'zod';

/**
 * How deep a free-form object a request carries may nest: a move's payload,
 * a batch's, a map's features. What the forms send nests two or three
 * levels, a map's multipolygon eight. A payload nested thousands of levels
 * (12 KB of brackets) once passed every check and then failed the copy to
 * the write worker's thread, and with it the moves queued beside it.
 */
export const maxNesting = 32;

/** The shape checks' message for a value nested deeper than {@link maxNesting}; issue-text says it in Chinese. */
export const tooDeep = `nested more than ${maxNesting} levels deep`;

/**
 * Whether a parsed JSON value nests more than `levels` levels of objects and
 * arrays (`{}` is one, `{"a": [1]}` two). Looks no deeper than that, so a
 * hostile value cannot exhaust the stack here as it did the copy between
 * threads.
 */
export function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels <= 0) return true;
  return Object.values(value).some((inner) => nestedDeeperThan(inner, levels - 1));
}

/** An object of any fields, nested no deeper than {@link maxNesting}. */
export const freeObject = () => z.record(z.string(), z.unknown()).refine((value) => !nestedDeeperThan(value, maxNesting), { message: tooDeep });
