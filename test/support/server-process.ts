import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { builtServerArgs } from './built-server';
import { testNow } from './test-database';

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** Stops it with a signal and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts Battlemap as its own process (the built server, `npm run serve`) on
 * a free port of 127.0.0.1, exactly as `npm run serve` would, and resolves
 * once it prints the address it serves at.
 */
export function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, builtServerArgs(), {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      BATTLEMAP_NOW: testNow.toISOString(),
      LOG_REQUESTS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => (output += more.toString()));
        ready({
          url: match[1],
          child,
          output: () => output,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before serving:\n${output}`));
    });
  });
}

/** A signed-in client of a server process, speaking JSON with its session cookie. */
export async function remoteSession(url: string, username: string, password = 'battlemap') {
  const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    get: (path: string) => fetch(`${url}${path}`, { headers: { cookie } }),
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
  };
}

/**
 * `count` sessions of one account, signed in one after another: many sign-ins
 * of one account sent at once each wait for the password checks ahead of
 * them, up to the throttle's 10 s (waitForCheckingMs), which a loaded machine
 * can pass (CI saw a 429 so). For the tests about what the sessions do, not
 * how they sign in; session.test.ts covers sign-ins sent at once.
 */
export async function remoteSessions(url: string, username: string, count: number) {
  const sessions: Awaited<ReturnType<typeof remoteSession>>[] = [];
  for (let n = 0; n < count; n += 1) sessions.push(await remoteSession(url, username));
  return sessions;
}

/** A server process as it starts, whether it comes to serve or stops before. */
export interface Launched {
  readonly child: ChildProcess;
  /** Its exit code, once it has exited. */
  readonly exited: Promise<number | null>;
  /** The address it serves at, once it says so; null if it exits first. */
  readonly serving: Promise<string | null>;
  /** Everything it wrote, stdout and stderr, as it came. */
  output(): string;
}

/** Root's capabilities that let it read and write any file whatever its mode: without them a file's mode holds for root too. */
const fileModeOverrides = '-dac_override,-dac_read_search';

/**
 * Starts the built server (as `npm run serve` does) in the package's folder
 * with `env` over the inherited environment, without the test run's own
 * clock or first administrator's password unless given, for a test that
 * watches how a start ends: see {@link Launched}. `asFileModesHold` starts
 * it, in a test run as root, without root's override of file modes (through
 * util-linux's setpriv): as a service runs under its own user, a file it may
 * only read is then read-only to it. Root's own uid is kept, so it still
 * reads the package (in CI, a clone in a folder only root may enter).
 */
export function launchServer(env: Record<string, string>, options: { asFileModesHold?: boolean } = {}): Launched {
  const { BATTLEMAP_NOW: _now, BATTLEMAP_ADMIN_PASSWORD: _password, ...inherited } = process.env;
  const dropOverrides = options.asFileModesHold === true && process.getuid?.() === 0;
  const [command, args] = dropOverrides
    ? ['setpriv', [`--inh-caps=${fileModeOverrides}`, `--bounding-set=${fileModeOverrides}`, '--', process.execPath, ...builtServerArgs()]]
    : [process.execPath, builtServerArgs()];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...inherited, HOST: '127.0.0.1', PORT: '0', LOG_REQUESTS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const serving = new Promise<string | null>((done) => {
    const timer = setInterval(() => {
      const match = /serving at (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        done(match[1]);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      done(/serving at (http:\/\/[^\s]+)/.exec(output)?.[1] ?? null);
    });
  });
  return { child, exited, serving, output: () => output };
}
