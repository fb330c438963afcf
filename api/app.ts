import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { UnofficialStatusCode } from 'hono/utils/http-status';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from '../db/client';
import { reasonOf } from '../db/error-cause';
import { unitTreeOnce, unitTreeReader } from './auth/unit-scope';
import type { Clock } from './clock';
import type { AppEnv } from './context';
import { ApiError, expectedError, problemResponse, tooLarge } from './errors';
import { bodyLimits } from './middleware/body-limit';
import { refuseNulCharacters } from './middleware/nul-characters';
import { requestLog } from './middleware/request-log';
import { unknownRoutes } from './middleware/unknown-route';
import { isImportPath, jsonBodies, sameOrigin, securityHeaders } from './middleware/security';
import { serveWebApp } from './middleware/web-static';
import { actorOf, loadViewer } from './middleware/viewer';
import { campaignRoutes } from './routes/campaigns';
import { campaignAdminRoutes } from './routes/campaign-admin';
import { AccountChanges } from './services/account-changes';
import { isMapUploadPath, maxMapBytes } from './services/campaign-admin-map';
import { isAttachmentUploadPath } from './services/attachments';
import { maxAttachmentBytes } from './contracts/attachments';
import { maxBulkBodyBytes } from './contracts/users';
import { attachmentRoutes } from './routes/attachments';
import { healthRoutes } from './routes/health';
import { itemRoutes } from './routes/items';
import { itemDeadlineRoutes } from './routes/item-deadlines';
import { extensionRequestRoutes } from './routes/extension-requests';
import { router } from './routes/kit';
import { sessionRoutes } from './routes/session';
import { userRoutes } from './routes/users';
import { unitAdminRoutes } from './routes/units';
import { eventRoutes } from './routes/events';
import { docsRoutes } from './routes/docs';
import { escalationRoutes } from './routes/escalations';
import { reportRoutes } from './routes/reports';
import { battleMapRoutes } from './routes/battle-map';
import { intakeRoutes } from './routes/intake';
import { listRoutes } from './routes/lists';
import { flowRoutes } from './routes/flow';
import { typicalCaseRoutes } from './routes/typical-cases';
import { batchRoutes } from './routes/batch';
import { AuditFeed } from './services/audit-feed';
import { readHere, type TableReader } from './services/import/table-reader';
import { sessionHolder } from './auth/sessions';
import { adminFirst, officeFirst, workFirst } from './middleware/role-first';

export interface AppOptions {
  readonly database: Database;
  readonly clock: Clock;
  readonly session: { readonly idleMinutes: number; readonly maxHours: number; readonly displayDays?: number; readonly secureCookies: boolean; readonly trustedProxies?: readonly string[] };
  /** How an imported file is read into its table: on a thread of its own in the server (tableReaderIn), else here. */
  readonly readTable?: TableReader;
  /** Where one JSON line per request goes, or null for none. */
  readonly log: ((line: string) => void) | null;
  /** The built web app to serve beside the API, if any. */
  readonly webRoot?: string;
}

/** Request bodies are small JSON documents; anything larger is refused before it is read. Imports carry files. */
const maxBodyBytes = 64 * 1024;
const maxImportBytes = 32 * 1024 * 1024;
/** The accounts CSV goes in a JSON body of its own bound (the contract's characters, not the small JSON's 64 KiB). */
const bulkAccountsPath = '/api/admin/users/bulk';

function apiRoutes(options: AppOptions) {
  const { database, clock } = options;
  const unitTree = unitTreeReader(database.db, 1000, () => database.writesEnded());
  // People and units are the administrator's, a campaign's settings the office's: said before any request's shape is.
  const guarded = router();
  guarded.use('/admin/*', adminFirst);
  // A change of accounts or units, through this process or another, is an entry of the log, which the feed tells the open
  // event streams of (see AuditFeed): each then asks whether its session still holds. A sign-out is logged nowhere, so
  // this process tells them of its own.
  const accounts = new AccountChanges();
  const feed = new AuditFeed(database.db, { accounts });
  guarded.on('DELETE', '/session', async (c, next) => {
    await next();
    if (c.res.ok) accounts.changed();
  });
  // Reading the campaigns and a campaign's map is everyone's (the switcher, the battle map): only their changes are the office's.
  guarded.use('/campaigns', (c, next) => (c.req.method === 'POST' ? officeFirst(c, next) : next()));
  guarded.use('/campaigns/:id/map', (c, next) => (c.req.method === 'GET' ? next() : officeFirst(c, next)));
  for (const path of ['/campaigns/:id/settings', '/campaigns/:id/webhook/test', '/campaigns/:id/categories', '/campaigns/:id/categories/*']) guarded.use(path, officeFirst);
  // (An import says so itself, before it reads the file: "您的角色不能导入线索".)
  for (const path of ['/clues', '/clues/*', '/problems', '/problems/*', '/campaigns/:id/batch']) guarded.use(path, workFirst);
  const api = guarded
    .route('/', healthRoutes(database, clock))
    .route('/', sessionRoutes(database, clock, options.session, unitTree))
    .route('/', campaignRoutes(database, clock, unitTree))
    .route('/', campaignAdminRoutes(database, clock))
    .route('/', userRoutes(database, clock))
    .route('/', unitAdminRoutes(database, clock))
    .route('/', escalationRoutes(database, clock))
    .route('/', reportRoutes(database, clock))
    .route('/', battleMapRoutes(database, clock))
    .route('/', intakeRoutes(database, clock, options.readTable ?? readHere))
    .route('/', listRoutes(database, clock, unitTree))
    .route('/', flowRoutes(database, clock))
    .route('/', typicalCaseRoutes(database, clock))
    .route('/', batchRoutes(database, clock))
    .route(
      '/',
      eventRoutes(
        feed,
        async (token, fresh) => {
          const user = await sessionHolder(database, token, clock(), options.session, fresh);
          return user === null ? null : actorOf(user, await (fresh ? unitTreeOnce(database.db) : unitTree)());
        },
        accounts,
      ),
    )
    .route('/', itemRoutes('clue', database, clock))
    .route('/', itemRoutes('problem', database, clock))
    .route('/', attachmentRoutes('clue', database, clock))
    .route('/', attachmentRoutes('problem', database, clock))
    .route('/', itemDeadlineRoutes('clue', database, clock))
    .route('/', itemDeadlineRoutes('problem', database, clock))
    .route('/', extensionRequestRoutes(database, clock));
  return { api, unitTree, feed };
}

