import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { movingClockApp, sessionWith, signIn, testApp, whoIsSignedIn, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { LoginThrottle, addressKey, usernameKey } from '../auth/login-throttle';
import { createApp } from '../app';
import { fixedClock } from '../clock';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 40, problems: 5 });
  app = testApp(database);
});
afterAll(() => database.drop());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });

/** A sign-in from another computer: the node adapter's socket, as the server reads the address from it. */
const loginFrom = (address: string, username: string, password: string, on: TestApp = app) =>
  on.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }, { incoming: { socket: { remoteAddress: address } } });

interface Problem {
  code: string;
  reason: { zh: string; en: string };
}

describe('sessions', () => {
  it('signs in a demo user with an HttpOnly, SameSite=Lax cookie and answers who they are', async () => {
    const response = await login('hantai.lead', 'battlemap');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^battlemap_session=[A-Za-z0-9_-]{22};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = (await response.json()) as { username: string; role: string; unitScope: string[] };
    expect(me).toMatchObject({ username: 'hantai.lead', role: 'lead', unitScope: ['hantai'] });
  });

  it("signs in a username typed with capitals (a phone's keyboard starts it with one): usernames are lower-case only", async () => {
    const response = await login(' Hantai.Lead', 'battlemap');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { username: string }).username).toBe('hantai.lead');
  });

  it('refuses a wrong password with 401 problem+json in both languages, and an unknown user the same way', async () => {
    for (const [user, password] of [['office', 'wrong'], ['nobody', 'battlemap']] as const) {
      const response = await login(user, password);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await response.json()) as { code: string; reason: { zh: string; en: string } };
      expect(body.code).toBe('unauthenticated');
      expect(body.reason.zh).toBe('用户名或密码错误');
    }
  });

  it('names the missing field when the body is incomplete', async () => {
    const response = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"office"}' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fields: { field: string; message: { zh: string; en: string } }[] };
    expect(body.fields.map((f) => f.field)).toEqual(['password']);
    expect(body.fields[0]?.message.zh).not.toBe('');
  });

  it('rate-limits a username after repeated failures, even with the right password', async () => {
    // A user no other test here signs in as: the failures are in the database, for every app on it.
    for (let i = 0; i < 10; i++) expect((await login('foping.officer', 'nope')).status).toBe(401);
    const blocked = await login('foping.officer', 'battlemap');
    expect(blocked.status).toBe(429);
  });

  it('checks at most the limit of wrong guesses sent at once for one username, and refuses the rest unchecked', async () => {
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => loginFrom('10.9.0.1', 'xingzhen.officer', `guess-${i}`)));
    const statuses = guesses.map((response) => response.status);
    // A 401 is a guess whose password was checked and was wrong; a 429 was refused before its password was looked at.
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect((await loginFrom('10.9.0.1', 'xingzhen.officer', 'battlemap')).status).toBe(429);
  });

  it('signs in one account many times at once with the right password: guesses being checked hold the later ones back, not out', async () => {
    // Tabs, a desk and a wall signing in together: more at once than the username's limit of guesses.
    const sessions = await Promise.all(Array.from({ length: 25 }, () => loginFrom('10.9.0.2', 'chenggu.officer', 'battlemap')));
    expect(sessions.map((response) => response.status)).toEqual(Array.from({ length: 25 }, () => 200));
    // And every guess taken back: the username has no failure left against it.
    for (let i = 0; i < 9; i++) expect((await loginFrom('10.9.0.2', 'chenggu.officer', 'wrong')).status).toBe(401);
    expect((await loginFrom('10.9.0.2', 'chenggu.officer', 'battlemap')).status).toBe(200);
  });

  it('says when a refused username may try again, in Retry-After and in words, and lets it in then', async () => {
    const start = new Date('2026-06-16T02:00:00.000Z');
    const { app: clocked, setClock } = movingClockApp(database, start);
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    for (let i = 0; i < 10; i++) {
      setClock(minutes(i));
      expect((await loginFrom('10.9.0.2', 'wangan.officer', 'nope', clocked)).status).toBe(401);
    }
    setClock(minutes(10));
    const refused = await loginFrom('10.9.0.2', 'wangan.officer', 'battlemap', clocked);
    expect(refused.status).toBe(429);
    // The first failure leaves the fifteen-minute window five minutes from now.
    expect(refused.headers.get('retry-after')).toBe('300');
    const body = (await refused.json()) as Problem;
    expect(body.code).toBe('rate_limited');
    expect(body.reason).toEqual({ zh: '尝试次数过多，请 5 分钟后再试', en: 'Too many attempts; try again in 5 minutes' });
    setClock(minutes(15));
    expect((await loginFrom('10.9.0.2', 'wangan.officer', 'battlemap', clocked)).status).toBe(200);
  });

  it('keeps letting the right password in from an address a sprayer took past its limit, and gives the sprayer one guess per username', async () => {
    const gateway = '10.9.0.3';
    // The sprayer's first ten guesses through the sign-in; the other ninety counted as it counts them, without the
    // check of each password (ninety scrypt hashes would only slow the test).
    const sprayed = await Promise.all(Array.from({ length: 10 }, (_, i) => loginFrom(gateway, `ghost.${i}`, 'battlemap')));
    expect(sprayed.map((response) => response.status)).toEqual(Array.from({ length: 10 }, () => 401));
    const throttle = new LoginThrottle(database);
    for (let i = 10; i < 100; i++) expect((await throttle.admit(usernameKey(`ghost.${i}`), addressKey(gateway), testNow)).admitted).toBe(true);
    expect((await loginFrom(gateway, 'ghost.100', 'battlemap')).status).toBe(401);
    // An officer at the station behind the same gateway signs in.
    expect((await loginFrom(gateway, 'zhian.officer', 'battlemap')).status).toBe(200);
    // A username may be guessed once from there, and then not again: answered alike whether or not the account exists.
    for (const username of ['fanzha.officer', 'ghost.101']) {
      expect((await loginFrom(gateway, username, 'wrong')).status, username).toBe(401);
      const again = await loginFrom(gateway, username, 'wrong');
      expect(again.status, username).toBe(429);
      expect(Number(again.headers.get('retry-after')), username).toBeGreaterThan(0);
    }
    expect((await loginFrom(gateway, 'ghost.0', 'battlemap')).status).toBe(429);
  });

  it('behind a trusted reverse proxy, counts each sign-in from the address the proxy served, so a sprayer behind it does not lock out the rest', async () => {
    const proxied = createApp({ database, clock: fixedClock(testNow.toISOString()), session: { idleMinutes: 240, maxHours: 12, secureCookies: true, trustedProxies: ['10.9.0.9'] }, log: null });
    const viaProxy = (client: string, username: string, password: string, from = '10.9.0.9') =>
      proxied.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ username, password }) }, { incoming: { socket: { remoteAddress: from } } });
    const sprayer = '203.0.113.50';
    // The sprayer takes its address past its limit (counted as the sign-in counts them, as above).
    const throttle = new LoginThrottle(database);
    for (let i = 0; i < 100; i++) expect((await throttle.admit(usernameKey(`spray.${i}`), addressKey(sprayer), testNow)).admitted).toBe(true);
    expect((await viaProxy(sprayer, 'proxied.a', 'wrong')).status).toBe(401);
    expect((await viaProxy(sprayer, 'proxied.a', 'wrong')).status).toBe(429);
    // A colleague behind the same proxy mistypes the same username twice: their address is their own, not the sprayer's.
    for (let i = 0; i < 2; i++) expect((await viaProxy('10.20.0.5', 'proxied.a', 'wrong')).status).toBe(401);
    // The header of a client that is not the proxy is its own claim: not believed, its socket's address counts.
    expect((await viaProxy('10.20.0.5', 'proxied.b', 'wrong', sprayer)).status).toBe(401);
    expect((await viaProxy('10.20.0.5', 'proxied.b', 'wrong', sprayer)).status).toBe(429);
  });

  it('logs each refused sign-in with the username tried and the address of the client behind the proxy, a throttled one as such, and never the password', async () => {
    const lines: string[] = [];
    const logged = createApp({ database, clock: fixedClock(testNow.toISOString()), session: { idleMinutes: 240, maxHours: 12, secureCookies: true, trustedProxies: ['10.9.0.9'] }, log: (line) => lines.push(line) });
    const client = '198.51.100.7';
    const viaProxy = (username: string, password: string) =>
      logged.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ username, password }) }, { incoming: { socket: { remoteAddress: '10.9.0.9' } } });
    expect((await viaProxy('logged.ghost', 'secret-guess-1')).status).toBe(401);
    // The username's other nine guesses, counted as the sign-in counts them (nine scrypt hashes would only slow the test).
    const throttle = new LoginThrottle(database);
    for (let i = 0; i < 9; i++) expect((await throttle.admit(usernameKey('logged.ghost'), addressKey(client), testNow)).admitted).toBe(true);
    expect((await viaProxy('logged.ghost', 'secret-guess-11')).status).toBe(429);
    expect((await viaProxy('xixiang.officer', 'battlemap')).status).toBe(200);
    const entries = lines.map((line) => JSON.parse(line) as { user: string | null; status: number; outcome?: string; signIn?: unknown });
    expect(entries.map(({ user, status, outcome, signIn }) => ({ user, status, outcome, signIn }))).toEqual([
      { user: null, status: 401, outcome: 'login_failed', signIn: { username: 'logged.ghost', address: client } },
      { user: null, status: 429, outcome: 'login_throttled', signIn: { username: 'logged.ghost', address: client } },
      { user: 'xixiang.officer', status: 200, outcome: undefined, signIn: undefined },
    ]);
    expect(lines.join('\n')).not.toMatch(/secret-guess|battlemap/);
  });

  it('ends the session on sign-out: the cookie no longer works', async () => {
    const session = await signIn(app, 'office');
    expect(await whoIsSignedIn(session)).toBe('office');
    expect((await session.send('DELETE', '/api/session')).status).toBe(204);
    expect(await whoIsSignedIn(session)).toBeNull();
    expect((await session.get('/api/campaigns')).status).toBe(401);
  });

  it('gives a new token at each login', async () => {
    const a = await signIn(app, 'hantai.officer');
    const b = await signIn(app, 'hantai.officer');
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('answers who is signed in with null, not a refusal, when no one is: a first visit logs no error', async () => {
    for (const cookie of ['', 'battlemap_session=not-a-session-token']) {
      const response = await sessionWith(app, cookie).get('/api/session');
      expect(response.status, cookie).toBe(200);
      expect(response.headers.get('content-type'), cookie).toMatch(/^application\/json/);
      expect(await response.json(), cookie).toBeNull();
    }
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths['/session']?.get.responses ?? {})).toEqual(['200']);
  });

  it('answers 401 without a session on every protected route', async () => {
    for (const path of ['/api/campaigns', '/api/campaigns/1', '/api/campaigns/1/board', '/api/clues/1', '/api/clues/1/history', '/api/users']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(401);
    }
  });

  it('ends sessions after the idle timeout, after the absolute timeout, and when the user is disabled', async () => {
    const start = new Date('2026-06-15T02:00:00.000Z');
    const at = (minutes: number) => testApp(database, new Date(start.getTime() + minutes * 60_000));
    const session = await signIn(at(0), 'nanzheng.officer');
    // Active every 200 minutes: never idle for 240, but past the 12-hour absolute limit at 720.
    for (const minutes of [200, 400, 600]) expect(await whoIsSignedIn(sessionWith(at(minutes), session.cookie)), `${minutes}`).toBe('nanzheng.officer');
    expect(await whoIsSignedIn(sessionWith(at(740), session.cookie))).toBeNull();

    const idle = await signIn(at(0), 'nanzheng.lead');
    expect(await whoIsSignedIn(sessionWith(at(239), idle.cookie))).toBe('nanzheng.lead');
    expect(await whoIsSignedIn(sessionWith(at(239 + 241), idle.cookie))).toBeNull();

    const soon = await signIn(at(0), 'chenggu.lead');
    await database.write((tx) => tx.update(users).set({ disabledAt: start.toISOString() }).where(eq(users.username, 'chenggu.lead')));
    expect(await whoIsSignedIn(sessionWith(at(1), soon.cookie))).toBeNull();
    expect((await login('chenggu.lead', 'battlemap')).status).toBe(401);
  });

  it('keeps a wall display signed in through idle nights for 30 days, for a read-only account only', async () => {
    const start = new Date('2026-06-15T02:00:00.000Z');
    const at = (hours: number) => testApp(database, new Date(start.getTime() + hours * 3_600_000));
    const asDisplay = (who: string, app0 = at(0)) =>
      app0.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: who, password: 'battlemap', display: true }) });

    const wall = await asDisplay('viewer');
    expect(wall.status).toBe(200);
    const setCookie = wall.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/Max-Age=2592000/);
    const cookie = setCookie.split(';')[0] ?? '';
    // A night without a change to redraw (past the 4-hour idle limit), then a week, then past the 12-hour limit many times over.
    for (const hours of [10, 24 * 7, 24 * 29]) expect(await whoIsSignedIn(sessionWith(at(hours), cookie)), `${hours} h`).toBe('viewer');
    expect(await whoIsSignedIn(sessionWith(at(24 * 30 + 1), cookie))).toBeNull();

    // Anyone who can change something is refused, with the field and why, and gets no session.
    for (const who of ['office', 'hantai.lead', 'hantai.officer', 'admin']) {
      const refused = await asDisplay(who);
      expect(refused.status, who).toBe(422);
      expect(refused.headers.get('set-cookie'), who).toBeNull();
      const body = (await refused.json()) as { fields: { field: string; message: { zh: string; en: string } }[] };
      expect(body.fields).toEqual([{ field: 'display', message: expect.objectContaining({ en: 'Only a read-only (viewer) account may stay signed in on a wall display' }) }]);
    }
    // A wrong password is refused as any other, saying nothing about the account.
    const wrong = await at(0).request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office', password: 'wrong', display: true }) });
    expect(wrong.status).toBe(401);

    // The viewer signed in without it keeps the usual limits.
    const desk = await signIn(at(0), 'viewer');
    expect(await whoIsSignedIn(sessionWith(at(5), desk.cookie))).toBeNull();
  });

  it('lists the open sessions to the administrator, wall displays first, who may end all of one account', async () => {
    const wallApp = testApp(database);
    const wall = await wallApp.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'battlemap', display: true }) });
    const wallCookie = (wall.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const desk = await signIn(wallApp, 'viewer');
    const admin = await signIn(wallApp, 'admin');

    const list = await admin.get('/api/admin/sessions');
    expect(list.status).toBe(200);
    const open = (await list.json()) as { username: string; display: boolean; expiresAt: string }[];
    expect(open[0]).toMatchObject({ username: 'viewer', display: true });
    expect(open.filter((s) => s.username === 'viewer').map((s) => s.display).sort()).toEqual([false, true]);
    expect(open.every((s) => s.expiresAt > new Date('2026-06-15T02:00:00.000Z').toISOString())).toBe(true);
    // Only the administrator sees or ends sessions.
    const office = await signIn(wallApp, 'office');
    expect((await office.get('/api/admin/sessions')).status).toBe(403);

    const [viewerRow] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'viewer'));
    expect((await office.send('POST', `/api/admin/users/${viewerRow?.id}/sessions/end`, {})).status).toBe(403);
    const ended = await admin.send('POST', `/api/admin/users/${viewerRow?.id}/sessions/end`, {});
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);
    expect(await whoIsSignedIn(sessionWith(wallApp, wallCookie))).toBeNull();
    expect(await whoIsSignedIn(desk)).toBeNull();
    expect(await whoIsSignedIn(admin)).toBe('admin');
    const log = (await (await admin.get(`/api/admin/log?user=${viewerRow?.id}`)).json()) as { entries: { event: string; payload: { sessionsEnded?: number } }[] };
    expect(log.entries[0]).toMatchObject({ event: 'user.sessions_end' });
    expect((await admin.send('POST', '/api/admin/users/999999/sessions/end', {})).status).toBe(404);
  });
});
