import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { ApiError, problemBody } from '../errors';
import { CannotStart } from './cannot-start';
import { startingPage, startingRetrySeconds, wantsPage } from './starting-page';

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch'];

/** Why the port cannot be bound, in the operator's terms. */
function bindProblem(error: NodeJS.ErrnoException, port: number, host: string): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use (another Battlemap, or another program): stop it, or set PORT to a free port`;
    case 'EACCES':
      return `this user may not bind port ${port} on ${host}: set PORT to one above 1023`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine: set HOST to one of its addresses (0.0.0.0 for all of them)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${host} names no address this machine can find: set HOST to one of its addresses (0.0.0.0 for all of them)`;
    default:
      return error.message;
  }
}

/**
 * Until the app is ready: a request that comes while the database is opened
 * or the demo seeded is asked to come back, in the API's one error model; a
 * browser opening a page is shown a page saying so (see startingPage).
 */
const starting: Fetch = (request) => {
  if (wantsPage(request)) return startingPage();
  const error = new ApiError('starting', { headers: { 'retry-after': String(startingRetrySeconds) } });
  return new Response(JSON.stringify(problemBody(error)), { status: error.status, headers: { ...error.headers, 'content-type': 'application/problem+json; charset=utf-8' } });
};

/**
 * Binds the port before anything else of the start, so that a start on a
 * port already taken (another Battlemap still running) or an address not
 * this machine's stops there, in one line, before it opens, migrates or
 * sweeps the database another server may be serving. Requests are answered
 * 503 until `serve` hands them to the app.
 */
export async function listenFirst(port: number, host: string): Promise<{ server: ServerType; port: number; serve(fetch: Fetch): void }> {
  let handle = starting;
  // The host too, as serve() passes it: the URL of a request that names none (HTTP/1.0) is built with it.
  const server = createAdaptorServer({ fetch: (request, bindings) => handle(request, bindings), hostname: host });
  await new Promise<void>((listening, failed) => {
    const onError = (error: NodeJS.ErrnoException) => failed(new CannotStart(`Battlemap cannot serve: ${bindProblem(error, port, host)}.`));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      listening();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    serve(fetch) {
      handle = fetch;
    },
  };
}
