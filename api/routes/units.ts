import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { adminOf } from '../auth/admin';
import type { Clock } from '../clock';
import { newUnit, unitEdit, unitNode, unitParam } from '../contracts/users';
import { createUnit, deleteUnit, editUnit, listUnitTree } from '../services/people/units-admin';
import { json, problems, router } from './kit';

const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } }) as const;

/** The administrator's unit tree: create, edit, move (no cycles), set leads, retire, and delete only what never held anything. */
export function unitAdminRoutes(database: Database, clock: Clock) {
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/admin/units', tags: ['people'], responses: { 200: json(z.array(unitNode), 'The unit tree with leads and what each holds'), ...problems(401, 403) } }),
      async (c) => {
        adminOf(c);
        return c.json(await listUnitTree(database.db), 200);
      },
    )
    .openapi(
      createRoute({ method: 'post', path: '/admin/units', tags: ['people'], request: body(newUnit), responses: { 201: json(unitNode, 'Created'), ...problems(400, 401, 403) } }),
      async (c) => {
        const viewer = adminOf(c);
        return c.json(await createUnit(database, c.req.valid('json'), { by: viewer.user.id, now: clock() }), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/admin/units/{id}',
        tags: ['people'],
        request: { params: unitParam, ...body(unitEdit) },
        responses: { 200: json(unitNode, 'Edited (or moved, retired, given new leads)'), ...problems(400, 401, 403, 404) },
      }),
      async (c) => {
        const viewer = adminOf(c);
        return c.json(await editUnit(database, c.req.valid('param').id, c.req.valid('json'), { by: viewer.user.id, now: clock() }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/admin/units/{id}',
        tags: ['people'],
        request: { params: unitParam },
        responses: { 204: { description: 'Deleted (it never held anything)' }, ...problems(400, 401, 403, 404, 422) },
      }),
      async (c) => {
        const viewer = adminOf(c);
        await deleteUnit(database, c.req.valid('param').id, { by: viewer.user.id, now: clock() });
        return c.body(null, 204);
      },
    );
}
