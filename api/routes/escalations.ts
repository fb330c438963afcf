import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { idParam } from '../contracts/common';
import { acknowledgeRequest, escalation, escalationList, escalationsQuery } from '../contracts/escalations';
import { queryRefused } from '../errors';
import { viewerOf } from '../middleware/viewer';
import { acknowledgeEscalation, readEscalations } from '../services/escalation-inbox';
import { readItemEscalations } from '../services/item-escalations';
import { json, problems, router } from './kit';

export function escalationRoutes(database: Database, clock: Clock) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/escalations',
        tags: ['escalations'],
        request: { query: escalationsQuery },
        responses: {
          200: json(escalationList, 'Escalations raised to you (or in your units), highest rung first, with counts; with subject and subjectId, those of that one item'),
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const actor = viewerOf(c).actor;
        if ((query.subject === undefined) !== (query.subjectId === undefined)) {
          const missing = query.subject === undefined ? 'subject' : 'subjectId';
          throw queryRefused(missing, { zh: '事项类型（subject）与编号（subjectId）须同时给出', en: 'subject and subjectId go together' });
        }
        if (query.subject !== undefined && query.subjectId !== undefined) {
          return c.json(await readItemEscalations(database.db, actor, query.subject, query.subjectId, query.status), 200);
        }
        return c.json(await readEscalations(database.db, actor, query), 200);
      },
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
