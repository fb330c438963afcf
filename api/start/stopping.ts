import type { createAdaptorServer, ServerType } from '@hono/node-server';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApiError, problemBody } from '../errors';

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch'];

/** How long requests in flight are given to finish once the server is told to stop; then their connections are cut. */
export const stopGraceMs = 10_000;

/** The answer to a request that arrives once the server is stopping: it was not taken in, and the connection is closed after it. */
function stoppingAnswer(): Response {
  const error = new ApiError('stopping', { headers: { 'retry-after': '5', connection: 'close' } });
  return new Response(JSON.stringify(problemBody(error)), { status: error.status, headers: { ...error.headers, 'content-type': 'application/problem+json; charset=utf-8' } });
}

/**
 * The server's way to stop without losing an answer: requests in flight
 * finish and are answered, each with `Connection: close`; a request that
 * arrives afterwards, on a connection already open, is answered 503
 * (`stopping`) and changes nothing. `server.close()` alone left busy
 * keep-alive connections taking new moves until they were cut, and a move
 * cut between its commit and its answer left its client believing it lost.
 */
export function stoppable(server: ServerType) {
  // createAdaptorServer makes a node:http server unless told otherwise; the connection handling below is HTTP/1.1's.
  if (!(server instanceof Server)) throw new Error('stoppable: the server is not a node:http server');
  const http: Server = server;
  let stopping = false;
  const answering = new Map<ServerResponse, IncomingMessage>();
  // Before the app's listener, so that a response is known (and its Connection header settled) before anything writes it.
  http.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    if (stopping) response.setHeader('connection', 'close');
    answering.set(response, request);
    response.once('close', () => {
      answering.delete(response);
      // A response whose head went out before the signal said keep-alive: its connection, idle now, is closed here.
      if (stopping) http.closeIdleConnections();
    });
  });
  return {
    /** `fetch`, until the server stops: from then on every request is answered {@link stoppingAnswer}. */
    gate:
      (fetch: Fetch): Fetch =>
      (request, bindings) =>
        stopping ? stoppingAnswer() : fetch(request, bindings),
    /**
     * Stops taking connections and requests; resolves once every request in
     * flight has been answered (or, after `graceMs`, cut) and every
     * connection is closed.
     */
    stop(graceMs = stopGraceMs): Promise<void> {
      stopping = true;
      const closed = new Promise<void>((done) => http.close(() => done()));
      for (const [response, request] of answering) {
        // An event stream never ends on its own and answers no write: cut now, its browser opens it again and catches up.
        if (request.headers.accept?.includes('text/event-stream') === true) response.destroy();
        else if (!response.headersSent) response.setHeader('connection', 'close');
      }
      http.closeIdleConnections();
      const cut = setTimeout(() => http.closeAllConnections(), graceMs);
      cut.unref();
      return closed.finally(() => clearTimeout(cut));
    },
  };
}
