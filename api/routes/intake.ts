import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import { idParam } from '../contracts/common';
import { duplicatesAnswer, duplicatesRequest } from '../contracts/intake';
import { viewerOf } from '../middleware/viewer';
import { findDuplicates } from '../services/duplicates';
import { readItem } from '../services/item-card';
import type { Clock } from '../clock';
import { json, problems, router } from './kit';

/** Clue intake: duplicate detection on create and for an existing clue. */
export function intakeRoutes(database: Database, clock: Clock) {
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns/{id}/duplicates',
        tags: ['intake'],
        request: { params: idParam, body: { required: true, content: { 'application/json': { schema: duplicatesRequest } } } },
        responses: { 200: json(duplicatesAnswer, 'The identifiers in the text and the clues of the campaign (any unit) that share one'), ...problems(400, 401) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        return c.json(await findDuplicates(database.db, c.req.valid('param').id, c.req.valid('json').text, viewer.actor), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/clues/{id}/duplicates',
        tags: ['intake'],
        request: { params: idParam },
        responses: { 200: json(duplicatesAnswer, 'Other clues that share an identifier with this one'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        const clue = await readItem(database.db, 'clue', id, viewer.actor, clock());
        const context = clue.context as { title?: string; description?: string };
        return c.json(await findDuplicates(database.db, clue.campaignId, `${context.title ?? ''}\n${context.description ?? ''}`, viewer.actor, id), 200);
      },
    );
}
