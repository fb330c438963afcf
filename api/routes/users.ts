import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { readUnits } from '../services/unit-list';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { adminOf } from '../auth/admin';
import { sessionCookie } from '../auth/sessions';
import type { Clock } from '../clock';
import { unit } from '../contracts/campaign';
import { idParam } from '../contracts/common';
import {
  bulkUsersPlan,
  bulkUsersRequest,
  newUser,
  openSession,
  passwordChange,
  passwordPolicyWire,
  passwordReset,
  passwordResetDone,
  userAccount,
  userEdit,
  userSummary,
  usersQuery,
  peopleLogPage,
  peopleLogQuery,
} from '../contracts/users';
import { viewerOf } from '../middleware/viewer';
import { unitTreeOnce } from '../auth/unit-scope';
import { readScope } from '../services/board';
import { checkUnitInScope } from '../services/filter-checks';
import { changeOwnPassword, createAccount, disableAccount, editAccount, enableAccount, listAccounts, readAccount, resetPassword } from '../services/people/accounts';
import { checkBulkAccounts, commitBulkAccounts } from '../services/people/bulk-accounts';
import { readPasswordPolicy, savePasswordPolicy } from '../services/people/password-policy';
import { readPeopleLog } from '../services/people/people-log';
import { endSessionsOf, openSessions } from '../services/people/sessions-admin';
import { json, problems, router } from './kit';

const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } }) as const;

/**
 * The directory for pickers (units, and active users by unit), the signed-in
 * user's own password change, and the administration of accounts and the
 * password policy (role admin only).
 */
