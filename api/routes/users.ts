import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { userSummary, usersQuery } from '../contracts/users';
import { viewerOf } from '../middleware/viewer';
import { json, problems, router } from './kit';

/** Active users by unit, for the assignee pickers. Only people who can be assigned work are listed. */
export function userRoutes(database: Database) {
  return router().openapi(
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
