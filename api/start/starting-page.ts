/** Seconds a starting server asks to be asked again after: its Retry-After, and the page's own reload. */
export const startingRetrySeconds = 5;

/**
 * Whether a request is a browser opening a page (an address outside /api/
 * that accepts HTML), which is shown a page rather than problem+json.
 */
export function wantsPage(request: Request): boolean {
  return !new URL(request.url).pathname.startsWith('/api/') && (request.headers.get('accept') ?? '').includes('text/html');
}

/**
 * What a browser opening a page is shown while the server starts: a page of
 * its own (no script, no file from anywhere, its style inline, under a
 * policy allowing nothing else), in Chinese with the English beside it, that
 * reloads itself. Raw problem+json with an English title was all a user saw.
 */
const page = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${startingRetrySeconds}">
<title>作战图正在启动 · Battlemap is starting</title>
<style>
body { margin: 0; min-height: 100vh; display: grid; place-items: center; font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f5f6f8; color: #1f2933; }
main { max-width: 34rem; padding: 2rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
p { margin: 0 0 0.5rem; line-height: 1.6; }
[lang="en"] { color: #52606d; }
h1 [lang="en"] { display: block; font-size: 1.1rem; font-weight: normal; margin-top: 0.25rem; }
</style>
</head>
<body>
<main>
<h1>作战图正在启动 <span lang="en">Battlemap is starting</span></h1>
<p>请稍候：本页将在几秒后自动刷新，也可稍后手动刷新。</p>
<p lang="en">Please wait: this page reloads by itself in a few seconds, or reload it in a moment.</p>
</main>
</body>
</html>
`;

/** The starting page as a 503 answer, with Retry-After. */
export function startingPage(): Response {
  return new Response(page, {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'retry-after': String(startingRetrySeconds),
      'cache-control': 'no-store',
      // Nothing but its own inline style; never framed, as the app itself.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
