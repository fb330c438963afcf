import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddressOf } from '../auth/client-address';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { decoyHash, verifyPassword } from '../auth/password';
import { LoginThrottle, addressKey, tooManyGuesses, usernameKey, waitForCheckingMs } from '../auth/login-throttle';
import { endSession, sessionCookie, sessionLifetimeMs, startSession, type SessionPolicy } from '../auth/sessions';
import type { UnitNode } from '../auth/unit-scope';
import type { Clock } from '../clock';
import type { SessionUser } from '../context';
import { loginRequest, me, signedInUser, type Me } from '../contracts/session';
import { ApiError } from '../errors';
import { actorOf } from '../middleware/viewer';
import { json, problems, router } from './kit';

const badLogin = new ApiError('unauthenticated', { reason: { zh: '用户名或密码错误', en: 'Wrong username or password' } });
const accountDisabled = new ApiError('unauthenticated', { reason: { zh: '该账号已停用，请联系系统管理员', en: 'This account is disabled; ask your administrator' } });

/** A screen left signed in for days in a command centre must not be able to change anything. */
const displayOnlyReadOnly = { zh: '只有只读账号（观察员）可以在大屏上长期保持登录', en: 'Only a read-only (viewer) account may stay signed in on a wall display' };
const displayNotReadOnly = new ApiError('payload_invalid', { reason: displayOnlyReadOnly, fields: [{ field: 'display', message: displayOnlyReadOnly }] });

function meOf(user: SessionUser, tree: readonly UnitNode[]): Me {
  return { ...user, unitScope: [...actorOf(user, tree).unitScope] };
}

function clientAddress(c: Parameters<typeof getConnInfo>[0], trusted: ReadonlySet<string>): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    // In-process requests (tests) have no socket.
    return 'local';
  }
  return clientAddressOf(remote, c.req.header('x-forwarded-for'), trusted);
}

export function sessionRoutes(database: Database, clock: Clock, policy: SessionPolicy & { secureCookies: boolean; trustedProxies?: readonly string[] }, unitTree: () => Promise<readonly UnitNode[]>) {
  const throttle = new LoginThrottle(database);
  const trusted = new Set(policy.trustedProxies ?? []);
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/session',
        tags: ['session'],
        request: { body: { required: true, content: { 'application/json': { schema: loginRequest } } } },
        responses: { 200: json(me, 'Signed in; the session cookie is set'), ...problems(400, 401, 422, 429) },
      }),
      async (c) => {
        const { username, password, display = false } = c.req.valid('json');
        const now = clock();
        const address = clientAddress(c, trusted);
        const refused = (outcome: 'login_failed' | 'login_throttled' | 'login_disabled') => {
          c.set('outcome', outcome);
          c.set('signIn', { username, address });
        };
        // Counted before the password is checked, so that guesses sent at once cannot all be checked.
        const admission = await throttle.admit(usernameKey(username), addressKey(address), now, { waitMs: waitForCheckingMs });
        if (!admission.admitted) {
          // Logged apart from a wrong password: this guess was never checked.
          refused('login_throttled');
          throw tooManyGuesses(admission.retryAfterSeconds);
        }
        const [row] = await database.db.select().from(users).where(eq(users.username, username)).limit(1);
        // The same scrypt work whether or not the user exists, so timing does not tell.
        const matches = await verifyPassword(password, row?.passwordHash ?? decoyHash);
        if (row === undefined || !matches) {
          // The guess stays counted: it was a failure.
          throttle.failed(admission.attempt);
          refused('login_failed');
          throw badLogin;
        }
        await throttle.succeed(admission.attempt);
        // Checked once the password is right, so that the answer tells a stranger nothing about the account; its owner
        // learns why they cannot sign in (told "wrong password", they would try again and again, or ask for a reset).
        if (row.disabledAt !== null) {
          // The right password: its owner, not a guesser for a ban list to count.
          refused('login_disabled');
          throw accountDisabled;
        }
        if (display && row.role !== 'viewer') throw displayNotReadOnly;
        // A new token at every login: a token planted before login is worthless.
        const previous = getCookie(c, sessionCookie);
        if (previous !== undefined) await endSession(database, previous);
        const { token } = await startSession(database, row.id, now, policy, display);
        // maxAge, not Expires: an absolute date from a frozen demo clock would make browsers drop the cookie at once.
        setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Lax', secure: policy.secureCookies, path: '/', maxAge: sessionLifetimeMs(policy, display) / 1000 });
        const user: SessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId, mustChangePassword: row.mustChangePassword };
        c.set('viewer', { user, actor: actorOf(user, await unitTree()) });
        return c.json(meOf(user, await unitTree()), 200);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/session', tags: ['session'], responses: { 200: json(signedInUser, 'The signed-in user, or null when no one is signed in') } }),
      async (c) => {
        const viewer = c.get('viewer');
        return c.json(viewer === null ? null : meOf(viewer.user, await unitTree()), 200);
      },
    )
    .openapi(
      createRoute({ method: 'delete', path: '/session', tags: ['session'], responses: { 204: { description: 'Signed out' } } }),
      async (c) => {
        const token = getCookie(c, sessionCookie);
        if (token !== undefined) await endSession(database, token);
        deleteCookie(c, sessionCookie, { path: '/' });
        return c.body(null, 204);
      },
    );
}
