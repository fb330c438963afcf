import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { idParam } from '../contracts/common';
import { acknowledgeRequest, escalation, escalationList, escalationsQuery } from '../contracts/escalations';
import { viewerOf } from '../middleware/viewer';
import { acknowledgeEscalation, readEscalations } from '../services/escalation-inbox';
import { json, problems, router } from './kit';

export function escalationRoutes(database: Database, clock: Clock) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/escalations',
        tags: ['escalations'],
        request: { query: escalationsQuery },
        responses: { 200: json(escalationList, 'Escalations raised to you (or in your units), highest rung first, with counts'), ...problems(400, 401) },
      }),
      async (c) => c.json(await readEscalations(database.db, viewerOf(c).actor, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/escalations/{id}/acknowledge',
        tags: ['escalations'],
        request: { params: idParam, body: { required: true, content: { 'application/json': { schema: acknowledgeRequest } } } },
        responses: { 200: json(escalation, 'Acknowledged'), ...problems(400, 401, 403, 404, 409, 422) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        return c.json(await acknowledgeEscalation(database, c.req.valid('param').id, viewer.actor, c.req.valid('json').note, clock()), 200);
      },
    );
}
