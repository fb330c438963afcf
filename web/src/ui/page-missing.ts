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
