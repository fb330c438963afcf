import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { batchRequest, batchResult } from '../contracts/batch';
import { idParam } from '../contracts/common';
import { viewerOf } from '../middleware/viewer';
import { applyBatch } from '../services/batch-changes';
import { json, problems, router } from './kit';

/** One change made to many clues or problems of a campaign at once (批量处理): the lists' selection. */
export function batchRoutes(database: Database, clock: Clock) {
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{id}/batch',
      tags: ['clues', 'problems'],
      request: { params: idParam, body: { required: true, content: { 'application/json': { schema: batchRequest } } } },
      responses: {
        200: json(
          batchResult,
          'Each item decided on its own, as its own request would be: those changed, and those left as they were with the problem their own request would have been answered with (a version changed meanwhile, a move the engine refuses, an item not in your units). A retry is safe: an item already changed is refused for its version',
        ),
        ...problems(400, 401, 404, 413, 415),
      },
    }),
    async (c) => {
      const actor = viewerOf(c).actor;
      return c.json(await applyBatch(database, c.req.valid('param').id, actor, c.req.valid('json'), clock()), 200);
    },
  );
}
