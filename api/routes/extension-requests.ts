import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { idParam } from '../contracts/common';
import { extensionRequestList, extensionRequestsQuery } from '../contracts/extension-requests';
import { viewerOf } from '../middleware/viewer';
import { readExtensionRequests } from '../services/extension-requests';
import { json, problems, router } from './kit';

/** The requests for more time waiting in a campaign: what a lead or the office has to answer (their inbox's tab and badge). */
export function extensionRequestRoutes(database: Database, clock: Clock) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{id}/extension-requests',
      tags: ['clues', 'problems'],
      request: { params: idParam, query: extensionRequestsQuery },
      responses: {
        200: json(extensionRequestList, 'The requests for more time waiting, the oldest first: those the viewer may answer (a lead, the office), or asked (an officer); and the viewer\'s own answered lately'),
        ...problems(400, 401, 404),
      },
    }),
    async (c) => {
      const actor = viewerOf(c).actor;
      return c.json(await readExtensionRequests(database.db, c.req.valid('param').id, actor, c.req.valid('query').limit, clock()), 200);
    },
  );
}
