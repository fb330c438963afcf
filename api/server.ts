import { serve } from '@hono/node-server';
import { openDatabase } from '../db/client';
import { projectPath } from '../db/project-path';
import { demoUsers } from '../db/seed/demo-units';
import { demoSignInsWork, hasCampaign } from '../db/seed/seed-demo';
import { seedDemoCampaign } from './services/demo';
import { createApp } from './app';
import { hashPassword, verifyPassword } from './auth/password';
import { fixedClock, systemClock } from './clock';
import { loadEnv } from './env';
import { startBackground } from './services/background';
import { askPassword } from './auth/ask-password';
import { adminPasswordProblem, createFirstAdmin, firstAdmin, hasUsers } from './services/people/first-start';
import { claimServerMark, localPathOf } from '../db/backup/server-lock';
import type { Database } from '../db/client';
import type { Env } from './env';
import { tableReaderIn } from './services/import/table-reader';

/**
 * The administrator's password for a first start with no accounts: from
 * BATTLEMAP_ADMIN_PASSWORD, else asked twice on the terminal; with neither,
 * the start fails with what to do.
 */
async function firstAdminPassword(database: Database, env: Env): Promise<string> {
  if (env.BATTLEMAP_ADMIN_PASSWORD !== undefined) {
    const problem = await adminPasswordProblem(database, env.BATTLEMAP_ADMIN_PASSWORD);
    if (problem !== null) throw new Error(`BATTLEMAP_ADMIN_PASSWORD is refused: ${problem}`);
    return env.BATTLEMAP_ADMIN_PASSWORD;
  }
  if (!process.stdin.isTTY) {
    throw new Error(
      'First start: the database has no accounts yet. Set BATTLEMAP_ADMIN_PASSWORD to the password of the administrator "admin", or start Battlemap once from a terminal to be asked for it.',
    );
  }
  console.log('First start: the database has no accounts yet. Choose the password of the administrator "admin".');
  for (;;) {
    const password = await askPassword('Password: ');
    const problem = await adminPasswordProblem(database, password);
    if (problem !== null) {
      console.log(problem);
      continue;
    }
    if ((await askPassword('Again: ')) === password) return password;
    console.log('The two passwords differ; once more.');
  }
}

/** The write worker's script: bundled beside this file as write-worker.mjs when built, write-worker.ts in the sources. */
const writeWorkerEntry = new URL(import.meta.url.endsWith('.ts') ? './write-worker.ts' : './write-worker.mjs', import.meta.url);

/** The reading thread of an imported file's script, the same way (see tableReaderIn). */
const tableReaderEntry = new URL(import.meta.url.endsWith('.ts') ? './read-table-worker.ts' : './read-table-worker.mjs', import.meta.url);

/**
 * Battlemap's one process: opens (and migrates) the database, seeds the demo
 * campaign on a first start, and serves the API and the built web app on one port.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const clock = env.BATTLEMAP_NOW === undefined ? systemClock : fixedClock(env.BATTLEMAP_NOW);
  const database = await openDatabase(env.DATABASE_URL, { writeWorker: writeWorkerEntry, ...(env.DATABASE_AUTH_TOKEN !== undefined && { authToken: env.DATABASE_AUTH_TOKEN }) });

  // Production never gets demo data or the demo password; its first start is the administrator's.
  const seeded = env.SEED_DEMO && env.NODE_ENV !== 'production' && !(await hasCampaign(database));
  if (seeded) {
    const started = performance.now();
    await seedDemoCampaign(database, { now: clock(), hashPassword, password: env.DEMO_PASSWORD });
    console.log(`Seeded the demo campaign in ${Math.round(performance.now() - started)} ms.`);
  } else if (!(await hasUsers(database))) {
    await createFirstAdmin(database, await firstAdminPassword(database, env), clock());
    console.log(`First start: created the campaign office and the administrator "${firstAdmin}". Sign in as ${firstAdmin} to add units and people (an office account among them); the office then creates the campaign.`);
  } else if (env.BATTLEMAP_ADMIN_PASSWORD !== undefined) {
    // Read on a first start only: left in a service's environment, it is a password kept in the clear for nothing.
    console.log('BATTLEMAP_ADMIN_PASSWORD is set but the accounts exist, so it was not read: remove it from the environment.');
  }
  // Marks the database file as served, so that a restore refuses to replace it underneath this process.
  const localPath = localPathOf(env.DATABASE_URL);
  const mark = localPath === null ? null : claimServerMark(localPath);

  const app = createApp({
    database,
    clock,
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS, displayDays: env.SESSION_DISPLAY_DAYS, secureCookies: env.SECURE_COOKIES ?? false, trustedProxies: env.TRUST_PROXY },
    log: env.LOG_REQUESTS ? (line) => process.stdout.write(`${line}\n`) : null,
    webRoot: projectPath('dist/web'),
    readTable: tableReaderIn(tableReaderEntry),
  });

  const background = startBackground(database, clock, {
    sweepSeconds: env.SWEEP_INTERVAL_SECONDS,
    webhookSeconds: env.WEBHOOK_INTERVAL_SECONDS,
    sendWebhooks: env.SEND_WEBHOOKS,
    log: (line) => process.stdout.write(`${line}\n`),
  });

  // The demo's sign-ins, where they work: a database started without the demo (SEED_DEMO=false) has none of them.
  const demoAccounts = env.NODE_ENV !== 'production' && (await demoSignInsWork(database, env.DEMO_PASSWORD, verifyPassword));
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
    console.log(`Battlemap is serving at http://${host}:${info.port}  (database ${env.DATABASE_URL})`);
    if (demoAccounts) {
      const leads = demoUsers.filter((u) => u.role === 'lead').map((u) => u.username);
      console.log(`Demo logins (password "${env.DEMO_PASSWORD}"): admin, office, viewer, and for each unit <unit>.lead / <unit>.officer`);
      console.log(`  units: ${leads.map((u) => u.replace(/\.lead$/, '')).join(', ')}`);
    }
    if (!env.SEND_WEBHOOKS) console.log('Webhook deliveries are held (SEND_WEBHOOKS=false): queued, not sent.');
    console.log('Press Ctrl-C to stop.');
  });
  // The port taken (another Battlemap still running) or not ours to bind: said in a line, not a stack trace.
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${env.PORT} on ${env.HOST} is already in use (another Battlemap, or another program): stop it, or set PORT to a free port`
        : error.code === 'EACCES'
          ? `this user may not bind port ${env.PORT} on ${env.HOST}: set PORT to one above 1023`
          : error.message;
    console.error(`Battlemap cannot serve: ${reason}.`);
    // Set first: with the timers stopped the process may end before the database's close resolves.
    process.exitCode = 1;
    app.stop();
    background.stop();
    void database.close().finally(() => {
      mark?.release();
      process.exit(1);
    });
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
      void database.close().finally(() => {
        mark?.release();
        process.exit(0);
      });
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
