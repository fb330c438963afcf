import { z } from 'zod';

/**
 * The most characters each text of a contract takes, by its path as the forms name their inputs
 * (`conclusion`, `rectification.measures`), read from the zod schema the server holds the text to: a box's limit is
 * the contract's, not a number written again beside it and left behind when the contract changes.
 */
export function textMaxima(schema: z.ZodType): Readonly<Record<string, number>> {
  const maxima: Record<string, number> = {};
  const walk = (node: z.ZodType, path: string) => {
    const bare = unwrapped(node);
    if (bare instanceof z.ZodObject) {
      for (const [key, field] of Object.entries(bare.shape as Record<string, z.ZodType>)) walk(field, path === '' ? key : `${path}.${key}`);
      return;
    }
    const max = maxLengthOf(bare);
    if (max !== null && path !== '') maxima[path] = max;
  };
  walk(schema, '');
  return maxima;
}

/** A field as it is checked, whether or not it may be left out. */
function unwrapped(node: z.ZodType): z.ZodType {
  if (node instanceof z.ZodOptional || node instanceof z.ZodNullable) return unwrapped(node.unwrap() as z.ZodType);
  if (node instanceof z.ZodDefault) return unwrapped(node.removeDefault() as z.ZodType);
  return node;
}

/** A string's most characters; a text first put in its one form and then checked (a case number) is held to the least of both. */
function maxLengthOf(node: z.ZodType): number | null {
  if (node instanceof z.ZodString) return node.maxLength;
  if (node instanceof z.ZodPipe) {
    const limits = [maxLengthOf(unwrapped(node.in as z.ZodType)), maxLengthOf(unwrapped(node.out as z.ZodType))].filter((max) => max !== null);
    return limits.length === 0 ? null : Math.min(...limits);
  }
  return null;
}
