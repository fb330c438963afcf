import { z } from 'zod';

/** A text in both UI languages. */
export const label = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'Label' });

export const fieldIssue = z.object({ field: z.string(), message: label }).meta({ id: 'FieldIssue' });

/** RFC 9457 problem details, as every error of the API is answered. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    reason: label,
    fields: z.array(fieldIssue).optional(),
    requestId: z.string().optional(),
  })
  .loose()
  .meta({ id: 'Problem' });

/** A board's or list's "no progress for N days" filter: no work note, and no move into the state, since then. */
/** The longest search a box sends (the board's, a list's): its input takes no more, and an address's longer one is cut to it. */
export const searchTextLimit = 200;

export const quietDays = z.coerce.number().int().min(1).max(366);

export const isoInstant = z.iso.datetime({ offset: true });
/**
 * An id in a path, written as the API writes ids: digits, no sign, no leading zero. A coerced number also took
 * `0x10`, `1e2` or ` 16` for an id, so one item answered to many addresses.
 */
export const pathId = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, 'a whole number from 1, in digits')
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER));
export const idParam = z.object({ id: pathId });

/**
 * The `Idempotency-Key` a write may carry (a UUID, say): a retry of the
 * same request with the same key, within a day, is answered as the first
 * was and applies once; the same key with another request is refused (422).
 */
export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only')
    .optional()
    .meta({
      description: 'Makes a retry safe: the same request sent again with the same key within a day is answered as the first was and applied once; another request with it is refused (422)',
      example: '0f9a4c1e-5b7d-4e2a-9c3b-8d6e1f2a3b4c',
    }),
});

/** The message of an edit that changes nothing (`{}`): it was answered 200 with nothing done, as if saved. Said in Chinese by issue-text. */
export const nothingToChange = 'Nothing to change';

/** Whether an edit names anything to change. */
export const changesSomething = (edit: object): boolean => Object.values(edit).some((value) => value !== undefined);

/** A category or an assignee by id, or `none` for the items without one. */
export const idOrNone = z.union([z.literal('none'), z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)], { error: 'a number, or none' });
export type IdOrNone = z.output<typeof idOrNone>;

/** The crime category a report or a chart counts, as its answer says it: an id, `none` for the items without one (未分类), or null for every category. */
export const categoryScope = z.union([z.number().int(), z.literal('none')]).nullable();
