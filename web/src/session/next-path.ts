/**
 * Where signing in goes on to: the page the user was sent away from, if it
 * is a path of this app, else the start page. Never another origin (`//…`),
 * and never the sign-in page itself: several reads refused at once once sent
 * the user to `/login?next=/login?next=…`, and signing in there showed the
 * form again.
 */
export function pathAfterSignIn(next: string | undefined): string {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//')) return '/';
  return isSignInPath(next) ? '/' : next;
}

/** The sign-in page, with or without its query. */
export function isSignInPath(path: string): boolean {
  return path === '/login' || path.startsWith('/login?') || path.startsWith('/login/');
}
