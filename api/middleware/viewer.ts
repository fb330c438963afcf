import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Database } from '../../db/client';
import type { Actor } from '../../engine';
import { resumeSession, sessionCookie, type SessionPolicy } from '../auth/sessions';
import { subtreeOf, type UnitNode } from '../auth/unit-scope';
import type { Clock } from '../clock';
import type { AppEnv, SessionUser, Viewer } from '../context';
import { ApiError } from '../errors';

/** The user as the engine sees them: leads and officers act within their unit and the units below it. */
export function actorOf(user: SessionUser, tree: readonly UnitNode[]): Actor {
  return { userId: user.id, role: user.role, unitScope: user.role === 'office' ? [] : subtreeOf(user.unitId, tree) };
}

/**
 * What a user who must change their password (a new account, or one the
 * admin reset) may still do: see who they are, change it, sign out. The
 * password the admin handed over is not theirs to keep using.
 */
const allowedBeforeChange = new Set(['GET /api/session', 'DELETE /api/session', 'POST /api/session/password', 'GET /api/health']);

/** Puts the signed-in user (or null) on the context. */
export function loadViewer(database: Database, clock: Clock, policy: SessionPolicy, unitTree: () => Promise<readonly UnitNode[]>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, sessionCookie);
    if (token !== undefined && token.length > 0 && token.length < 100) {
      const user = await resumeSession(database, token, clock(), policy);
      if (user !== null) {
        if (user.mustChangePassword && !allowedBeforeChange.has(`${c.req.method} ${c.req.path}`)) throw new ApiError('password_change_required');
        c.set('viewer', { user, actor: actorOf(user, await unitTree()) });
      }
    }
    return next();
  });
}

/** The signed-in user, or a 401. */
export function viewerOf(c: { get(key: 'viewer'): Viewer | null }): Viewer {
  const viewer = c.get('viewer');
  if (viewer === null) throw new ApiError('unauthenticated');
  return viewer;
}
