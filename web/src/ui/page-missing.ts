import { ApiProblem } from '../api/problem';

/**
 * Whether an error means the page's subject is not there: the server found
 * no such campaign (404), or the address names none (a campaign's id that is
 * not a whole number, refused by whichever read asked first).
 */
export function isMissing(error: unknown, pathname: string): boolean {
  if (!(error instanceof ApiProblem)) return false;
  return error.status === 404 || (error.status === 400 && /^\/campaigns\/(?![1-9]\d*(\/|$))/.test(pathname));
}

/**
 * Whether a failure may pass by itself: no answer (the server restarting,
 * the network), a server error, or anything that is not an answer of the
 * API (a part of the page that failed to load); not a refusal the same
 * request would meet again.
 */
export function passing(error: unknown): boolean {
  return !(error instanceof ApiProblem) || error.status === 0 || error.status >= 500;
}

/** How long a page or a read that failed for a passing reason (the server restarting, the network) waits before it tries again by itself. */
export const retryAfterMs = 5000;
