import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { json, router } from './kit';

const health = z
  .object({
    ok: z.boolean(),
    now: z.string(),
    database: z.enum(['file', 'server']),
    writes: z
      .object({ transactions: z.number().int(), jobs: z.number().int() })
      .describe('Write transactions this process has run since it started, and the writes they held: under load, jobs ÷ transactions is how many writes one commit carries'),
  })
  .meta({ id: 'Health' });

export function healthRoutes(database: Database, clock: Clock) {
  return router().openapi(
    createRoute({ method: 'get', path: '/health', tags: ['system'], responses: { 200: json(health, 'The server is up and its database answers') } }),
    async (c) => {
      await database.db.run(sql`select 1`);
      return c.json({ ok: true, now: clock().toISOString(), database: database.isLocalFile ? ('file' as const) : ('server' as const), writes: database.writeCounts() }, 200);
    },
  );
}
