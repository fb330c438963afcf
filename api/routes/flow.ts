import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { idParam } from '../contracts/common';
import { flow, flowQuery } from '../contracts/flow';
import { viewerOf } from '../middleware/viewer';
import { readFlow } from '../services/flow';
import { json, problems, router } from './kit';

/** Cumulative flow and burndown of a phase, for the reports page. Aggregates: every role may read them, as the reports. */
export function flowRoutes(database: Database, clock: Clock) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{id}/flow',
      tags: ['reports'],
      request: { params: idParam, query: flowQuery },
      responses: { 200: json(flow, 'Clues in each state and open clues at the end of each day of the phase window, from the audit log'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      viewerOf(c);
      return c.json(await readFlow(database.db, c.req.valid('param').id, c.req.valid('query').phase, clock()), 200);
    },
  );
}
