import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import type { ItemKindName } from '../contracts/board';
import { idempotencyHeader, idParam } from '../contracts/common';
import {
  clueEditRequest,
  historyEntry,
  itemDetail,
  newClueRequest,
  newProblemRequest,
  problemEditRequest,
  noteRequest,
  transferRequest,
  transitionRequest,
} from '../contracts/items';
import { viewerOf } from '../middleware/viewer';
import { readItem } from '../services/item-card';
import { readItemHistory } from '../services/item-history';
import { tableOf } from '../services/item-tables';
import { createItem } from '../services/create-item';
import { addNote, applyRequests } from '../services/move-item';
import { moveItem } from '../services/moves-together';
import { itemRetry, replayed } from './item-retries';
import { json, problems, router } from './kit';

/** An item's assignee now (undefined for no such item, which the edit then says as not found). */
async function currentAssignee(db: Database['db'], kind: ItemKindName, id: number): Promise<number | null | undefined> {
  const t = tableOf(kind);
  const [row] = await db.select({ assigneeId: t.assigneeId }).from(t).where(eq(t.id, id)).limit(1);
  return row?.assigneeId;
}

/** The routes of one kind of item, mounted at /clues and /problems. */
export function itemRoutes(kind: ItemKindName, database: Database, clock: Clock) {
  const base = kind === 'clue' ? '/clues' : '/problems';
  const tag = kind === 'clue' ? 'clues' : 'problems';
  const newRequest = kind === 'clue' ? newClueRequest : newProblemRequest;
  const editRequest = kind === 'clue' ? clueEditRequest : problemEditRequest;
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: base,
        tags: [tag],
        request: { headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: newRequest } } } },
        responses: { 201: json(itemDetail, 'Recorded; the new item'), ...problems(400, 401, 403, 404, 413, 415, 422) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 201, replayed);
        return c.json(await createItem(database, kind, body, viewer.actor, clock(), once), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: `${base}/{id}`,
        tags: [tag],
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: editRequest } } } },
        responses: { 200: json(itemDetail, 'Edited; the item as it is now'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'PATCH', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        const { version, assigneeId, ...fields } = body;
        const edits = Object.keys(fields).length > 0;
        // Sent beside an edit, the assignee the item has already is no change (a form that sends every field): left out,
        // where alone it is refused as changing nothing. The version sent still guards the edit against a change meanwhile.
        const sameAssignee = edits && assigneeId !== undefined && (await currentAssignee(database.db, kind, c.req.valid('param').id)) === assigneeId;
        // An edit and an assignee change are separate events, each with its own audit entry.
        const moves = [
          ...(edits ? [{ event: `${kind}.edit`, payload: fields }] : []),
          ...(assigneeId !== undefined && !sameAssignee ? [{ event: `${kind}.assign`, payload: { assigneeId }, field: 'assigneeId' }] : []),
        ];
        return c.json(await applyRequests(database, kind, c.req.valid('param').id, viewer.actor, version, moves, clock(), once), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/transfer`,
        tags: [tag],
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: transferRequest } } } },
        responses: { 200: json(itemDetail, 'Transferred; the item keeps its state'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        const { version, unitId, reason } = body;
        const moves = [{ event: `${kind}.transfer`, payload: { unitId, reason } }];
        return c.json(await applyRequests(database, kind, c.req.valid('param').id, viewer.actor, version, moves, clock(), once), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/notes`,
        tags: [tag],
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: noteRequest } } } },
        responses: { 200: json(itemDetail, 'Noted; the item keeps its state, and its history has the note'), ...problems(400, 401, 403, 404, 413, 415, 422) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        return c.json(await addNote(database, kind, c.req.valid('param').id, viewer.actor, body.text, clock(), once), 200);
      },
    )
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
        responses: { 200: json(z.array(historyEntry), 'Every audit entry of the item and of its escalations, oldest first'), ...problems(400, 401, 404) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { id } = c.req.valid('param');
        // Reading the item first applies the scope check.
        await readItem(database.db, kind, id, viewer.actor, clock());
        return c.json(await readItemHistory(database.db, kind, id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/transitions`,
        tags: [tag],
        request: { params: idParam, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: transitionRequest } } } },
        responses: {
          200: json(itemDetail, 'Moved; the item as it is now'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const body = c.req.valid('json');
        const { once, kept } = await itemRetry(database, viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, body);
        if (kept !== null) return c.json(kept, 200, replayed);
        return c.json(await moveItem(database, kind, c.req.valid('param').id, viewer.actor, body, clock(), once), 200);
      },
    );
}
