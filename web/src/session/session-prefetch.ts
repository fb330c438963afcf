import { api, type Me } from '../api/client';

let early: Promise<Me | null> | null = null;

/**
 * Opening the app on any page but the login: asks who is signed in at once,
 * while the app's code is still loading, instead of after it has rendered.
 * A read that fails is not an error until the session check takes the answer.
 */
export function prefetchSession(location: Pick<Location, 'pathname'>): void {
  if (/^\/login\/?$/.test(location.pathname)) return;
  early = api.session();
  early.catch(() => undefined);
}

/** The early answer, to the first who asks for it only; null when there is none (then ask the server). */
export function takeEarlySession(): Promise<Me | null> | null {
  const taken = early;
  early = null;
  return taken;
}
