import type { InValue } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detachFile } from '../../api/services/attachments';
import { testDatabase, testNow } from '../../test/support/test-database';
import { auditHash } from './hash';
import { mismatchesNamed, verifyAudit, type Mismatch } from './verify';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.drop());

const one = async <Row>(sql: string, args: InValue[] = []): Promise<Row> => {
  const [row] = (await database.client.execute({ sql, args })).rows;
  if (row === undefined) throw new Error(`nothing found by ${sql}`);
  return row as Row;
};

/** A reason the operator reads in both languages, checked by its English (the command-line test checks whole lines in both). */
const said = (en: string) => expect.objectContaining({ zh: expect.stringMatching(/\p{Script=Han}/u), en });

/** What a verification says of a log intact but for stored items or files that differ from it: each, and how many more. */
const differing = (mismatches: readonly Mismatch[], more = 0) => ({ ok: false, logIntact: true, entries: expect.any(Number), newest: expect.anything(), mismatches, more });

/** What the verification says while an item's column holds `value`, set by hand; the column is set back afterwards. */
async function verifiedWith(table: 'clues' | 'problems', id: number, column: string, value: InValue) {
  const before = await one<Record<string, InValue>>(`select ${column} as v from ${table} where id = ?`, [id]);
  await database.client.execute({ sql: `update ${table} set ${column} = ? where id = ?`, args: [value, id] });
  try {
    return await verifyAudit(database.db);
  } finally {
    await database.client.execute({ sql: `update ${table} set ${column} = ? where id = ?`, args: [before.v ?? null, id] });
  }
}

