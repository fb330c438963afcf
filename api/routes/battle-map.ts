import { createHash } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { battleMap, type BattleMap } from '../contracts/battle-map';
import { idParam } from '../contracts/common';
import { ApiError } from '../errors';
import { viewerOf } from '../middleware/viewer';
import { auditStamp } from '../../db/audit/head';
import { readBattleMap } from '../services/battle-map';
import { storedMap } from '../services/campaign-map-store';
import { minuteOf, SharedAnswers } from '../services/shared-answers';
import { json, problems, router } from './kit';

const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.record(z.string(), z.unknown())) }).loose().meta({ id: 'FeatureCollection' });

/** The battle map (挂图作战): figures for the wall chart, and the campaign's own map. */
export function battleMapRoutes(database: Database, clock: Clock) {
  // Every wall screen and open battle map redraws after the same change: one count serves them all.
  const shared = new SharedAnswers<BattleMap>();
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/battle-map',
        tags: ['battle map'],
        request: { params: idParam },
        responses: { 200: json(battleMap, 'Per-unit measures, the unit × category grid, the phase timeline and targets'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        viewerOf(c);
        const { id } = c.req.valid('param');
        const now = clock();
        // What is overdue moves with the clock, so the minute is part of the state the figures are of.
        const state = `${await auditStamp(database.db)}@${minuteOf(now)}`;
        return c.json(await shared.answer(String(id), state, () => readBattleMap(database.db, id, now)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/map',
        tags: ['battle map'],
        request: { params: idParam },
        responses: {
          200: { description: 'The campaign map as GeoJSON; units link to its features by id', content: { 'application/geo+json': { schema: featureCollection } } },
          304: { description: 'Unchanged since the ETag sent in If-None-Match' },
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        viewerOf(c);
        const map = await storedMap(database.db, c.req.valid('param').id);
        if (map === null) throw new ApiError('not_found');
        // The map is large and rarely changes, but the office may upload a new one at any time:
        // the browser keeps it and asks each time whether it is still the same (304 when it is).
        const tag = `"${createHash('sha256').update(map).digest('base64url')}"`;
        c.header('ETag', tag);
        c.header('Cache-Control', 'private, no-cache');
        if (c.req.header('If-None-Match') === tag) return c.body(null, 304);
        const response = c.json(JSON.parse(map) as z.infer<typeof featureCollection>, 200);
        response.headers.set('Content-Type', 'application/geo+json; charset=utf-8');
        return response;
      },
    );
}
