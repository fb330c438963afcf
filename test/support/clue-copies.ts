import type { Database } from '../../db/client';

/**
 * Inserts `n` copies of a verifying clue with SQL, for tests that need a
 * long campaign fast. The copies have no audit entries of their own, so the
 * database no longer passes `audit:verify`. `dueAt` gives every copy that due
 * time (in its row and its context alike); `title` numbers the copies under
 * it (`title` 1, 2, …); otherwise they keep the clue's.
 */
export async function insertClueCopies(database: Database, n: number, options: { dueAt?: Date; title?: string } = {}): Promise<void> {
  const dueAt = options.dueAt?.toISOString();
  await database.client.execute({
    sql: `insert into clues (campaign_id, state, version, unit_id, category_id, assignee_id, title, found_at, entered_at, last_note_at, due_at, context, updated_at)
          with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
          select t.campaign_id, t.state, t.version, t.unit_id, t.category_id, t.assignee_id, ${options.title === undefined ? 't.title' : '? || n.i'}, t.found_at, t.entered_at, t.last_note_at,
                 ${dueAt === undefined ? 't.due_at, t.context' : `?, json_set(t.context, '$.dueAt', ?)`}, t.updated_at
          from n, (select * from clues where state = 'verifying' limit 1) t`,
    args: [n, ...(options.title === undefined ? [] : [options.title]), ...(dueAt === undefined ? [] : [dueAt, dueAt])],
  });
}
