import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { METHOD_NAME_ALL } from 'hono/router';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';

/**
 * Answers 404 to a request that no route of the API answers, before any
 * check of its body or its origin: there is no such resource, so a form
 * posted to a mistyped path is told so (it used to be told 415, its content
 * type, as if the path were right). Middleware and the API's last resort
 * (`/api/*`) are registered for every method, each route for its own, so a
 * request is a route's when a route of the API (not the web app's `GET *`)
 * of its method matched its path.
 */
export const unknownRoutes = createMiddleware<AppEnv>(async (c, next) => {
  if (!matchedRoutes(c).some((route) => route.method !== METHOD_NAME_ALL && route.path.startsWith('/api/'))) throw new ApiError('not_found');
  return next();
});
