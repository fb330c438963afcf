import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import { openDatabase } from '../db/client';
import { demoUsers } from '../db/seed/demo-units';
import { hasCampaign } from '../db/seed/seed-demo';
import { seedDemoCampaign } from './services/demo';
import { createApp } from './app';
import { hashPassword } from './auth/password';
import { fixedClock, systemClock } from './clock';
import { loadEnv } from './env';
import { startBackground } from './services/background';

/**
 * Battlemap's one process: opens (and migrates) the database, seeds the demo
 * campaign on a first start, and serves the API and the built web app on one port.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const clock = env.BATTLEMAP_NOW === undefined ? systemClock : fixedClock(env.BATTLEMAP_NOW);
  const database = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN === undefined ? {} : { authToken: env.DATABASE_AUTH_TOKEN });

  // Production never gets demo data or the demo password; its first start is the administrator's.
  const seeded = env.SEED_DEMO && env.NODE_ENV !== 'production' && !(await hasCampaign(database));
  if (seeded) {
    const started = performance.now();
    await seedDemoCampaign(database, { now: clock(), hashPassword, password: env.DEMO_PASSWORD });
    console.log(`Seeded the demo campaign in ${Math.round(performance.now() - started)} ms.`);
  }

  const app = createApp({
    database,
    clock,
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS, secureCookies: env.SECURE_COOKIES ?? false },
    log: env.LOG_REQUESTS ? (line) => process.stdout.write(`${line}\n`) : null,
    webRoot: resolve(import.meta.dirname, '../dist/web'),
  });

  const background = startBackground(database, clock, {
    sweepSeconds: env.SWEEP_INTERVAL_SECONDS,
    webhookSeconds: env.WEBHOOK_INTERVAL_SECONDS,
    log: (line) => process.stdout.write(`${line}\n`),
  });

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
    console.log(`Battlemap is serving at http://${host}:${info.port}  (database ${env.DATABASE_URL})`);
    if (env.NODE_ENV !== 'production') {
      const leads = demoUsers.filter((u) => u.role === 'lead').map((u) => u.username);
      console.log(`Demo logins (password "${env.DEMO_PASSWORD}"): admin, office, viewer, and for each unit <unit>.lead / <unit>.officer`);
      console.log(`  units: ${leads.map((u) => u.replace(/\.lead$/, '')).join(', ')}`);
    }
    console.log('Press Ctrl-C to stop.');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping; finishing requests in flight.`);
    // Stop accepting, let requests in flight (and their writes) finish, then close the database.
    app.stop();
    background.stop();
    server.close(() => {
      database.close();
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    // Event streams never end on their own: give other requests a moment, then close every connection.
    setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 1000).unref();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
