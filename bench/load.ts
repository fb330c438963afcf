import { Pool } from 'undici';

/** One HTTP request of the load, and what to do with its answer. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly cookie?: string;
  readonly onAnswer?: (status: number, body: string) => void;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface LoadResult {
  readonly requests: number;
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly statuses: Readonly<Record<number, number>>;
}

/** The q-th quantile (0..1) of latencies, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * A keep-alive HTTP/1.1 client of one origin with at most `connections`
 * sockets. It is undici's Pool rather than node:http's Agent because the
 * load client shares the two cores with the server it measures: undici
 * takes about half the CPU a request (77–87 µs against 139–159 µs against a
 * bare node:http server, ten connections), and what the client does not
 * take the server can use.
 */
export function httpClient(baseUrl: string, connections: number) {
  const pool = new Pool(baseUrl, { connections, pipelining: 1 });
  const send = async (req: Pick<LoadRequest, 'method' | 'path' | 'body' | 'cookie'>): Promise<Answer> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.cookie !== undefined) headers.cookie = req.cookie;
    const answer = await pool.request({ method: req.method, path: req.path, headers, ...(req.body !== undefined && { body: JSON.stringify(req.body) }) });
    return { status: answer.statusCode, body: await answer.body.text(), headers: answer.headers };
  };
  return { send, close: () => pool.destroy() };
}
export type HttpClient = ReturnType<typeof httpClient>;

/** Signs in and returns the session cookie (`name=value`). */
export async function signIn(client: HttpClient, username: string, password: string): Promise<string> {
  const answer = await client.send({ method: 'POST', path: '/api/session', body: { username, password } });
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${answer.body}`);
  const setCookie = answer.headers['set-cookie'];
  const first = (Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '';
  return first.split(';')[0] ?? '';
}

/**
 * A closed loop: `workers.length` clients, each sending its next request as
 * soon as the previous one is answered, for `warmupMs` (not counted) and
 * then `durationMs`. Latency is from sending to the whole answer read.
 */
export async function runLoad(client: HttpClient, workers: readonly (() => LoadRequest)[], options: { warmupMs: number; durationMs: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const begin = performance.now();
  const measureFrom = begin + options.warmupMs;
  const end = measureFrom + options.durationMs;
  await Promise.all(
    workers.map(async (next) => {
      for (;;) {
        const sent = performance.now();
        if (sent >= end) return;
        const req = next();
        const answer = await client.send(req);
        const took = performance.now() - sent;
        req.onAnswer?.(answer.status, answer.body);
        if (sent >= measureFrom) {
          latencies.push(took);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, perSec: latencies.length / (options.durationMs / 1000), p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), statuses };
}