export type ApiRoutes = ReturnType<typeof apiRoutes>['api'];

/** Builds Battlemap's HTTP app: the API under /api and, when built, the web app. */
export function createApp(options: AppOptions) {
  const { database, clock } = options;
  const { api, unitTree, feed } = apiRoutes(options);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Battlemap API', version: '0.1.0', description: "Every error is RFC 9457 problem+json with a bilingual `reason`. Any write may be answered 507 `disk_full` while the server's disk is full: nothing of it was saved, and the same request sent again once there is room goes through." },
  });

  const app = new Hono<AppEnv>();
  app.use('*', requestLog(options.log));
  app.use('*', securityHeaders);
  app.onError((error, c) => {
    // A full disk is said once in the log by the write queue, when it starts: not here with a stack for each write it refuses.
    const expected = expectedError(error);
    if (expected !== null) {
      if (expected.status === 403 || expected.status === 422 || expected.status === 409) c.set('outcome', expected.code);
      return problemResponse(c, expected);
    }
    if (error instanceof HTTPException && error.status === 400) {
      // Hono's validator throws this for a body that is not JSON at all.
      const message = { zh: '请求体不是有效的 JSON', en: `The body is not valid JSON (${error.message})` };
      return problemResponse(c, new ApiError('bad_request', { fields: [{ field: '(body)', message }] }));
    }
    if (clientWentAway(error, c.req.raw)) {
      // The client closed the connection before its body was all sent: no one reads the answer and nothing is wrong
      // here. Logged as nginx's 499, not as a 500 with a stack that an operator's monitoring would wake them for.
      c.set('outcome', 'client_closed');
      return c.body(null, 499 as UnofficialStatusCode);
    }
    // The stack says where; the cause chain says why (drizzle's `Failed query:` names the query, its cause SQLite's reason).
    const cause = error instanceof Error && error.cause !== undefined ? { cause: reasonOf(error.cause) } : {};
    console.error(JSON.stringify({ requestId: c.get('requestId'), error: error instanceof Error ? error.stack : String(error), ...cause }));
    return problemResponse(c, new ApiError('internal'));
  });
  app.use(
    '/api/*',
    unknownRoutes,
    bodyLimits(
      (c) =>
        isImportPath(c.req.path)
          ? maxImportBytes
          : isMapUploadPath(c.req.path)
            ? maxMapBytes
            : isAttachmentUploadPath(c.req.path)
              ? maxAttachmentBytes
              : c.req.path === bulkAccountsPath
                ? maxBulkBodyBytes
                : maxBodyBytes,
      (c, limit) => problemResponse(c, tooLarge(limit)),
    ),
    sameOrigin,
    jsonBodies,
    refuseNulCharacters,
    loadViewer(database, clock, options.session, unitTree),
  );
  app.route('/api', api);
  app.route('/api', docsRoutes());
  app.all('/api/*', (c) => problemResponse(c, new ApiError('not_found')));

  const webRoot = options.webRoot;
  if (webRoot !== undefined && existsSync(resolve(webRoot, 'index.html'))) serveWebApp(app, webRoot);
  app.notFound((c) => problemResponse(c, new ApiError('not_found')));
  return Object.assign(app, { stop: () => feed.stop() });
}

export type AppType = ApiRoutes;

/** The error of reading a body whose client hung up (Node's "aborted", ECONNRESET), or any error once it has. */
function clientWentAway(error: Error, request: Request): boolean {
  return request.signal.aborted || ('code' in error && error.code === 'ECONNRESET' && error.message === 'aborted');
}

