import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Label } from '../../engine/labels';
import type { Clock } from '../clock';
import { health } from '../contracts/health';
import { json, router } from './kit';

/** What health says while writes fail for a full disk, with SQLite's or the system's own words for it. */
const diskFullReason = (said: string): Label => ({
  zh: `服务器磁盘已满，写入失败（${said}）：请释放磁盘空间，之后的写入即恢复正常`,
  en: `The server's disk is full: writes fail (${said}). Free space on the disk; writes then succeed again`,
});

export function healthRoutes(database: Database, clock: Clock) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['system'],
      responses: {
        200: json(health, 'The server is up, its database answers and its writes succeed'),
        503: json(health, "The server's disk is full: a write failed for it and none has succeeded since (`status` disk_full)"),
      },
    }),
    async (c) => {
      await database.db.run(sql`select 1`);
      const answer = { now: clock().toISOString(), database: database.isLocalFile ? ('file' as const) : ('server' as const), writes: database.writeCounts() };
      const diskFull = database.diskFull();
      if (diskFull !== null) return c.json({ ok: false, status: 'disk_full' as const, reason: diskFullReason(diskFull), ...answer }, 503);
      return c.json({ ok: true, status: 'ok' as const, reason: null, ...answer }, 200);
    },
  );
}
