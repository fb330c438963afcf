import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';

/**
 * Gives each request an id (echoed as X-Request-Id) and writes one JSON line
 * per request: id, user, method, route, status, milliseconds, what a
 * refused request was refused for, and for a refused sign-in the username
 * tried and the client's address.
 */
export function requestLog(write: ((line: string) => void) | null) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('viewer', null);
    const started = performance.now();
    await next();
    // On the response's own headers: c.header() after the handler turns
    // @hono/node-server's light response into a web Response whose body it
    // must then read back as a stream (4-8 % of the server's time under moves).
    c.res.headers.set('X-Request-Id', requestId);
    if (write === null) return;
    const outcome = c.get('outcome');
    const signIn = c.get('signIn');
    write(
      JSON.stringify({
        at: new Date().toISOString(),
        requestId,
        user: c.get('viewer')?.user.username ?? null,
        method: c.req.method,
        route: c.req.routePath,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(outcome !== undefined && { outcome }),
        ...(signIn !== undefined && { signIn }),
      }),
    );
  });
}
