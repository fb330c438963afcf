/**
 * Where signing in goes on to: the page the user was sent away from, if it
 * is a path of this app, else the start page (for a wall display's sign-in,
 * the start page opening the wall). Never another origin (`//…`),
 * and never the sign-in page itself: several reads refused at once once sent
 * the user to `/login?next=/login?next=…`, and signing in there showed the
 * form again.
 */
export function pathAfterSignIn(next: string | undefined, display = false): string {
  // A wall display's sign-in opens the wall of the campaign the start page would open, not its board (Home in app.tsx).
  const start = display ? '/?open=wall' : '/';
  if (next === undefined || !next.startsWith('/') || next.startsWith('//')) return start;
  return isSignInPath(next) ? start : next;
}

/** The sign-in page, with or without its query. */
export function isSignInPath(path: string): boolean {
  return path === '/login' || path.startsWith('/login?') || path.startsWith('/login/');
}
