import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The HTTP floor: one empty JSON route on the same stack as Battlemap's
 * server (Hono on @hono/node-server, its own Node process), so the bench can
 * tell what the framework and the loopback cost before any work is done.
 */
const app = new Hono().get('/api/floor', (c) => c.json({ ok: true }));

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`floor serving at http://127.0.0.1:${info.port}`);
});
