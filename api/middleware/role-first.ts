import { createMiddleware } from 'hono/factory';
import { adminOf } from '../auth/admin';
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