export function userRoutes(database: Database, clock: Clock) {
  return router()
    .openapi(
      createRoute({ method: 'get', path: '/units', tags: ['users'], responses: { 200: json(z.array(unit), 'Every unit, in tree order'), ...problems(401) } }),
      async (c) => {
        viewerOf(c);
        return c.json(await readUnits(database.db), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users',
        tags: ['users'],
        request: { query: usersQuery },
        responses: { 200: json(z.array(userSummary), "Active officers, leads and office staff of the reader's units (everyone's for the office, the administrator and the viewer), optionally of one unit"), ...problems(400, 401) },
      }),
      async (c) => {
        const { actor } = viewerOf(c);
        const { unit } = c.req.valid('query');
        // The pickers of a lead or an officer name the people of their own units, whom their items go to: the bureau's
        // whole roster (every account's username and role) is not theirs to read, and another unit is refused by name.
        const scope = readScope(actor);
        await checkUnitInScope(database.db, await unitTreeOnce(database.db)(), unit, scope);
        const rows = await database.db
          .select({ id: users.id, displayName: users.displayName, username: users.username, unitId: users.unitId, role: users.role })
          .from(users)
          .where(
            and(
              isNull(users.disabledAt),
              inArray(users.role, ['office', 'lead', 'officer']),
              unit === undefined ? undefined : eq(users.unitId, unit),
              scope === null ? undefined : inArray(users.unitId, [...scope]),
            ),
          )
          .orderBy(asc(users.unitId), asc(users.id));
        return c.json(rows, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/session/password',
        tags: ['session'],
        request: body(passwordChange),
        responses: { 204: { description: 'Changed; "must change password" is lifted and the other sessions of the user are ended' }, ...problems(400, 401, 429) },
      }),
      async (c) => {
        const viewer = viewerOf(c);
        const { currentPassword, password } = c.req.valid('json');
        const changer = { id: viewer.user.id, username: viewer.user.username, sessionToken: getCookie(c, sessionCookie) };
        await changeOwnPassword(database, changer, currentPassword, password, clock());
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/admin/users', tags: ['people'], responses: { 200: json(z.array(userAccount), 'Every account, disabled ones included'), ...problems(401, 403) } }),
      async (c) => {
        adminOf(c);
        return c.json(await listAccounts(database.db, clock()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/users',
        tags: ['people'],
        request: body(newUser),
        responses: { 201: json(userAccount, 'Created; the user must change the password at first sign-in'), ...problems(400, 401, 403) },
      }),
      async (c) => {
        const viewer = adminOf(c);
        return c.json(await createAccount(database, c.req.valid('json'), { by: viewer.user.id, now: clock() }), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/users/bulk',
        tags: ['people'],
        request: body(bulkUsersRequest),
        responses: {
          200: json(bulkUsersPlan, 'The check of every row (commit false), or the accounts created (commit true)'),
          ...problems(400, 401, 403, 422),
        },
      }),
      async (c) => {
        const viewer = adminOf(c);
        const { csv, commit } = c.req.valid('json');
        if (!commit) return c.json((await checkBulkAccounts(database, csv)).plan, 200);
        return c.json(await commitBulkAccounts(database, csv, { by: viewer.user.id, now: clock() }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/admin/users/{id}',
        tags: ['people'],
        request: { params: idParam, ...body(userEdit) },
        responses: {
          200: json(userAccount, 'Edited'),
          ...problems(400, 401, 403, 404, 422),
          409: { ...problems(409)[409], description: 'holds_items: the new role or unit would leave the user holding `heldItems` open items they cannot reach; send releaseHeldItems: true to hand them back to their units' },
        },
      }),
      async (c) => {
        const viewer = adminOf(c);
        return c.json(await editAccount(database, c.req.valid('param').id, c.req.valid('json'), { by: viewer.user.id, now: clock() }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/users/{id}/disable',
        tags: ['people'],
        request: { params: idParam },
        responses: { 200: json(userAccount, 'Disabled; every session of the user has ended'), ...problems(400, 401, 403, 404, 422) },
      }),
      async (c) => {
        const viewer = adminOf(c);
        return c.json(await disableAccount(database, c.req.valid('param').id, { by: viewer.user.id, now: clock() }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/users/{id}/enable',
        tags: ['people'],
        request: { params: idParam },
        responses: { 200: json(userAccount, 'Enabled again'), ...problems(400, 401, 403, 404) },
      }),
      async (c) => {
        const viewer = adminOf(c);
        return c.json(await enableAccount(database, c.req.valid('param').id, { by: viewer.user.id, now: clock() }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/users/{id}/password-reset',
        tags: ['people'],
        request: { params: idParam, ...body(passwordReset) },
        responses: {
          200: json(passwordResetDone, 'Reset; the user must change it at next sign-in, and their sessions have ended. A generated password is answered once.'),
          ...problems(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const viewer = adminOf(c);
        return c.json(await resetPassword(database, c.req.valid('param').id, c.req.valid('json').password, { by: viewer.user.id, now: clock() }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/sessions',
        tags: ['people'],
        responses: { 200: json(z.array(openSession), 'Sessions not yet past their absolute expiry, wall displays first'), ...problems(401, 403) },
      }),
      async (c) => {
        adminOf(c);
        return c.json(await openSessions(database.db, clock()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/users/{id}/sessions/end',
        tags: ['people'],
        request: { params: idParam },
        responses: { 200: json(z.object({ ended: z.number().int() }), 'Every session of the user has ended (recorded in the log when there was one)'), ...problems(400, 401, 403, 404) },
      }),
      async (c) => {
        const viewer = adminOf(c);
        return c.json({ ended: await endSessionsOf(database, c.req.valid('param').id, { by: viewer.user.id, now: clock() }) }, 200);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/admin/users/{id}', tags: ['people'], request: { params: idParam }, responses: { 200: json(userAccount, 'One account'), ...problems(400, 401, 403, 404) } }),
      async (c) => {
        adminOf(c);
        return c.json(await readAccount(database.db, c.req.valid('param').id, clock()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/log',
        tags: ['people'],
        request: { query: peopleLogQuery },
        responses: { 200: json(peopleLogPage, 'Administration entries of the audit log, newest first'), ...problems(400, 401, 403) },
      }),
      async (c) => {
        adminOf(c);
        return c.json(await readPeopleLog(database.db, c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/admin/password-policy', tags: ['people'], responses: { 200: json(passwordPolicyWire, 'The policy in force'), ...problems(401, 403) } }),
      async (c) => {
        adminOf(c);
        return c.json(await readPasswordPolicy(database.db), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/admin/password-policy',
        tags: ['people'],
        request: body(passwordPolicyWire),
        responses: { 200: json(passwordPolicyWire, 'Saved; it applies to passwords set from now on'), ...problems(400, 401, 403) },
      }),
      async (c) => {
        const viewer = adminOf(c);
        const policy = c.req.valid('json');
        return c.json(await database.write((tx) => savePasswordPolicy(tx, policy, viewer.user.id, clock())), 200);
      },
    );
}
