import { absoluteDatabaseUrl } from '../db/database-url';
import { projectPath } from '../db/project-path';
import { demoUsers } from '../db/seed/demo-units';
import { demoSignInsWork } from '../db/seed/seed-demo';
import { claimServerMark, localPathOf, runningRestores } from '../db/backup/server-lock';
import { createApp } from './app';
import { verifyPassword } from './auth/password';
import { fixedClock, systemClock } from './clock';
import { loadEnv, mistakenSettings } from './env';
import { startBackground } from './services/background';
import { tableReaderIn } from './services/import/table-reader';
import { CannotStart, startFailureLine } from './start/cannot-start';
import { fillFirstStart } from './start/first-data';
import { listenFirst } from './start/listen-first';
import { openServedDatabase } from './start/served-database';
import { startLine } from './start/start-line';
import { stopGraceMs, stoppable } from './start/stopping';

/** The write worker's script: bundled beside this file as write-worker.mjs when built, write-worker.ts in the sources. */
const writeWorkerEntry = new URL(import.meta.url.endsWith('.ts') ? './write-worker.ts' : './write-worker.mjs', import.meta.url);

/** The reading thread of an imported file's script, the same way (see tableReaderIn). */
const tableReaderEntry = new URL(import.meta.url.endsWith('.ts') ? './read-table-worker.ts' : './read-table-worker.mjs', import.meta.url);

/**
 * Battlemap's one process: binds its port, opens (and migrates) the
 * database, seeds the demo campaign on a first start, and serves the API and
 * the built web app on that port; the background jobs start once it serves.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  // Said first, before the database it names is opened: a setting under another name changes nothing.
  for (const line of mistakenSettings()) console.warn(line);
  const clock = env.BATTLEMAP_NOW === undefined ? systemClock : fixedClock(env.BATTLEMAP_NOW);
  // Said and opened as an absolute path: the same file the command-line tools open by the same setting (see absoluteDatabaseUrl).
  const databaseUrl = absoluteDatabaseUrl(env.DATABASE_URL);
  const listener = await listenFirst(env.PORT, env.HOST);
  // Marks the database file as served, so that a restore refuses to replace it underneath this process: from before
  // the migrations and the first start's seeding, which write to it too. Released when the process exits, a failed start's too.
  const localPath = localPathOf(databaseUrl);
  const mark = localPath === null ? null : claimServerMark(localPath);
  // A restore under way would move the file this server opens aside, with all it then writes (see claimRestoreMark).
  const restoring = localPath === null ? [] : runningRestores(localPath);
  if (localPath !== null && restoring.length > 0) {
    throw new CannotStart({
      zh: `Battlemap 无法启动：正在把备份恢复到 ${localPath}（进程 ${restoring.join('、')}）。请等恢复结束后再启动 Battlemap`,
      en: `Battlemap cannot start: a restore into ${localPath} is under way (pid ${restoring.join(', ')}). Start Battlemap once it has ended.`,
    });
  }
  const database = await openServedDatabase(databaseUrl, { writeWorker: writeWorkerEntry, ...(env.DATABASE_AUTH_TOKEN !== undefined && { authToken: env.DATABASE_AUTH_TOKEN }) });
  await fillFirstStart(database, env, clock);

  const app = createApp({
    database,
    clock,
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS, displayDays: env.SESSION_DISPLAY_DAYS, secureCookies: env.SECURE_COOKIES ?? false, trustedProxies: env.TRUST_PROXY },
    log: env.LOG_REQUESTS ? (line) => process.stdout.write(`${line}\n`) : null,
    webRoot: projectPath('dist/web'),
    readTable: tableReaderIn(tableReaderEntry),
  });
  // The demo's sign-ins, where they work: a database started without the demo (SEED_DEMO=false) has none of them.
  const demoAccounts = env.NODE_ENV !== 'production' && (await demoSignInsWork(database, env.DEMO_PASSWORD, verifyPassword));
  const { server } = listener;
  const serving = stoppable(server);
  listener.serve(serving.gate(app.fetch));
  const background = startBackground(database, clock, {
    sweepSeconds: env.SWEEP_INTERVAL_SECONDS,
    webhookSeconds: env.WEBHOOK_INTERVAL_SECONDS,
    sendWebhooks: env.SEND_WEBHOOKS,
    log: (line) => process.stdout.write(`${line}\n`),
  });

  // Listened for before the address is said: whoever waits for it to stop the server (a service manager, a test) found
  // it, under load, before these handlers were in place, and the signal then killed the process outright: no stopping
  // line, the requests in flight cut, the database not closed, its mark left behind.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(startLine({ zh: `${signal}：正在停止，先答完处理中的请求`, en: `${signal}: stopping; finishing requests in flight.` }));
    // Requests in flight are answered, later ones refused (see stoppable); then the jobs and writes left end before the database closes.
    app.stop();
    const jobs = background.stop();
    void serving
      .stop()
      .then(() => jobs)
      .then(() => database.close())
      .finally(() => {
        mark?.release();
        process.exit(0);
      });
    // A database that does not close (a libSQL server gone quiet) does not keep the process from ending.
    setTimeout(() => process.exit(0), stopGraceMs + 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const address = `http://${host}:${listener.port}`;
  // The English keeps "serving at <address>" followed by a space: the tests and the benchmarks find the address by it.
  console.log(startLine({ zh: `Battlemap 正在 ${address} 提供服务（数据库 ${databaseUrl}）`, en: `Battlemap is serving at ${address}  (database ${databaseUrl})` }));
  if (demoAccounts) {
    const leads = demoUsers.filter((u) => u.role === 'lead').map((u) => u.username);
    console.log(
      startLine({
        zh: `演示账号（密码“${env.DEMO_PASSWORD}”）：admin、office、viewer，以及每个单位的 <单位>.lead 和 <单位>.officer`,
        en: `Demo logins (password "${env.DEMO_PASSWORD}"): admin, office, viewer, and for each unit <unit>.lead and <unit>.officer`,
      }),
    );
    // The units' login names, the same in both languages: said once.
    console.log(`  ${startLine({ zh: '单位', en: 'units' })}: ${leads.map((u) => u.replace(/\.lead$/, '')).join(', ')}`);
  }
  if (!env.SEND_WEBHOOKS) console.log(startLine({ zh: 'Webhook 投递已暂停（SEND_WEBHOOKS=false）：只排队，不发送', en: 'Webhook deliveries are held (SEND_WEBHOOKS=false): queued, not sent.' }));
  console.log(startLine({ zh: '按 Ctrl-C 停止', en: 'Press Ctrl-C to stop.' }));
  // Bound already: what the server meets now (a connection the system could not accept) is said in a line, and it goes on serving.
  server.on('error', (error: Error) => console.error(JSON.stringify({ at: clock().toISOString(), error: error.message })));
}

main().catch((error: unknown) => {
  // One line: what stopped the start and why, not a stack trace.
  console.error(startFailureLine(error));
  process.exit(1);
});