describe('the verification of the columns an item copies from its context', () => {
  // What the board, the filters and the access checks read: a change made to a row alone moves a card or lets another unit see it.
  const edits: readonly [name: string, column: string, value: (clue: { unit_id: string; assignee_id: number }) => InValue][] = [
    ['unit', 'unit_id', (clue) => (clue.unit_id === 'hantai' ? 'wangan' : 'hantai')],
    ['title', 'title', () => 'changed in the row alone'],
    ['due time', 'due_at', () => '2030-01-01T00:00:00.000Z'],
    ['due time', 'due_at', () => null],
    ['assignee', 'assignee_id', () => null],
    ['category', 'category_id', () => null],
    ['found time', 'found_at', () => '2020-01-01T00:00:00.000Z'],
    ['time it entered its state', 'entered_at', () => '2020-01-01T00:00:00.000Z'],
    ['last note time', 'last_note_at', () => null],
    ['file count', 'attachment_count', () => 0],
    ['day asked for more time', 'extension_asked_until', () => '2030-01-01'],
  ];
  it.each(edits)('reports a clue whose stored %s was changed in its row alone (set %s)', async (name, column, value) => {
    const clue = await one<{ id: number; unit_id: string; assignee_id: number }>(
      `select id, unit_id, assignee_id from clues
       where assignee_id is not null and category_id is not null and due_at is not null and last_note_at is not null and attachment_count > 0 order by id limit 1`,
    );
    expect(await verifiedWith('clues', clue.id, column, value(clue))).toEqual(differing([{ subject: 'clue', subjectId: clue.id, reason: said(`stored ${name} differs from the replay of its audit entries`) }]));
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('reports a problem whose stored unit was changed in its row alone', async () => {
    const problem = await one<{ id: number; unit_id: string }>('select id, unit_id from problems order by id limit 1');
    const other = problem.unit_id === 'hantai' ? 'wangan' : 'hantai';
    expect(await verifiedWith('problems', problem.id, 'unit_id', other)).toEqual(differing([{ subject: 'problem', subjectId: problem.id, reason: said('stored unit differs from the replay of its audit entries') }]));
  });
});

describe('items changed outside Battlemap while the log is intact', () => {
  it('are each named, with the log said to be intact and how many entries it holds, not only the first', async () => {
    const [first, second] = (await database.client.execute('select id from clues order by id limit 2')).rows as unknown as { id: number }[];
    const file = await one<{ id: number; subject: string; subject_id: number }>('select id, subject, subject_id from attachments where removed_at is null order by id desc limit 1');
    const entries = await one<{ n: number }>('select count(*) as n from audit_log');
    if (first === undefined || second === undefined) throw new Error('the demo has fewer than two clues');
    await database.client.execute({ sql: 'create temp table kept_titles as select id, title from clues where id in (?, ?)', args: [first.id, second.id] });
    await database.client.execute({ sql: 'create temp table kept_file as select id, content from attachments where id = ?', args: [file.id] });
    await database.client.execute({ sql: "update clues set title = '篡改' where id = ?", args: [first.id] });
    await database.client.execute({ sql: "update clues set title = '再次篡改' where id = ?", args: [second.id] });
    await database.client.execute({ sql: 'update attachments set content = zeroblob(length(content)) where id = ?', args: [file.id] });
    try {
      expect(await verifyAudit(database.db)).toEqual({
        ...differing([
          { subject: 'clue', subjectId: first.id, reason: said('stored title differs from the replay of its audit entries') },
          { subject: 'clue', subjectId: second.id, reason: said('stored title differs from the replay of its audit entries') },
          { subject: file.subject, subjectId: file.subject_id, reason: said(`attached file ${file.id}: its bytes no longer have the SHA-256 recorded when it was attached`) },
        ]),
        entries: entries.n,
      });
    } finally {
      await database.client.execute('update clues set title = (select title from kept_titles where kept_titles.id = clues.id) where id in (select id from kept_titles)');
      await database.client.execute('update attachments set content = (select content from kept_file) where id = (select id from kept_file)');
      await database.client.execute('drop table kept_titles');
      await database.client.execute('drop table kept_file');
    }
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it(`are named up to ${mismatchesNamed}, and the rest counted`, async () => {
    const all = (await database.client.execute({ sql: 'select id from clues order by id limit ?', args: [mismatchesNamed + 3] })).rows as unknown as { id: number }[];
    await database.client.execute({ sql: 'create temp table kept_titles as select id, title from clues where id in (select id from clues order by id limit ?)', args: [mismatchesNamed + 3] });
    await database.client.execute("update clues set title = title || '（改）' where id in (select id from kept_titles)");
    try {
      const result = await verifyAudit(database.db);
      expect(result).toEqual(differing(all.slice(0, mismatchesNamed).map((clue) => ({ subject: 'clue', subjectId: clue.id, reason: said('stored title differs from the replay of its audit entries') })), 3));
    } finally {
      await database.client.execute('update clues set title = (select title from kept_titles where kept_titles.id = clues.id) where id in (select id from kept_titles)');
      await database.client.execute('drop table kept_titles');
    }
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});

describe('the verification of attached files', () => {
  const attachEntryOf = (id: number) =>
    one<{ seq: number; subject: string; subject_id: number }>(
      `select seq, subject, subject_id from audit_log where event like '%.attach' and json_extract(payload, '$.attachmentId') = ?`,
      [id],
    );

  it('reports a file whose row was deleted while its attach entry still names it (a file a user saved, lost without a word)', async () => {
    const file = await one<{ id: number }>('select id from attachments where removed_at is null order by id limit 1');
    const entry = await attachEntryOf(file.id);
    await database.client.execute({ sql: 'create temp table kept_file as select * from attachments where id = ?', args: [file.id] });
    await database.client.execute({ sql: 'delete from attachments where id = ?', args: [file.id] });
    try {
      expect(await verifyAudit(database.db)).toEqual(
        differing([{ seq: entry.seq, subject: entry.subject, subjectId: entry.subject_id, reason: said(`attached file ${file.id}: its attach entry names it, but it is not stored`) }]),
      );
    } finally {
      await database.client.execute('insert into attachments select * from kept_file');
      await database.client.execute('drop table kept_file');
    }
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('passes a file removed with its reason (its row kept, marked removed), and reports one marked removed by hand, or unmarked after its removal', async () => {
    const [removed, other] = (await database.client.execute('select id, subject, subject_id from attachments where removed_at is null order by id limit 2')).rows as unknown as {
      id: number;
      subject: 'clue' | 'problem';
      subject_id: number;
    }[];
    if (removed === undefined || other === undefined) throw new Error('the demo has fewer than two files');
    const office = await one<{ id: number }>("select id from users where role = 'office' order by id limit 1");
    await detachFile(database, removed.subject, removed.subject_id, removed.id, { userId: office.id, role: 'office', unitScope: [] }, '传错了文件', testNow);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });

    await database.client.execute({ sql: 'update attachments set removed_at = ? where id = ?', args: [testNow.toISOString(), other.id] });
    expect(await verifyAudit(database.db)).toEqual(differing([{ subject: other.subject, subjectId: other.subject_id, reason: said(`attached file ${other.id}: marked removed, but no remove entry of this item names it`) }]));
    await database.client.execute({ sql: 'update attachments set removed_at = null where id = ?', args: [other.id] });

    const removal = await one<{ seq: number }>(`select seq from audit_log where event like '%.detach' and json_extract(payload, '$.attachmentId') = ?`, [removed.id]);
    await database.client.execute({ sql: 'update attachments set removed_at = null where id = ?', args: [removed.id] });
    expect(await verifyAudit(database.db)).toEqual(
      differing([{ seq: removal.seq, subject: removed.subject, subjectId: removed.subject_id, reason: said(`attached file ${removed.id}: its remove entry names it, but it is not marked removed`) }]),
    );
    await database.client.execute({ sql: 'update attachments set removed_at = ? where id = ?', args: [testNow.toISOString(), removed.id] });
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});

describe('the verification of an item whose log does not replay', () => {
  it('names the item and why: the event by its place and name, refused in the state the item had reached', async () => {
    // A clue still found, and its log with one entry more, chained as the log chains them: a filing, which a found clue cannot take.
    const clue = await one<{ id: number; campaign_id: number; unit_id: string; category_id: number | null }>(
      `select id, campaign_id, unit_id, category_id from clues where state = 'found' order by id limit 1`,
    );
    const { n: logged } = await one<{ n: number }>(`select count(*) as n from audit_log where subject = 'clue' and subject_id = ?`, [clue.id]);
    const newest = await one<{ seq: number; hash: string }>('select seq, hash from audit_log order by seq desc limit 1');
    const filing = { type: 'clue.file', payload: { caseNumber: 'A6107000001', conclusion: '经核查属实' }, meta: { itemId: clue.id, at: testNow.toISOString(), dueAt: null, campaignConcluded: false } };
    const entry = {
      seq: newest.seq + 1,
      at: testNow.toISOString(),
      actorId: null,
      campaignId: clue.campaign_id,
      subject: 'clue',
      subjectId: clue.id,
      event: 'clue.file',
      fromState: 'found',
      toState: 'filed',
      payload: JSON.stringify(filing),
      version: logged + 1,
      unitId: clue.unit_id,
      categoryId: clue.category_id,
    };
    await database.client.execute({
      sql: `insert into audit_log (seq, at, actor_id, campaign_id, subject, subject_id, event, from_state, to_state, payload, version, unit_id, category_id, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [entry.seq, entry.at, entry.actorId, entry.campaignId, entry.subject, entry.subjectId, entry.event, entry.fromState, entry.toState, entry.payload, entry.version, entry.unitId, entry.categoryId, newest.hash, auditHash(newest.hash, entry)],
    });
    try {
      expect(await verifyAudit(database.db)).toEqual(
        differing([
          {
            subject: 'clue',
            subjectId: clue.id,
            reason: { zh: `回放失败：第 ${logged + 1} 个事件「立案侦查」在「新发现」状态下不被接受`, en: `replay failed: its event ${logged + 1} ("File a case") is not accepted in the state "Found"` },
          },
        ]),
      );
    } finally {
      await database.client.execute({ sql: 'delete from audit_log where seq = ?', args: [entry.seq] });
    }
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
