import { ApiProblem } from './problem';

/**
 * An item's read that may find it gone from this user's sight: transferred to
 * a unit outside their scope (by them or by someone else since), or a link to
 * one that never was. The server answers 404 to both; the panel says so
 * instead of failing. Any other problem still throws.
 */
export async function unlessGone<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}
