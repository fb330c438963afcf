import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clues } from '../../db/schema';
import { health as healthSchema, type Health } from '../contracts/health';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { testDatabaseKind } from '../../test/support/database-kind';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let office: Session;

beforeAll(async () => {
  database = await testDatabase();
  app = testApp(database);
  office = await signIn(app, 'office');
});
afterAll(() => database.drop());


const health = async (): Promise<Health> => {
  const answer = await app.request('/api/health');
  expect(answer.status).toBe(200);
  return healthSchema.parse(await answer.json());
};

describe('GET /api/health', () => {
  it('answers without a session, naming the database it runs on and where moves commit', async () => {
    const answer = await health();
    const onServer = (await testDatabaseKind()) === 'sqld';
    expect(answer.ok).toBe(true);
    expect(answer.database).toBe(onServer ? 'server' : 'file');
    // A libSQL server keeps its own connections: there the moves commit on the main thread.
    expect(answer.writes.worker).toBe(onServer ? 'none' : 'working');
  });

  it('counts the write transactions and the writes they held, so an operator can see how many moves a commit carries', async () => {
    const movable = await database.db
      .select({ id: clues.id, version: clues.version })
      .from(clues)
      .where(eq(clues.state, 'verifying'))
      .orderBy(asc(clues.id))
      .limit(3);
    expect(movable).toHaveLength(3);
    const before = (await health()).writes;
    // Sent together, as ten users' moves reach the server: the write queue commits them together.
    const answers = await Promise.all(movable.map((clue) => office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version, payload: { conclusion: '查无实据' } })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const after = (await health()).writes;
    expect(after.jobs - before.jobs).toBe(3);
    const transactions = after.transactions - before.transactions;
    expect(transactions).toBeGreaterThanOrEqual(1);
    expect(transactions).toBeLessThanOrEqual(3);
    // On a local file each request's session read answers at once, so the three reach the queue in one turn and share a commit;
    // a libSQL server answers them over the network one by one, and the first may start a transaction before the others arrive.
    if ((await testDatabaseKind()) === 'file') expect(transactions).toBe(1);
  });
});
