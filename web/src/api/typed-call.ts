import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../../../api/app';
import { networkProblem, problemOf } from './problem';

/** The API's typed client: every screen calls through it, so paths, bodies and answers are checked against the routes. */
export const client = hc<AppType>('/api');

let unauthenticated: () => void = () => undefined;

/** Who to tell when the session is gone (any 401 but the login itself): the app sends the user to the login page. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticated = handler;
}

/** For answers that did not come through the typed client (an upload through XMLHttpRequest): the session is gone. */
export function reportUnauthenticated(): void {
  unauthenticated();
}

export type AnyResponse = ClientResponse<unknown, number, 'json' | 'text'>;
export type Success<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/**
 * Awaits a typed request and answers its success body (nothing for a 204);
 * anything else is thrown as an ApiProblem, and a 401 also signs the user
 * out of the UI unless `quiet401` says the caller handles it.
 */
export async function call<R extends AnyResponse>(request: Promise<R>, options: { quiet401?: boolean } = {}): Promise<Success<R>> {
  let response: R;
  try {
    response = await request;
  } catch (error) {
    throw networkProblem(error);
  }
  if (response.ok) {
    if (response.status === 204) return undefined as Success<R>;
    return (await response.json()) as Success<R>;
  }
  const problem = await problemOf(response as unknown as Response);
  if (problem.status === 401 && options.quiet401 !== true) unauthenticated();
  throw problem;
}
