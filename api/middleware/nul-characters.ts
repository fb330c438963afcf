import { createMiddleware } from 'hono/factory';
import type { Label } from '../../engine/labels';
import { maxNesting } from '../../engine/nesting';
import type { AppEnv } from '../context';
import { ApiError, queryRefused } from '../errors';
import { isAttachmentUploadPath } from '../services/attachments';
import { isJsonType, safeMethods } from './security';

const nul = '\u0000';
const refusal: Label = { zh: '不能包含空字符（U+0000）', en: 'must not contain the NUL character (U+0000)' };

/** Half of a UTF-16 surrogate pair without its other half: no character at all, which JSON can spell (`"\ud800"`) and UTF-8 cannot. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const loneSurrogateRefusal: Label = { zh: '含有无效字符（不成对的 UTF-16 代理项）', en: 'holds an invalid character (half of a UTF-16 surrogate pair)' };
/** How a body's JSON text spells a surrogate: only escaped, as a raw one cannot be sent in UTF-8. */
const spelledSurrogate = /\\u[dD][89a-fA-F]/;

/** Where in a parsed JSON body a string or a key holds what `holds` finds, as the shape checks name a field (`items.0.reason`); undefined when nowhere. */
function fieldHolding(value: unknown, holds: (text: string) => boolean, path: readonly string[] = []): string | undefined {
  if (typeof value === 'string') return holds(value) ? path.join('.') || '(body)' : undefined;
  // Deeper than any body's shape check takes (they refuse it by name): not looked into, so the stack is not exhausted here.
  if (typeof value !== 'object' || value === null || path.length > maxNesting) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (holds(key)) return [...path, JSON.stringify(key).slice(1, -1)].join('.');
    const found = fieldHolding(inner, holds, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Where in a parsed JSON body a string or a key holds a NUL (see {@link fieldHolding}). */
export const nulField = (value: unknown): string | undefined => fieldHolding(value, (text) => text.includes(nul));

/** Where in a parsed JSON body a string or a key holds a lone surrogate (see {@link fieldHolding}). */
export const loneSurrogateField = (value: unknown): string | undefined => fieldHolding(value, (text) => loneSurrogate.test(text));

/**
 * Refuses a NUL character in a query value or anywhere in a JSON body, naming
 * the field. SQLite keeps the bytes after it, but reads a text back only up
 * to it: a title sent as "a\u0000b" would come back as "a", the rest saved
 * where no one sees it. Nothing a user means to save holds one.
 * Refuses half a surrogate pair (`"\ud800"`) in a JSON body too: SQLite,
 * unpacking the JSON a change is stored through, wrote it as bytes that are
 * not UTF-8, and libSQL's client then stopped the whole process at every read
 * of that row (the board, the wall), after each restart as well.
 *
 * The body is read as text here, and the route's check parses that same
 * text (Hono keeps it), so a body is read once; it is parsed here too only
 * when it spells a NUL (`\u0000`) or a surrogate (`\ud800`), to find where.
 */
export const refuseNulCharacters = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.url.includes('%00')) {
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (values.some((value) => value.includes(nul))) throw queryRefused(name, refusal);
    }
  }
  // An attached file is kept byte for byte, whatever its type says: never read as text here.
  const jsonBody = !safeMethods.has(c.req.method) && !isAttachmentUploadPath(c.req.path) && isJsonType(c.req.header('content-type'));
  if (jsonBody) {
    const text = await c.req.text();
    const spellsNul = text.includes('\\u0000');
    if (spellsNul || spelledSurrogate.test(text)) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON at all: the route's own check says so.
        return next();
      }
      const field = spellsNul ? nulField(body) : undefined;
      if (field !== undefined) throw new ApiError('bad_request', { fields: [{ field, message: refusal }] });
      const half = loneSurrogateField(body);
      if (half !== undefined) throw new ApiError('bad_request', { fields: [{ field: half, message: loneSurrogateRefusal }] });
    }
  }
  return next();
});
