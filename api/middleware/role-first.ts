import { createMiddleware } from 'hono/factory';
import { movesItems } from '../../engine/actor';
import { adminOf } from '../auth/admin';
import { ApiError } from '../errors';
import type { AppEnv } from '../context';
import { assertOffice } from '../services/campaign-admin';
import { viewerOf } from './viewer';

/**
 * The role a group of routes is for, checked before the shape of their
 * request: one who may not use them is told so (403), not which fields a
 * request of theirs would need (a 400 naming each, answered before the
 * route's own role check ever ran). Nothing was changed either way; this
 * says no more than it must.
 */
export const adminFirst = createMiddleware<AppEnv>(async (c, next) => {
  adminOf(c);
  await next();
});

/** The campaign office's settings, the same way (see adminFirst). */
export const officeFirst = createMiddleware<AppEnv>(async (c, next) => {
  assertOffice(viewerOf(c).actor);
  await next();
});

/**
 * The case work (clues, problems, their batches and imports), the same way:
 * the administrator and the viewer only read it, so any change of theirs is
 * refused for their role before its shape is judged (a viewer's typical
 * case was answered "this move is not allowed", an assignee "invalid").
 */
export const workFirst = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !movesItems(viewerOf(c).actor.role)) {
    throw new ApiError('role_forbidden', { reason: { zh: '系统管理员和观察员只能查看，不能办理事项', en: 'Administrators and viewers read the case work; they do not change it' } });
  }
  await next();
});
