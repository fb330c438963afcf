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
export const quietDays = z.coerce.number().int().min(1).max(366);

export const isoInstant = z.iso.datetime({ offset: true });
export const idParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
