import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../api/services/deadline-sweep';
import { testDatabase, testNow } from '../../test/support/test-database';
import { checkKeptFigures, rebuildKeptFigures } from './kept-figures';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ clues: 150, problems: 15 });
  await sweepDeadlines(database, testNow);
});
afterAll(() => database.drop());

describe('the figures triggers keep', () => {
  it('agree with the log and the items in a campaign played through the engine and swept', async () => {
    expect(await checkKeptFigures(database.db)).toEqual([]);
  });

  it('are found out when they drift, by table, and rebuilt from the log and the items', async () => {
    await database.write(async (tx) => {
      await tx.run(sql`update report_tallies set n = n + 1 where rowid = (select min(rowid) from report_tallies where event = 'clue.solve')`);
      await tx.run(sql`delete from solve_times where seq = (select max(seq) from solve_times)`);
      await tx.run(sql`update flow_tallies set n = n + 1 where rowid = (select max(rowid) from flow_tallies)`);
      await tx.run(sql`update board_counts set n = n + 2 where rowid = (select min(rowid) from board_counts where n > 0)`);
      await tx.run(sql`update clue_rungs set level = level - 1 where item_id = (select min(item_id) from clue_rungs where level > 1)`);
    });
    expect(await checkKeptFigures(database.db)).toEqual([
      { table: 'report_tallies', missing: 1, extra: 1 },
      { table: 'solve_times', missing: 1, extra: 0 },
      { table: 'flow_tallies', missing: 1, extra: 1 },
      { table: 'clue_rungs', missing: 1, extra: 1 },
      { table: 'board_counts', missing: 1, extra: 1 },
    ]);
    await rebuildKeptFigures(database);
    expect(await checkKeptFigures(database.db)).toEqual([]);
  });
});
