import { ApiProblem } from './problem';

/**
 * A read whose answer may rightly be "not there": an item gone from this
 * user's sight (transferred out of their scope, or a link to one that never
 * was), a phase with no frozen report. The server answers 404; the page says
 * so instead of failing. Any other problem still throws.
 */
export async function unlessGone<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}
