import { z } from 'zod';
import { label } from './common';

/** What GET /api/health answers: the server is up, its database answers, whether it can write, and how its writes are being committed. */
export const health = z
  .object({
    ok: z.boolean(),
    status: z
      .enum(['ok', 'disk_full'])
      .describe("'disk_full' (with 503) from the moment a write failed because the server's disk is full until a write succeeds again: reads are answered, writes are refused 507 `disk_full`"),
    reason: label.nullable().describe('Why the server is not ok and what to do, in both languages; null when it is'),
    now: z.string(),
    database: z.enum(['file', 'server']),
    writes: z
      .object({
        transactions: z.number().int(),
        jobs: z.number().int(),
        worker: z
          .enum(['working', 'failed', 'none'])
          .describe("Where moves commit: on the write worker's thread ('working'); on the main thread because the worker failed ('failed', its error is in the log) or because there is none (a libSQL server)"),
      })
      .describe('Write transactions this process has run since it started, and the writes they held: under load, jobs ÷ transactions is how many writes one commit carries'),
  })
  .meta({ id: 'Health' });

export type Health = z.infer<typeof health>;
