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
