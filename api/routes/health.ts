import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { health } from '../contracts/health';
import { json, router } from './kit';


export function healthRoutes(database: Database, clock: Clock) {
  return router().openapi(
    createRoute({ method: 'get', path: '/health', tags: ['system'], responses: { 200: json(health, 'The server is up and its database answers') } }),
    async (c) => {
      await database.db.run(sql`select 1`);
      return c.json({ ok: true, now: clock().toISOString(), database: database.isLocalFile ? ('file' as const) : ('server' as const), writes: database.writeCounts() }, 200);
    },
  );
}
