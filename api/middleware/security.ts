import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { isAttachmentUploadPath } from '../services/attachments';

/**
 * Secure headers with a Content-Security-Policy the built web app satisfies:
 * everything from this origin, no inline scripts, never framed. Styles allow
 * inline attributes because Solid and dnd-kit set element styles while dragging.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
  // A response that sets one of these itself keeps it: an attached file is sent under a stricter policy (sandboxed).
  overwrite: false,
});

/** The methods that change nothing, and so carry no body and need no check of where they came from. */
export const safeMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery, for JSON as well as forms (Hono's `csrf`
 * covers form content types only). A browser names the page a request came
 * from in Origin or Sec-Fetch-Site; a state-changing request is refused when
 * either says it came from another site. Clients that are not browsers send
 * neither and cannot be driven by another site, so they pass.
 */
export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (safeMethods.has(c.req.method)) return next();
  const fetchSite = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') throw new ApiError('csrf_rejected');
  if (origin !== undefined) {
    const host = c.req.header('host');
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost === null || originHost !== host) throw new ApiError('csrf_rejected');
  }
  return next();
});

/** The one route that takes a file as its body (a clue import). */
export const isImportPath = (path: string) => /^\/api\/campaigns\/[^/]+\/imports$/.test(path);

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What an import body may be: CSV, XLSX, or bytes the server identifies itself. */
export const importBodyTypes = ['text/csv', xlsxType, 'application/octet-stream'] as const;

/** Whether a Content-Type header says JSON (`application/json`, with or without parameters). */
export const isJsonType = (type: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(type ?? '');

/**
 * Bodies are JSON only (files only to the import route, as CSV or XLSX, and
 * to an item's attachments, of any type); anything else is refused before it
 * is read, which also shuts out plain form posts.
 */
export const jsonBodies = createMiddleware<AppEnv>(async (c, next) => {
  if (safeMethods.has(c.req.method) || c.req.method === 'DELETE') return next();
  const type = c.req.header('content-type') ?? '';
  const length = c.req.header('content-length');
  if (length === '0' && type === '') return next();
  if (isAttachmentUploadPath(c.req.path) && c.req.method === 'POST') return next();
  const mediaType = type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (isImportPath(c.req.path)) {
    // An import's body is its file: JSON there was read as a CSV of one column (a 200 preview of nonsense).
    if (!(importBodyTypes as readonly string[]).includes(mediaType)) {
      throw new ApiError('unsupported_media_type', { reason: { zh: `导入的文件应为 CSV 或 XLSX（${importBodyTypes.join('、')}）`, en: `An import's body is its file, CSV or XLSX (${importBodyTypes.join(', ')})` } });
    }
    return next();
  }
  if (!isJsonType(type)) throw new ApiError('unsupported_media_type');
  return next();
});
