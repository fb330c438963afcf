import { createApp } from '../../api/app';
import { fixedClock } from '../../api/clock';
import type { Database } from '../../db/client';
import { demoPassword, testNow } from './test-database';

export type TestApp = ReturnType<typeof createApp>;

const testSession = { idleMinutes: 240, maxHours: 12, secureCookies: false };

/** The real app, in process, over a real database file, with the clock frozen at `now`. */
export function testApp(database: Database, now: Date = testNow): TestApp {
  return createApp({ database, clock: fixedClock(now.toISOString()), session: testSession, log: null });
}

/** {@link testApp} with a clock the test moves, as a long-running server sees time pass between requests. */
export function movingClockApp(database: Database, start: Date): { app: TestApp; setClock: (at: Date) => void } {
  let now = start.getTime();
  return { app: createApp({ database, clock: () => new Date(now), session: testSession, log: null }), setClock: (at) => void (now = at.getTime()) };
}

export interface Session {
  readonly cookie: string;
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Signs in as a demo user and returns helpers that send its session cookie. */
export async function signIn(app: TestApp, username: string, password = demoPassword): Promise<Session> {
  const response = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return sessionWith(app, cookie);
}

export function sessionWith(app: TestApp, cookie: string): Session {
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    app.request(path, {
      method,
      headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return { cookie, get: (path) => send('GET', path), send };
}

/** Who GET /api/session says is signed in with a session: their username, or null when no one is (it answers 200 either way). */
export async function whoIsSignedIn(session: Pick<Session, 'get'>): Promise<string | null> {
  const response = await session.get('/api/session');
  if (response.status !== 200) throw new Error(`GET /api/session answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { username: string } | null)?.username ?? null;
}
