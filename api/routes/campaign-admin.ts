import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { campaignSettings, categoryChange, categoryParams, mapUpload, newCampaignRequest, newCategoryRequest, settingsChange, webhookTestResult } from '../contracts/campaign-admin';
import { idParam } from '../contracts/common';
import { viewerOf } from '../middleware/viewer';
import { assertOffice, changeSettings, readSettings, removeMap, replaceMap } from '../services/campaign-admin';
import { addCategory, changeCategory } from '../services/campaign-admin-categories';
import { createCampaign } from '../services/campaign-admin-create';
import { testWebhook } from '../services/webhook-test';
import { json, problems, router } from './kit';

const body = <T,>(schema: T) => ({ required: true, content: { 'application/json': { schema } } }) as const;

/**
 * The campaign office's configuration of its campaigns: create one, change
 * its settings, its crime categories and its map. Office only; every change
 * is one audit entry in the transaction that makes it.
 */
export function campaignAdminRoutes(database: Database, clock: Clock) {
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns',
        tags: ['campaign settings'],
        request: { body: body(newCampaignRequest) },
        responses: { 201: json(campaignSettings, 'Created in the planned state, blank or copied from another campaign'), ...problems(400, 401, 403, 422) },
      }),
      async (c) => c.json(await createCampaign(database, viewerOf(c).actor, c.req.valid('json'), clock()), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/settings',
        tags: ['campaign settings'],
        request: { params: idParam },
        responses: { 200: json(campaignSettings, 'The whole configuration, with categories (retired ones too), the map summary and the revision to change it on'), ...problems(400, 401, 403, 404) },
      }),
      async (c) => {
        assertOffice(viewerOf(c).actor);
        return c.json(await readSettings(database.db, c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/campaigns/{id}/settings',
        tags: ['campaign settings'],
        description: 'Each part sent replaces the current one. A changed time limit applies to states entered from now on; due times already set stay.',
        request: { params: idParam, body: body(settingsChange) },
        responses: { 200: json(campaignSettings, 'Changed and recorded in the audit log'), ...problems(400, 401, 403, 404, 409, 422) },
      }),
      async (c) => c.json(await changeSettings(database, c.req.valid('param').id, viewerOf(c).actor, c.req.valid('json'), clock()), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns/{id}/webhook/test',
        tags: ['campaign settings'],
        description: 'Sends a signed `webhook.test` delivery to the campaign\'s webhook now (not queued, kept or retried) and says what the receiver answered.',
        request: { params: idParam },
        responses: { 200: json(webhookTestResult, 'Sent: delivered or not, with the receiver\'s status or why it was not reached'), ...problems(400, 401, 403, 404) },
      }),
      async (c) => c.json(await testWebhook(database.db, c.req.valid('param').id, viewerOf(c).actor, clock()), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns/{id}/categories',
        tags: ['campaign settings'],
        request: { params: idParam, body: body(newCategoryRequest) },
        responses: { 201: json(campaignSettings, 'Added'), ...problems(400, 401, 403, 404, 422) },
      }),
      async (c) => c.json(await addCategory(database, c.req.valid('param').id, viewerOf(c).actor, c.req.valid('json'), clock()), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/campaigns/{id}/categories/{categoryId}',
        tags: ['campaign settings'],
        description: 'Rename, reorder, retire or restore. A retired category leaves the create forms and imports; items keep it.',
        request: { params: categoryParams, body: body(categoryChange) },
        responses: { 200: json(campaignSettings, 'Changed'), ...problems(400, 401, 403, 404, 422) },
      }),
      async (c) => {
        const { id, categoryId } = c.req.valid('param');
        return c.json(await changeCategory(database, id, categoryId, viewerOf(c).actor, c.req.valid('json'), clock()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/campaigns/{id}/map',
        tags: ['campaign settings'],
        description: 'A GeoJSON FeatureCollection (sent as application/json, at most 8 MB) of Polygon and MultiPolygon features, each with a unique id; units link to features by id.',
        request: { params: idParam, body: body(mapUpload) },
        responses: { 200: json(campaignSettings, 'Replaced'), ...problems(400, 401, 403, 404, 413, 422) },
      }),
      async (c) => c.json(await replaceMap(database, c.req.valid('param').id, viewerOf(c).actor, c.req.valid('json'), clock()), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/campaigns/{id}/map',
        tags: ['campaign settings'],
        description: "Removes the campaign's map; the battle map shows its tiles and tables without an outline. Units keep their feature ids.",
        request: { params: idParam },
        responses: { 200: json(campaignSettings, 'Removed (or there was none)'), ...problems(400, 401, 403, 404) },
      }),
      async (c) => c.json(await removeMap(database, c.req.valid('param').id, viewerOf(c).actor, clock()), 200),
    );
}
