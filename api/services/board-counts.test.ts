import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, clues, users } from '../../db/schema';
import { signIn, testApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { sweepDeadlines } from './deadline-sweep';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ clues: 120, problems: 12 });
});
afterAll(() => database.drop());

/** The counts as the cards themselves give them, and as the kept table holds them. */
async function counted() {
  return (
    await database.client.execute(`select campaign_id, 'clue' as kind, state, unit_id, category_id, count(*) as n,
        count(*) filter (where exists (select 1 from escalations e where e.subject = 'clue' and e.subject_id = clues.id and e.status <> 'resolved')) as escalated
      from clues group by 1, 3, 4, 5
      union all select campaign_id, 'problem', state, unit_id, category_id, count(*),
        count(*) filter (where exists (select 1 from escalations e where e.subject = 'problem' and e.subject_id = problems.id and e.status <> 'resolved'))
      from problems group by 1, 3, 4, 5 order by 1, 2, 3, 4, 5`)
  ).rows;
}
async function kept() {
  return (await database.client.execute('select campaign_id, kind, state, unit_id, category_id, n, escalated from board_counts where n > 0 order by 1, 2, 3, 4, 5')).rows;
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

  it('count the escalated items as the sweep raises rungs and moves settle them, and the escalated board reads them', async () => {
    const later = new Date('2026-09-01T00:00:00+08:00');
    const swept = await sweepDeadlines(database, later);
    expect(swept.raised).toBeGreaterThan(0);
    expect(await kept()).toEqual(await counted());
    const office = await signIn(testApp(database, later), 'office');
    const escalatedBoard = async () => {
      const board = (await (await office.get('/api/campaigns/1/board?escalated=true&limit=500')).json()) as BoardAnswer & { columns: { cards: unknown[] }[] };
      for (const column of board.columns) expect(column.cards.length, column.state).toBe(column.count);
      return Object.fromEntries(board.columns.map((c) => [c.state, c.count]));
    };
    const direct = async () => {
      const rows = (
        await database.client.execute(`select state, count(*) as n from clues
          where campaign_id = 1 and exists (select 1 from escalations e where e.subject = 'clue' and e.subject_id = clues.id and e.status <> 'resolved') group by state`)
      ).rows;
      return Object.fromEntries(rows.map((r) => [String(r.state), Number(r.n)]));
    };
    const [escalated] = (
      await database.client.execute(`select c.id, c.version, c.unit_id, c.category_id, c.assignee_id from clues c where c.campaign_id = 1 and c.state = 'verifying'
        and exists (select 1 from escalations e where e.subject = 'clue' and e.subject_id = c.id and e.status = 'open') limit 1`)
    ).rows;
    expect(escalated).toBeDefined();
    // A clue beside it (same column, unit and category) that is not escalated: the group counts one card but not the other.
    const beside = await office.send('POST', '/api/clues', { campaignId: 1, unitId: String(escalated?.unit_id), categoryId: escalated?.category_id ?? null, title: '未升级', source: 'other' });
    expect(beside.status, await beside.clone().text()).toBe(201);
    const fresh = (await beside.json()) as { id: number; version: number };
    const verifying = await office.send('POST', `/api/clues/${fresh.id}/transitions`, { to: 'verifying', version: fresh.version, payload: { assigneeId: Number(escalated?.assignee_id) } });
    expect(verifying.status, await verifying.clone().text()).toBe(200);
    expect(await kept()).toEqual(await counted());

    const before = await escalatedBoard();
    const expected = await direct();
    for (const [state, n] of Object.entries(before)) expect(n, state).toBe(expected[state] ?? 0);

    // An escalated clue moved on is settled: it leaves the escalated count of its column.
    const moved = await office.send('POST', `/api/clues/${Number(escalated?.id)}/transitions`, { to: 'unfounded', version: Number(escalated?.version), payload: { conclusion: '查无实据' } });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await kept()).toEqual(await counted());
    const after = await escalatedBoard();
    expect(after.verifying).toBe((before.verifying ?? 0) - 1);
    const settled = await direct();
    for (const [state, n] of Object.entries(after)) expect(n, state).toBe(settled[state] ?? 0);

    // An escalated clue given a later deadline (延期) is settled too, in its column.
    const [overdue] = (
      await database.client.execute(`select c.id, c.version from clues c where c.campaign_id = 1 and c.state = 'verifying'
        and exists (select 1 from escalations e where e.subject = 'clue' and e.subject_id = c.id and e.status = 'open') limit 1`)
    ).rows;
    const extended = await office.send('POST', `/api/clues/${Number(overdue?.id)}/extend`, { until: '2026-09-20', version: Number(overdue?.version), reason: '等待银行回函' });
    expect(extended.status, await extended.clone().text()).toBe(200);
    expect(await kept()).toEqual(await counted());
    expect((await escalatedBoard()).verifying).toBe((after.verifying ?? 0) - 1);
  });

  it('are rebuilt by the migration that brought them from the items as they stand', async () => {
    // The counts (0006); how many of each are escalated came later and is checked with its migration (db/item-rungs-migration.test.ts).
    const backfill = readFileSync(new URL('../../db/migrations/0006_board_counts.sql', import.meta.url), 'utf8')
      .split('--> statement-breakpoint')
      .filter((s) => /^\s*(--[^\n]*\n\s*)*(INSERT INTO|UPDATE) board_counts/i.test(s));
    expect(backfill).toHaveLength(1);
    const counted = async () => (await kept()).map(({ escalated: _, ...row }) => row);
    const before = await counted();
    await database.write(async (tx) => {
      await tx.run(sql`delete from board_counts`);
      for (const statement of backfill) await tx.run(sql.raw(statement));
    });
    expect(await counted()).toEqual(before);
  });
});
