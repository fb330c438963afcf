import { createRoute } from '@hono/zod-openapi';
import { desc } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { campaigns } from '../../db/schema';
import type { UnitNode } from '../auth/unit-scope';
import type { Clock } from '../clock';
import { board, boardQuery } from '../contracts/board';
import { advanceRequest, campaignDetail, campaignSummary } from '../contracts/campaign';
import { idParam } from '../contracts/common';
import { viewerOf } from '../middleware/viewer';
import { readBoard } from '../services/board';
import { advanceCampaign, readCampaignDetail } from '../services/campaign-detail';
import { json, problems, router } from './kit';

const summaryColumns = {
  id: campaigns.id,
  code: campaigns.code,
  nameZh: campaigns.nameZh,
  nameEn: campaigns.nameEn,
  state: campaigns.state,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
};

export function campaignRoutes(database: Database, clock: Clock, unitTree: () => Promise<readonly UnitNode[]>) {
  const { db } = database;
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns',
        tags: ['campaigns'],
        responses: { 200: json(z.array(campaignSummary), 'Every campaign, the latest to start first'), ...problems(401) },
      }),
      async (c) => {
        viewerOf(c);
        return c.json(await db.select(summaryColumns).from(campaigns).orderBy(desc(campaigns.startsOn), desc(campaigns.id)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}',
        tags: ['campaigns'],
        request: { params: idParam },
        responses: { 200: json(campaignDetail, 'The campaign with its phase, windows, units and categories'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        viewerOf(c);
        const { id } = c.req.valid('param');
        return c.json(await readCampaignDetail(db, id, clock()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/board',
        tags: ['board'],
        request: { params: idParam, query: boardQuery },
        responses: { 200: json(board, 'Columns with counts, the first page of cards of each, and the moves you may make on each card'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        return c.json(await readBoard(db, id, viewer.actor, c.req.valid('query'), clock(), await unitTree()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns/{id}/advance',
        tags: ['campaigns'],
        request: { params: idParam, body: { required: true, content: { 'application/json': { schema: advanceRequest } } } },
        responses: {
          200: json(campaignDetail, 'Advanced to the next phase'),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        return c.json(await advanceCampaign(database, id, viewer.actor, c.req.valid('json'), clock()), 200);
      },
    );
}
