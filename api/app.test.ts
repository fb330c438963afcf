import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIn, testApp, type Session, type TestApp } from '../test/support/api-client';
import { testDatabase } from '../test/support/test-database';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase({ clues: 20, problems: 2 });
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());

describe('a request that fails in the database', () => {
  it("is answered 500 and logged in one JSON line with the cause under drizzle's `Failed query`", async () => {
    // A table the board reads, gone as a hand-edited schema or a half-applied upgrade would leave it.
    await database.client.execute('alter table board_counts rename to board_counts_away');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await office.get('/api/campaigns/1/board');
      expect(answer.status).toBe(500);
      expect(errors).toHaveBeenCalledTimes(1);
      const [line] = errors.mock.calls[0] ?? [];
      const logged = JSON.parse(String(line)) as { requestId: string; error: string; cause: string };
      expect(logged.error).toContain('Failed query: ');
      expect(logged.cause).toBe('SQLITE_ERROR: no such table: board_counts');
    } finally {
      errors.mockRestore();
      await database.client.execute('alter table board_counts_away rename to board_counts');
    }
  });
});

describe('a request to a path the API does not have', () => {
  it('is answered 404 not_found whatever its body, while a real route still refuses a body that is not JSON and a post from another site', async () => {
    const bodies: [string, Record<string, string>][] = [
      ['a=1', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['plain words', { 'content-type': 'text/plain' }],
      ['{"a":1}', { 'content-type': 'application/json' }],
    ];
    for (const [body, headers] of bodies) {
      for (const [method, path] of [['POST', '/api/no-such-thing'], ['PUT', '/api/clues/1/no-such-part'], ['PATCH', '/api/session']] as const) {
        const what = `${method} ${path} ${headers['content-type']}`;
        const answer = await office.send(method, path, body, headers);
        expect(answer.status, what).toBe(404);
        expect(answer.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
        expect(((await answer.json()) as { code: string }).code, what).toBe('not_found');
      }
    }
    const formPost = await office.send('POST', '/api/clues', 'title=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([formPost.status, ((await formPost.json()) as { code: string }).code]).toEqual([415, 'unsupported_media_type']);
    const crossSite = await office.send('POST', '/api/clues', { title: 'x' }, { origin: 'http://elsewhere.example', 'sec-fetch-site': 'cross-site' });
    expect([crossSite.status, ((await crossSite.json()) as { code: string }).code]).toEqual([403, 'csrf_rejected']);
  });
});
