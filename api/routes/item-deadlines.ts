import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import type { ItemKindName } from '../contracts/board';
import { idempotencyHeader, idParam } from '../contracts/common';
import { extendRequest, extensionAskRequest, extensionDeclineRequest, itemDetail } from '../contracts/items';
import { viewerOf } from '../middleware/viewer';
import { applyRequests } from '../services/move-item';
import { itemRetry, replayed } from './item-retries';
import { json, problems, router } from './kit';

/**
 * An item's deadline (延期), mounted at /clues and /problems: a lead or the
 * office extends it; whoever works the item asks for that, and a lead or
 * the office declines the request (granting it is an extension). Each is an
 * engine decision on the version the user saw, with its audit entry.
 */
export function itemDeadlineRoutes(kind: ItemKindName, database: Database, clock: Clock) {
  const base = kind === 'clue' ? '/clues' : '/problems';
  const tags = [kind === 'clue' ? 'clues' : 'problems'];
  const refusals = problems(400, 401, 403, 404, 409, 413, 415, 422);
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/extend`,
        tags,
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: extendRequest } } } },
        responses: { 200: json(itemDetail, 'Extended; the item keeps its state, due at the end of the day given'), ...refusals },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewerOf(c).actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        const { version, until, reason, answering } = body;
        const moves = [{ event: `${kind}.extend`, payload: { until, reason, ...(answering !== undefined && { answering }) } }];
        return c.json(await applyRequests(database, kind, c.req.valid('param').id, viewerOf(c).actor, version, moves, clock(), once), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/extension-request`,
        tags,
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: extensionAskRequest } } } },
        responses: { 200: json(itemDetail, 'Asked; the request waits on the item until a lead or the office answers it'), ...refusals },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewerOf(c).actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        const { version, until, reason } = body;
        const moves = [{ event: `${kind}.requestExtension`, payload: { until, reason } }];
        return c.json(await applyRequests(database, kind, c.req.valid('param').id, viewerOf(c).actor, version, moves, clock(), once), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/extension-request/decline`,
        tags,
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: extensionDeclineRequest } } } },
        responses: { 200: json(itemDetail, 'Declined; the deadline stands'), ...refusals },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewerOf(c).actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        const { version, reason } = body;
        const moves = [{ event: `${kind}.declineExtension`, payload: { reason } }];
        return c.json(await applyRequests(database, kind, c.req.valid('param').id, viewerOf(c).actor, version, moves, clock(), once), 200);
      },
    );
}
