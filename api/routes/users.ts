import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { units, users } from '../../db/schema';
import { unit } from '../contracts/campaign';
import { userSummary, usersQuery } from '../contracts/users';
import { viewerOf } from '../middleware/viewer';
import { json, problems, router } from './kit';

/** The directory for pickers: units, and active users by unit (only people who can be assigned work). */
export function userRoutes(database: Database) {
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/units', tags: ['users'], responses: { 200: json(z.array(unit), 'Every unit, in tree order'), ...problems(401) } }),
      async (c) => {
        viewerOf(c);
        const rows = await database.db
          .select({ id: units.id, parentId: units.parentId, kind: units.kind, nameZh: units.nameZh, nameEn: units.nameEn, mapFeatureId: units.mapFeatureId })
          .from(units)
          .orderBy(asc(units.sortOrder));
        return c.json(rows, 200);
      },
    )
    .openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['users'],
      request: { query: usersQuery },
      responses: { 200: json(z.array(userSummary), 'Active officers, leads and office staff, optionally of one unit'), ...problems(400, 401) },
    }),
    async (c) => {
      viewerOf(c);
      const { unit } = c.req.valid('query');
      const rows = await database.db
        .select({ id: users.id, displayName: users.displayName, username: users.username, unitId: users.unitId, role: users.role })
        .from(users)
        .where(and(isNull(users.disabledAt), inArray(users.role, ['office', 'lead', 'officer']), unit === undefined ? undefined : eq(users.unitId, unit)))
        .orderBy(asc(users.unitId), asc(users.id));
      return c.json(rows, 200);
    },
  );
}
