import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { describeIssues } from '../../engine';
import type { AppEnv } from '../context';
import { problem } from '../contracts/common';
import { ApiError, problemResponse } from '../errors';

/**
 * A router whose request validation fails the one way every error does: a
 * 400 problem+json naming each field and why, in both languages.
 */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === 'json' ? '' : `${result.target}.`;
        const fields = describeIssues(result.error as z.ZodError).map((f) => ({ ...f, field: `${where}${f.field}` }));
        // The fields say what is wrong; the reason, shown where no field is (a toast), says how many to look at: one
        // value with two faults (an id past the largest and no whole number) is one field to mend, not two.
        const n = new Set(fields.map((f) => f.field)).size;
        const reason = { zh: `有 ${n} 处填写有误，请看标出的字段`, en: `${n} ${n === 1 ? 'value is' : 'values are'} not valid; see the marked ${n === 1 ? 'field' : 'fields'}` };
        return problemResponse(c, new ApiError('bad_request', { fields, ...(n > 0 && { reason }) }));
      }
      return undefined;
    },
  });
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const problemContent = { 'application/problem+json': { schema: problem } } as const;

/** What a 429 carries besides its body: when to try again. */
const retryAfterHeader = {
  'Retry-After': { description: 'Seconds until the limit lets the username (or the address) be tried again', schema: { type: 'integer', minimum: 1 } },
} as const;

/** The error answers a route documents, each as problem+json. */
export function problems<const Codes extends readonly (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 507)[]>(...codes: Codes) {
  const descriptions = {
    400: 'Malformed request: which field, and why',
    401: 'No session',
    403: 'Refused for who is asking (role, unit scope, assignment, or a cross-site request)',
    404: 'No such item, or not in your scope',
    409: 'The item changed since the version sent; `current` is the item now',
    413: 'Body too large',
    415: 'Body is not JSON',
    422: 'The engine refused the move itself: `code` and `reason` say why',
    429: 'Too many wrong passwords for the username (at sign-in or as the current password), or failed sign-ins from the address: `Retry-After` says when to try again',
    507: "The campaign's storage limit for files is reached: `usedBytes` and `quotaMb` say how far",
  } as const;
  return Object.fromEntries(codes.map((code) => [code, { description: descriptions[code], content: problemContent, ...(code === 429 && { headers: retryAfterHeader }) }])) as {
    [K in Codes[number]]: { description: string; content: typeof problemContent; headers?: typeof retryAfterHeader };
  };
}
