import { connect, type Socket } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { verifyAudit } from '../../db/audit/verify';
import { clues } from '../../db/schema';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process';
import { testDatabase } from '../../test/support/test-database';

/**
 * How the built server stops on SIGTERM while clients move cards over
 * keep-alive connections: what it took in before the signal is committed
 * and answered; what comes after is answered 503 and changes nothing; no
 * client is left without the answer to a write the database holds.
 */
let folder: Awaited<ReturnType<typeof testDatabase>>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  folder = await testDatabase({ clues: 120, problems: 5 });
  folder.close();
}, 60_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  await folder?.drop();
});

type Clue = { id: number; version: number; state: string };

/** The next move of a clue going verifying ⇄ unfounded, at the version it has. */
const nextMove = (clue: Clue) =>
  clue.state === 'verifying' ? { to: 'unfounded', version: clue.version, payload: { conclusion: '查无实据' } } : { to: 'verifying', version: clue.version, payload: { reason: '新证据' } };

async function signIn(url: string): Promise<string> {
  const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office', password: 'battlemap' }) });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A response read off a raw socket: its status, headers and body, and whether the server closed the connection after it. */
interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
  closed: Promise<boolean>;
}

/**
 * One request written by hand on a socket of its own, so that the test
 * decides when each part of it reaches the server: `send` writes the rest.
 */
function rawRequest(url: string, cookie: string, path: string, body: unknown) {
  const { hostname, port } = new URL(url);
  const json = Buffer.from(JSON.stringify(body));
  const head = `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\nConnection: keep-alive\r\n\r\n`;
  const socket: Socket = connect(Number(port), hostname);
  let received = Buffer.alloc(0);
  const ended = new Promise<void>((done) => socket.on('close', () => done()));
  const answer = new Promise<RawAnswer>((done, fail) => {
    socket.on('error', fail);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const split = received.indexOf('\r\n\r\n');
      if (split === -1) return;
      const [statusLine = '', ...lines] = received.subarray(0, split).toString().split('\r\n');
      const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const length = Number(headers.get('content-length'));
      const rest = received.subarray(split + 4);
      if (rest.length < length) return;
      // Closed by the server within a second, or left open for another request.
      const closed = Promise.race([ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
      done({ status: Number(statusLine.split(' ')[1]), headers, body: rest.subarray(0, length).toString(), closed });
    });
  });
  return {
    answer,
    /** Writes the request up to `upTo` bytes (all of it when not given), from where the last call stopped. */
    send: (() => {
      const whole = Buffer.concat([Buffer.from(head), json]);
      let at = 0;
      return (upTo = whole.length) => {
        socket.write(whole.subarray(at, upTo));
        at = upTo;
      };
    })(),
    /** How many bytes the request's head takes, its blank line included. */
    headLength: Buffer.byteLength(head),
    destroy: () => socket.destroy(),
  };
}

