import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { relative, resolve } from 'node:path';
import type { AppEnv } from '../context';

/** Built files carry a content hash in their name: a new build never reuses a name, so they never go stale. */
const hashedFiles = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app from `webRoot`: the hashed files under /assets
 * cached for good, each file as the brotli or gzip copy the build wrote
 * beside it when the browser takes one, and every other path the
 * single-page app's index.html, which is checked again on every load so a
 * new build is seen at once.
 */
export function serveWebApp(app: Hono<AppEnv>, webRoot: string): void {
  const root = relative(process.cwd(), resolve(webRoot)) || '.';
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.ok) return;
    // index.html answers for any path, a missing asset's too: it is never the one to keep.
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) c.res.headers.set('Cache-Control', 'no-cache');
    else if (c.req.path.startsWith('/assets/')) c.res.headers.set('Cache-Control', hashedFiles);
  });
  app.use('*', serveStatic({ root, precompressed: true }));
  // A built file that is not there (a page open since before a new build asks for its old chunks) is a 404, not the
  // page's HTML under 200: the browser then says the chunk failed to load, and the page loads the new build.
  app.get('/assets/*', (c) => c.text('Not found', 404));
  // Every other path is a page of the single-page app.
  app.get('*', serveStatic({ root, path: 'index.html', precompressed: true }));
}
