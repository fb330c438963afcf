import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { systemReasonOf } from '../../db/system-error';
import type { Label } from '../../engine/labels';
import { ApiError, problemBody } from '../errors';
import { CannotStart } from './cannot-start';
import { startingPage, startingRetrySeconds, wantsPage } from './starting-page';

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch'];

/** Why the port cannot be bound, in the operator's terms. */
function bindProblem(error: NodeJS.ErrnoException, port: number, host: string): Label {
  const addresses = { zh: `请把 HOST 设为本机的地址之一（0.0.0.0 表示全部地址）`, en: 'set HOST to one of its addresses (0.0.0.0 for all of them)' };
  switch (error.code) {
    case 'EADDRINUSE':
      return {
        zh: `${host} 上的端口 ${port} 已被占用（另一个 Battlemap，或其他程序）：请停止它，或把 PORT 设为空闲的端口`,
        en: `port ${port} on ${host} is already in use (another Battlemap, or another program): stop it, or set PORT to a free port`,
      };
    case 'EACCES':
      return { zh: `此用户无权使用 ${host} 上的端口 ${port}：请把 PORT 设为大于 1023 的端口`, en: `this user may not bind port ${port} on ${host}: set PORT to one above 1023` };
    case 'EADDRNOTAVAIL':
      return { zh: `${host} 不是本机的地址：${addresses.zh}`, en: `${host} is not an address of this machine: ${addresses.en}` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { zh: `HOST ${host} 找不到本机能用的地址：${addresses.zh}`, en: `HOST ${host} names no address this machine can find: ${addresses.en}` };
    default:
      return systemReasonOf(error) ?? { zh: error.message, en: error.message };
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
    const onError = (error: NodeJS.ErrnoException) => {
      const problem = bindProblem(error, port, host);
      failed(new CannotStart({ zh: `Battlemap 无法提供服务：${problem.zh}`, en: `Battlemap cannot serve: ${problem.en}.` }));
    };
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
