import { z } from 'zod';

/** What GET /api/health answers: the server is up, its database answers, and how its writes are being committed. */
export const health = z
  .object({
    ok: z.boolean(),
    now: z.string(),
    database: z.enum(['file', 'server']),
    writes: z
      .object({ transactions: z.number().int(), jobs: z.number().int() })
      .describe('Write transactions this process has run since it started, and the writes they held: under load, jobs ÷ transactions is how many writes one commit carries'),
  })
  .meta({ id: 'Health' });

export type Health = z.infer<typeof health>;