/** Resolves once the server's output says it is stopping, so that whatever the test sends next reaches it after the signal. */
async function stoppingSaid(process: ServerProcess): Promise<void> {
  for (let waited = 0; !process.output().includes('SIGTERM: stopping'); waited += 10) {
    if (waited > 10_000) throw new Error(`the server did not say it was stopping:\n${process.output()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Each move a writer sent, and what came of it. */
type Outcome = { clueId: number; version: number; afterStopSaid: boolean } & ({ status: number; newVersion?: number } | { socketError: string });

/**
 * Writers over undici's keep-alive connections (Node's fetch), one clue each,
 * moving it until the server answers anything but 200 or the connection fails.
 */
function moveLoad(url: string, cookie: string, picked: readonly Clue[], stopSaid: () => boolean) {
  const outcomes: Outcome[] = [];
  const writers = picked.map(async (start) => {
    const clue = { ...start };
    for (;;) {
      const afterStopSaid = stopSaid();
      const sent = { clueId: clue.id, version: clue.version, afterStopSaid };
      let response: Response;
      try {
        response = await fetch(`${url}/api/clues/${clue.id}/transitions`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(nextMove(clue)) });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        outcomes.push({ ...sent, socketError: cause?.code ?? String(error) });
        return;
      }
      if (response.status !== 200) {
        outcomes.push({ ...sent, status: response.status });
        await response.body?.cancel();
        return;
      }
      ({ version: clue.version, state: clue.state } = (await response.json()) as Clue);
      outcomes.push({ ...sent, status: 200, newVersion: clue.version });
    }
  });
  return {
    outcomes,
    moved: (times: number) => picked.every((clue) => outcomes.filter((o) => o.clueId === clue.id).length >= times),
    ended: Promise.all(writers),
  };
}

describe('a server sent SIGTERM while clients move cards over keep-alive connections', () => {
  it('answers what it took in, answers 503 to what comes after and changes nothing for it, and never drops the answer to a committed move', async () => {
    server = await startServerProcess(folder.url);
    const reader = await openDatabase(folder.url);
    const picked = await reader.db.select({ id: clues.id, version: clues.version, state: clues.state }).from(clues).where(eq(clues.state, 'verifying')).limit(8);
    expect(picked).toHaveLength(8);
    const [inFlight, late, ...loaded] = picked as [Clue, Clue, ...Clue[]];
    const cookie = await signIn(server.url);

    const load = moveLoad(server.url, cookie, loaded, () => server?.output().includes('SIGTERM: stopping') ?? false);
    for (let waited = 0; !load.moved(3); waited += 20) {
      if (waited > 30_000) throw new Error('the writers did not get going');
      await new Promise((r) => setTimeout(r, 20));
    }

    // In flight when the signal comes: the server has read its head and waits for its body.
    const taken = rawRequest(server.url, cookie, `/api/clues/${inFlight.id}/transitions`, nextMove(inFlight));
    taken.send(taken.headLength);
    // Begun before the signal (half its head sent, so its connection is not idle) and completed after it.
    const after = rawRequest(server.url, cookie, `/api/clues/${late.id}/transitions`, nextMove(late));
    after.send(20);
    await new Promise((r) => setTimeout(r, 200));

    const exited = server.stop('SIGTERM');
    await stoppingSaid(server);
    taken.send();
    after.send();
    const [tookIn, refused] = await Promise.all([taken.answer, after.answer]);
    await load.ended;
    expect(await exited).toBe(0);

    // The move in flight is committed and answered, and its connection closed after the answer.
    expect(tookIn.status).toBe(200);
    expect(JSON.parse(tookIn.body)).toMatchObject({ id: inFlight.id, version: inFlight.version + 1, state: 'unfounded' });
    expect(tookIn.headers.get('connection')).toBe('close');
    expect(await tookIn.closed).toBe(true);

    // The move that arrived after the signal is refused, in both languages, and its connection closed.
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('connection')).toBe('close');
    expect(refused.headers.get('retry-after')).toBeDefined();
    expect(JSON.parse(refused.body)).toMatchObject({ status: 503, code: 'stopping', reason: { zh: expect.stringContaining('服务正在停止'), en: expect.stringContaining('stopping') } });
    expect(await refused.closed).toBe(true);

    // No move sent once the server had said it was stopping was taken in.
    expect(load.outcomes.filter((o) => o.afterStopSaid && 'status' in o && o.status === 200)).toEqual([]);
    // Every writer's last move ended in a 503 or a failed connection (it was sent after the signal, or cut)...
    const last = loaded.map((clue) => load.outcomes.filter((o) => o.clueId === clue.id).at(-1));
    for (const outcome of last) expect(outcome !== undefined && ('socketError' in outcome || outcome.status === 503), JSON.stringify(outcome)).toBe(true);

    // ...and the database holds exactly what each client was answered: no committed move went unanswered.
    const after200 = new Map(loaded.map((clue) => [clue.id, clue.version]));
    for (const outcome of load.outcomes) if ('newVersion' in outcome && outcome.newVersion !== undefined) after200.set(outcome.clueId, outcome.newVersion);
    after200.set(inFlight.id, inFlight.version + 1);
    after200.set(late.id, late.version);
    const held = await reader.db.select({ id: clues.id, version: clues.version }).from(clues).where(inArray(clues.id, picked.map((clue) => clue.id)));
    expect(new Map(held.map((row) => [row.id, row.version]))).toEqual(after200);
    expect(await verifyAudit(reader.db)).toMatchObject({ ok: true });
    await reader.close();
    taken.destroy();
    after.destroy();
  }, 60_000);
});
