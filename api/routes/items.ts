import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import type { Clock } from '../clock';
import type { ItemKindName } from '../contracts/board';
import { idParam } from '../contracts/common';
import { historyEntry, itemDetail, transitionRequest } from '../contracts/items';
import { viewerOf } from '../middleware/viewer';
import { readItem } from '../services/item-card';
import { moveItem } from '../services/move-item';
import { json, problems, router } from './kit';

/** The routes of one kind of item, mounted at /clues and /problems. */
export function itemRoutes(kind: ItemKindName, database: Database, clock: Clock) {
  const base = kind === 'clue' ? '/clues' : '/problems';
  const tag = kind === 'clue' ? 'clues' : 'problems';
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: `${base}/{id}`,
        tags: [tag],
        request: { params: idParam },
        responses: { 200: json(itemDetail, 'The item with its context and the moves you may make'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        return c.json(await readItem(database.db, kind, c.req.valid('param').id, viewer.actor, clock()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: `${base}/{id}/history`,
        tags: [tag],
        request: { params: idParam },
        responses: { 200: json(z.array(historyEntry), 'Every audit entry of the item, oldest first'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        // Reading the item first applies the scope check.
        await readItem(database.db, kind, id, viewer.actor, clock());
        const rows = await database.db
          .select({
            seq: auditLog.seq,
            at: auditLog.at,
            actorId: auditLog.actorId,
            actorName: users.displayName,
            event: auditLog.event,
            fromState: auditLog.fromState,
            toState: auditLog.toState,
            version: auditLog.version,
            payload: auditLog.payload,
          })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorId))
          .where(and(eq(auditLog.subject, kind), eq(auditLog.subjectId, id)))
          .orderBy(asc(auditLog.seq));
        return c.json(rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> })), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/transitions`,
        tags: [tag],
        request: { params: idParam, body: { required: true, content: { 'application/json': { schema: transitionRequest } } } },
        responses: {
          200: json(itemDetail, 'Moved; the item as it is now'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const body = c.req.valid('json');
        return c.json(await moveItem(database, kind, c.req.valid('param').id, viewer.actor, body, clock()), 200);
      },
    );
}
