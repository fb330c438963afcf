import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, clues, users } from '../../db/schema';
import { signIn, testApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ clues: 120, problems: 12 });
});
afterAll(() => database.drop());

/** The counts as the cards themselves give them, and as the kept table holds them. */
async function counted() {
  return (
    await database.client.execute(`select campaign_id, 'clue' as kind, state, unit_id, category_id, count(*) as n from clues group by 1, 3, 4, 5
      union all select campaign_id, 'problem', state, unit_id, category_id, count(*) from problems group by 1, 3, 4, 5 order by 1, 2, 3, 4, 5`)
  ).rows;
}
async function kept() {
  return (await database.client.execute('select campaign_id, kind, state, unit_id, category_id, n from board_counts where n > 0 order by 1, 2, 3, 4, 5')).rows;
}

type BoardAnswer = { columns: { state: string; count: number }[] };

describe('the board counts kept as items are written', () => {
  it('equal the cards after creating, moving, editing the category, transferring and merging', async () => {
    expect(await kept()).toEqual(await counted());
    const office = await signIn(testApp(database), 'office');
    const [category] = await database.db.select({ id: categories.id }).from(categories).limit(1);
    const [officer] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
    const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', assigneeId: officer?.id, title: '计数测试', source: 'other' });
    expect(created.status).toBe(201);
    const clue = (await created.json()) as { id: number; version: number };
    let version = clue.version;
    const step = async (method: 'POST' | 'PATCH', path: string, body: Record<string, unknown>) => {
      const answer = await office.send(method, path, { ...body, version });
      expect(answer.status, await answer.clone().text()).toBe(200);
      version = ((await answer.json()) as { version: number }).version;
    };
    await step('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying' });
    await step('PATCH', `/api/clues/${clue.id}`, { categoryId: category?.id ?? null });
    await step('POST', `/api/clues/${clue.id}/transfer`, { unitId: 'lueyang', reason: '属地管辖' });
    // Merged into another verifying clue: it leaves its column for the merged one.
    const [target] = await database.db
      .select({ id: clues.id })
      .from(clues)
      .where(and(eq(clues.state, 'verifying'), sql`${clues.id} <> ${clue.id}`))
      .limit(1);
    await step('POST', `/api/clues/${clue.id}/transitions`, { to: 'merged', payload: { targetId: target?.id, reason: '同一线索' } });
    expect(await kept()).toEqual(await counted());

    // The board reads them: its columns agree with the cards, on the whole board and within a unit.
    for (const query of ['', '?unit=hantai', '?swimlane=category', '?unit=hantai&swimlane=unit']) {
      const board = (await (await office.get(`/api/campaigns/1/board${query}`)).json()) as BoardAnswer;
      const unitClause = query.includes('unit=hantai') ? `and unit_id in (select id from units where id = 'hantai' or parent_id = 'hantai')` : '';
      const rows = (await database.client.execute(`select state, count(*) as n from clues where campaign_id = 1 ${unitClause} group by state`)).rows;
      const expected = Object.fromEntries(rows.map((r) => [String(r.state), Number(r.n)]));
      for (const column of board.columns) expect(column.count, `${query} ${column.state}`).toBe(expected[column.state] ?? 0);
    }
  });

  it('are rebuilt by the migration from the items as they stand', async () => {
    const migration = readFileSync(new URL('../../db/migrations/0006_board_counts.sql', import.meta.url), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').filter((s) => /^\s*(--[^\n]*\n\s*)*INSERT INTO/i.test(s));
    expect(backfill).toHaveLength(1);
    const before = await kept();
    await database.write(async (tx) => {
      await tx.run(sql`delete from board_counts`);
      for (const statement of backfill) await tx.run(sql.raw(statement));
    });
    expect(await kept()).toEqual(before);
  });
});
