import { createRoute } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { campaigns, categories, units } from '../../db/schema';
import { campaignOverdue, phases } from '../../engine';
import type { UnitNode } from '../auth/unit-scope';
import type { Clock } from '../clock';
import { board, boardQuery } from '../contracts/board';
import { campaignDetail, campaignSummary } from '../contracts/campaign';
import { idParam } from '../contracts/common';
import { viewerOf } from '../middleware/viewer';
import { readBoard } from '../services/board';
import { loadCampaign } from '../services/campaign-rules';
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
        responses: { 200: json(z.array(campaignSummary), 'Every campaign, newest first'), ...problems(401) },
      }),
      async (c) => {
        viewerOf(c);
        return c.json(await db.select(summaryColumns).from(campaigns).orderBy(asc(campaigns.startsOn)), 200);
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
        const campaign = await loadCampaign(db, id);
        const [unitRows, categoryRows] = await Promise.all([
          db.select({ id: units.id, parentId: units.parentId, kind: units.kind, nameZh: units.nameZh, nameEn: units.nameEn, mapFeatureId: units.mapFeatureId }).from(units).orderBy(asc(units.sortOrder)),
          db.select().from(categories).where(eq(categories.campaignId, id)).orderBy(asc(categories.sortOrder)),
        ]);
        const { config } = campaign;
        return c.json(
          {
            id: campaign.id,
            code: campaign.code,
            nameZh: campaign.nameZh,
            nameEn: campaign.nameEn,
            state: campaign.state,
            startsOn: campaign.startsOn,
            endsOn: campaign.endsOn,
            timeZone: config.timeZone,
            windows: config.windows,
            phaseEnteredAt: Object.fromEntries(Object.entries(campaign.context.phaseEnteredAt).filter((e): e is [string, string] => e[1] !== undefined)),
            overdue: campaignOverdue(campaign.state, config, clock()),
            phases: [...phases],
            units: unitRows,
            categories: categoryRows.map((row) => ({ id: row.id, code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, sortOrder: row.sortOrder, retired: row.retiredAt !== null })),
          },
          200,
        );
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
    );
}
