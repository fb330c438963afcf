import { inArray, asc } from 'drizzle-orm';
import type { Database } from '../db/client';
import { clues } from '../db/schema';
import { health, type Health } from '../api/contracts/health';
import { quantile, runLoad, signIn, type HttpClient, type LoadRequest, type LoadResult } from './load';
import { InTurn, type LoadClue } from './move-mix';
import type { MovableClue } from './raw-tx';
import { cpuSeconds, threadCpuSeconds } from './processes';

/** The two board queries the goal is set for: the whole board, and one unit's subtree in unit swimlanes. */
export const boardPaths = ['/api/campaigns/1/board', '/api/campaigns/1/board?unit=hantai&swimlane=unit'] as const;

export interface BoardBench {
  readonly p99Ms: Readonly<Record<(typeof boardPaths)[number], number>>;
  readonly worstP99Ms: number;
  readonly bytes: number;
}

/**
 * Each board query `times` times, one at a time on one keep-alive
 * connection as the office (who sees the whole campaign), after a few
 * unmeasured requests.
 */
export async function benchBoard(client: HttpClient, cookie: string, times: number): Promise<BoardBench> {
  const p99Ms = {} as Record<(typeof boardPaths)[number], number>;
  let bytes = 0;
  for (const path of boardPaths) {
    const latencies: number[] = [];
    for (let i = 0; i < times + 5; i++) {
      const started = performance.now();
      const answer = await client.send({ method: 'GET', path, cookie });
      const took = performance.now() - started;
      if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.body.slice(0, 300)}`);
      if (path === boardPaths[0]) bytes = answer.body.length;
      if (i >= 5) latencies.push(took);
    }
    latencies.sort((a, b) => a - b);
    p99Ms[path] = quantile(latencies, 0.99);
  }
  return { p99Ms, worstP99Ms: Math.max(...Object.values(p99Ms)), bytes };
}

/** `count` clues the move load can cycle (verifying ⇄ unfounded), lowest ids first. */
export async function movableClues(database: Database, count: number): Promise<MovableClue[]> {
  const rows = await database.db
    .select({ id: clues.id, version: clues.version, state: clues.state })
    .from(clues)
    .where(inArray(clues.state, ['verifying', 'unfounded']))
    .orderBy(asc(clues.id))
    .limit(count);
  if (rows.length < count) throw new Error(`only ${rows.length} clues in verifying or unfounded; the move bench needs ${count}`);
  return rows;
}

export interface MoveBench extends LoadResult {
  readonly ok: number;
  /** Of the moves answered, those forward (filed, solved, sent for prosecution) rather than round the cycle. */
  readonly forward: number;
  readonly conflicts: number;
  readonly other: readonly string[];
  /**
   * CPU per move answered after the warm-up, of the server process (all its
   * threads) and of this one, the load client; the server's split into its
   * main thread, its busiest other thread (the write worker, when it has one)
   * and the rest (the collector's helpers, libSQL's runtime).
   */
  readonly cpuMsPerMove: { readonly server: number; readonly load: number; readonly main: number; readonly busiestOther: number; readonly rest: number };
  /** Writes per write transaction over the load after the warm-up, from the server's health answer: how well its queue gathered the moves. */
  readonly movesPerTransaction: number;
}

/** The server's write counts, from GET /api/health. */
async function writeCounts(client: HttpClient): Promise<Health['writes']> {
  const answer = await client.send({ method: 'GET', path: '/api/health' });
  if (answer.status !== 200) throw new Error(`health: ${answer.status} ${answer.body.slice(0, 200)}`);
  return health.parse(JSON.parse(answer.body)).writes;
}

/**
 * Legal moves through POST /api/clues/:id/transitions: `connections`
 * clients signed in as the office, each taking its own share of the clues
 * in turn and tracking versions from the answers. Clues cycle verifying →
 * unfounded → verifying (reopen) alongside forward moves (filed, solved,
 * sent for prosecution) of half of them, each at its own turn (see
 * bench/move-mix.ts).
 */
export async function benchMoves(client: HttpClient, picked: readonly MovableClue[], connections: number, options: { warmupMs: number; durationMs: number; password: string; serverPid: number }): Promise<MoveBench> {
  const cookies = await Promise.all(Array.from({ length: connections }, () => signIn(client, 'office', options.password)));
  let ok = 0;
  let forward = 0;
  let conflicts = 0;
  const other: string[] = [];
  const workers = cookies.map((cookie, n) => {
    const own: LoadClue[] = picked.filter((_, i) => i % connections === n).map((c) => ({ id: c.id, version: c.version, state: c.state, verifyingVisits: 0 }));
    const turns = new InTurn(own);
    return (): LoadRequest => {
      // The next of its clues with a move left (half of them cycle for ever: see bench/move-mix.ts).
      const turn = turns.take(`bench ${n}`);
      if (turn === null) throw new Error(`client ${n} has no clue with a move left`);
      const { clue, move } = turn;
      return {
        method: 'POST',
        path: `/api/clues/${clue.id}/transitions`,
        body: { to: move.to, version: clue.version, payload: move.payload },
        cookie,
        onAnswer: (status, text) => {
          const answer = JSON.parse(text) as { version?: number; state?: string; current?: { version: number; state: string } };
          if (status === 200 && answer.version !== undefined && answer.state !== undefined) {
            ok += 1;
            if (move.to !== 'unfounded' && move.to !== 'verifying') forward += 1;
            clue.version = answer.version;
            clue.state = answer.state;
          } else if (status === 409 && answer.current !== undefined) {
            conflicts += 1;
            clue.version = answer.current.version;
            clue.state = answer.current.state;
          } else if (other.length < 5) {
            other.push(`${status} ${text.slice(0, 200)}`);
          }
        },
      };
    };
  });
  // The warm-up, not counted (its unexpected answers are kept): a server that has just started is still
  // compiling the move's path. In the first 7 s of moves V8's compiler threads took a fifth of its CPU,
  // and a server serves for days.
  await runLoad(client, workers, { warmupMs: options.warmupMs, durationMs: 0 });
  ok = 0;
  forward = 0;
  conflicts = 0;
  // After the sign-ins, whose password hashing is no part of a move, and the warm-up.
  const writesBefore = await writeCounts(client);
  const before = { server: cpuSeconds(options.serverPid), threads: threadCpuSeconds(options.serverPid), load: process.cpuUsage() };
  const result = await runLoad(client, workers, { warmupMs: 0, durationMs: options.durationMs });
  const load = process.cpuUsage(before.load);
  const threads = threadCpuSeconds(options.serverPid);
  const writesAfter = await writeCounts(client);
  const answered = ok + conflicts;
  const perMove = (seconds: number) => (seconds * 1000) / answered;
  const used = [...threads].map(([tid, seconds]) => ({ tid, seconds: seconds - (before.threads.get(tid) ?? 0) }));
  const main = used.find((t) => t.tid === options.serverPid)?.seconds ?? 0;
  const busiestOther = Math.max(0, ...used.filter((t) => t.tid !== options.serverPid).map((t) => t.seconds));
  const server = cpuSeconds(options.serverPid) - before.server;
  const cpuMsPerMove = { server: perMove(server), load: (load.user + load.system) / 1000 / answered, main: perMove(main), busiestOther: perMove(busiestOther), rest: perMove(server - main - busiestOther) };
  const movesPerTransaction = (writesAfter.jobs - writesBefore.jobs) / Math.max(1, writesAfter.transactions - writesBefore.transactions);
  return { ...result, ok, forward, conflicts, other, cpuMsPerMove, movesPerTransaction };
}
