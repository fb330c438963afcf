import { createMiddleware } from 'hono/factory';
import type { Label } from '../../engine/labels';
import { maxNesting } from '../../engine/nesting';
import type { AppEnv } from '../context';
import { ApiError, queryRefused } from '../errors';
import { isAttachmentUploadPath } from '../services/attachments';
import { isJsonType, safeMethods } from './security';

const nul = '\u0000';
const refusal: Label = { zh: '不能包含空字符（U+0000）', en: 'must not contain the NUL character (U+0000)' };

/** Where in a parsed JSON body a string or a key holds a NUL, as the shape checks name a field (`items.0.reason`); undefined when nowhere. */
export function nulField(value: unknown, path: readonly string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes(nul) ? path.join('.') || '(body)' : undefined;
  // Deeper than any body's shape check takes (they refuse it by name): not looked into, so the stack is not exhausted here.
  if (typeof value !== 'object' || value === null || path.length > maxNesting) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes(nul)) return [...path, key.replaceAll(nul, '\\u0000')].join('.');
    const found = nulField(inner, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses a NUL character in a query value or anywhere in a JSON body, naming
 * the field. SQLite keeps the bytes after it, but reads a text back only up
 * to it: a title sent as "a\u0000b" would come back as "a", the rest saved
 * where no one sees it. Nothing a user means to save holds one.
 *
 * The body is read as text here, and the route's check parses that same
 * text (Hono keeps it), so a body is read once; it is parsed here too only
 * when it spells a NUL (`\u0000`), to find where.
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
    if (text.includes('\\u0000')) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON at all: the route's own check says so.
        return next();
      }
      const field = nulField(body);
      if (field !== undefined) throw new ApiError('bad_request', { fields: [{ field, message: refusal }] });
    }
  }
  return next();
});
