import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import type { ItemKindName } from '../contracts/board';
import { attachedFileInfo, attachmentParams, inlineImageTypes, attachmentReadQuery, attachmentUploadQuery, detachRequest } from '../contracts/attachments';
import { idempotencyHeader, idParam } from '../contracts/common';
import { itemDetail, type ItemDetail } from '../contracts/items';
import { viewerOf } from '../middleware/viewer';
import { attachFile, detachFile, formUpload, listFiles, mediaTypeOf, readFile, sentFile, uploadFingerprint } from '../services/attachments';
import { keptAnswer, onceOf } from '../services/idempotency';
import { json, problems, router } from './kit';

/** RFC 6266: an ASCII name for old clients and the name itself, UTF-8, for the rest. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The files of one kind of item: upload, list, open, remove. Mounted beside the item routes. */
export function attachmentRoutes(kind: ItemKindName, database: Database, clock: Clock) {
  const base = kind === 'clue' ? '/clues' : '/problems';
  const tag = kind === 'clue' ? 'clues' : 'problems';
  const routes = router();
  // A form's upload is said as one before its query is checked: sent with no ?name= (as a form is), it was told the
  // name was missing instead of how to send a file.
  routes.use(`${base}/:id/attachments`, async (c, next) => {
    if (c.req.method === 'POST' && mediaTypeOf(c.req.header('content-type')).startsWith('multipart/')) throw formUpload;
    await next();
  });
  return routes
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/attachments`,
        tags: [tag],
        description: `Attaches the body, a file of any type up to 20 MiB, under the name in \`name\`; its Content-Type is kept as the file's type.`,
        request: {
          params: idParam,
          query: attachmentUploadQuery,
          headers: idempotencyHeader,
          body: { required: true, content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
        },
        responses: { 201: json(itemDetail, 'Attached; the item as it is now, its history naming the file and its SHA-256'), ...problems(400, 401, 403, 404, 413, 415, 422, 507) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const file = sentFile(c.req.valid('query').name, c.req.header('content-type'), new Uint8Array(await c.req.arrayBuffer()));
        const once = onceOf(viewer.actor.userId, c.req.valid('header')['idempotency-key'], 'POST', c.req.path, uploadFingerprint(file));
        const kept = await keptAnswer(database.db, once);
        if (kept !== null) return c.json(kept.answer as ItemDetail, 201, { 'Idempotent-Replayed': 'true' });
        return c.json(await attachFile(database, kind, c.req.valid('param').id, viewer.actor, file, clock(), once), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: `${base}/{id}/attachments`,
        tags: [tag],
        request: { params: idParam },
        responses: { 200: json(z.array(attachedFileInfo), 'The files attached now, oldest first'), ...problems(400, 401, 404) },
      }),
      async (c) => c.json(await listFiles(database.db, kind, c.req.valid('param').id, viewerOf(c).actor, clock()), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: `${base}/{id}/attachments/{attachmentId}`,
        tags: [tag],
        request: { params: attachmentParams, query: attachmentReadQuery },
        responses: {
          200: { description: 'The file, attached now or removed since; downloaded, or shown in place when `inline=1` and it is a PNG, JPEG, GIF or WebP image', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const { id, attachmentId } = c.req.valid('param');
        const file = await readFile(database.db, kind, id, attachmentId, viewerOf(c).actor, clock());
        const inline = c.req.valid('query').inline === '1' && inlineImageTypes.has(file.mediaType);
        return c.body(new Uint8Array(file.content), 200, {
          'Content-Type': inline ? file.mediaType : 'application/octet-stream',
          'Content-Disposition': disposition(inline ? 'inline' : 'attachment', file.name),
          // The bytes of an id never change; who may read them can (a transfer), so only this browser keeps them, briefly.
          'Cache-Control': 'private, max-age=300',
          ETag: `"${file.sha256}"`,
          // Opened directly, a file is a document of this origin: it may run nothing and load nothing.
          'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        });
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `${base}/{id}/attachments/{attachmentId}/remove`,
        tags: [tag],
        request: { params: attachmentParams, body: { required: true, content: { 'application/json': { schema: detachRequest } } } },
        responses: { 200: json(itemDetail, 'Removed from the item with the reason; the file stays stored and its history entries still open it'), ...problems(400, 401, 403, 404, 413, 415, 422) },
      }),
      async (c) => {
        const { id, attachmentId } = c.req.valid('param');
        return c.json(await detachFile(database, kind, id, attachmentId, viewerOf(c).actor, c.req.valid('json').reason, clock()), 200);
      },
    );
}
