import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, clues, problems, users } from '../../db/schema';
import { movingClockApp, signIn, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let setClock: (at: Date) => void;

beforeAll(async () => {
  database = await testDatabase({ clues: 60, problems: 12 });
  ({ app, setClock } = movingClockApp(database, testNow));
});
afterAll(() => database.drop());

interface Waiting {
  total: number;
  mayDecide: boolean;
  answered: { subject: string; subjectId: number; until: string; outcome: string; grantedUntil: string | null; reason: string | null; answeredByName: string | null }[];
  items: { subject: string; subjectId: number; unitId: string; until: string; reason: string; askedBy: number; askedByName: string | null; askedAt: string; dueAt: string | null; requestedDueAt: string }[];
}
const keyOf = (r: { subject: string; subjectId: number }) => `${r.subject}:${r.subjectId}`;

async function waiting(who: Session, query = ''): Promise<Waiting> {
  const response = await who.get(`/api/campaigns/1/extension-requests${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Waiting;
}

/** An open item worked by its unit's officer, with that officer; the second in another unit than `notUnit`. */
async function workedItem(kind: 'clue' | 'problem', notUnit = '') {
  const t = kind === 'clue' ? clues : problems;
  const [row] = await database.db
    .select({ id: t.id, version: t.version, unitId: t.unitId, username: users.username, userId: users.id, displayName: users.displayName })
    .from(t)
    .innerJoin(users, eq(users.id, t.assigneeId))
    .where(and(eq(t.state, kind === 'clue' ? 'filed' : 'rectifying'), ne(t.unitId, notUnit), eq(users.role, 'officer')))
    .orderBy(t.id)
    .limit(1);
  if (row === undefined) throw new Error(`no ${kind} worked by an officer`);
  return { ...row, officer: await signIn(app, row.username) };
}

describe('the requests for more time waiting (延期申请)', () => {
  it('lists each to the lead of its unit and to the office, the oldest first, with who asked and why; an officer sees their own; an answer ends it', async () => {
    const office = await signIn(app, 'office');
    const before = new Set((await waiting(office, '?limit=500')).items.map(keyOf));

    const clue = await workedItem('clue');
    const problem = await workedItem('problem', clue.unitId);
    setClock(new Date(testNow.getTime() + 60_000));
    const askedClue = await clue.officer.send('POST', `/api/clues/${clue.id}/extension-request`, { version: clue.version, until: '2026-12-20', reason: '涉案人员在外地' });
    expect(askedClue.status).toBe(200);
    setClock(new Date(testNow.getTime() + 120_000));
    const askedProblem = await problem.officer.send('POST', `/api/problems/${problem.id}/extension-request`, { version: problem.version, until: '2026-12-10', reason: '整改需采购设备' });
    expect(askedProblem.status).toBe(200);

    // The office answers every request: the two new ones come after those already waiting, the older first.
    const all = await waiting(office, '?limit=500');
    expect(all.mayDecide).toBe(true);
    expect(all.total).toBe(before.size + 2);
    const added = all.items.filter((r) => !before.has(keyOf(r)));
    expect(added.map((r) => [keyOf(r), r.until, r.reason, r.askedBy, r.askedByName])).toEqual([
      [`clue:${clue.id}`, '2026-12-20', '涉案人员在外地', clue.userId, clue.displayName],
      [`problem:${problem.id}`, '2026-12-10', '整改需采购设备', problem.userId, problem.displayName],
    ]);
    expect(added[0]).toMatchObject({ unitId: clue.unitId, requestedDueAt: '2026-12-20T16:00:00.000Z' });
    expect(all.items.map((r) => r.askedAt)).toEqual([...all.items.map((r) => r.askedAt)].sort());
    // A limit sends the oldest, and still counts them all.
    const first = await waiting(office, '?limit=1');
    expect([first.total, first.items.length, first.items[0]?.askedAt]).toEqual([all.total, 1, all.items[0]?.askedAt]);

    // The clue's unit lead answers the clue's request, not the other unit's.
    const lead = await signIn(app, `${clue.unitId}.lead`);
    const leads = await waiting(lead);
    expect(leads.mayDecide).toBe(true);
    expect(leads.items.map(keyOf)).toContain(`clue:${clue.id}`);
    expect(leads.items.map(keyOf)).not.toContain(`problem:${problem.id}`);
    expect(leads.items.every((r) => r.unitId === clue.unitId || r.unitId.startsWith(`${clue.unitId}.`))).toBe(true);

    // The officer sees what they asked, and answers nothing.
    const mine = await waiting(clue.officer);
    expect([mine.mayDecide, mine.items.map(keyOf)]).toEqual([false, [`clue:${clue.id}`]]);
    expect((await waiting(problem.officer)).items.map(keyOf)).toEqual([`problem:${problem.id}`]);

    // Granted, the clue's request is no longer waiting; the problem's still is.
    const granted = await lead.send('POST', `/api/clues/${clue.id}/extend`, { version: clue.version + 1, until: '2026-12-20', reason: '同意' });
    expect(granted.status).toBe(200);
    const after = (await waiting(office, '?limit=500')).items.map(keyOf);
    expect(after).not.toContain(`clue:${clue.id}`);
    expect(after).toContain(`problem:${problem.id}`);
    const officers = await waiting(clue.officer);
    expect(officers.total).toBe(0);
    // Whoever asked learns the answer: granted, to the day given, by whom.
    const leadName = (await database.db.select({ name: users.displayName }).from(users).where(eq(users.username, `${clue.unitId}.lead`)))[0]?.name;
    expect(officers.answered.map((r) => [keyOf(r), r.outcome, r.until, r.grantedUntil, r.reason, r.answeredByName])).toEqual([[`clue:${clue.id}`, 'granted', '2026-12-20', '2026-12-20', '同意', leadName]]);

    // Declined, with why; the latest answer first.
    const declined = await office.send('POST', `/api/problems/${problem.id}/extension-request/decline`, { version: problem.version + 1, reason: '设备可先行借用，应按期整改' });
    expect(declined.status).toBe(200);
    const problems = (await waiting(problem.officer)).answered;
    expect(problems.map((r) => [keyOf(r), r.outcome, r.grantedUntil, r.reason])).toEqual([[`problem:${problem.id}`, 'declined', null, '设备可先行借用，应按期整改']]);
    // Another's answers are not theirs to see.
    expect((await waiting(clue.officer)).answered.map(keyOf)).toEqual([`clue:${clue.id}`]);

    // A request ends with its item's state: the asker is told so.
    const [found] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(and(eq(clues.state, 'found'), eq(clues.unitId, clue.unitId))).orderBy(clues.id).limit(1);
    if (found === undefined) throw new Error('no clue found in the unit');
    setClock(new Date(testNow.getTime() + 180_000));
    const ask = await lead.send('POST', `/api/clues/${found.id}/extension-request`, { version: found.version, until: '2026-12-01', reason: '待核实' });
    expect(ask.status).toBe(200);
    expect((await lead.send('POST', `/api/clues/${found.id}/transitions`, { to: 'verifying', version: found.version + 1 })).status).toBe(200);
    expect((await waiting(lead)).answered.map((r) => [keyOf(r), r.outcome, r.reason])).toEqual([[`clue:${found.id}`, 'ended', null]]);
  });

  it('tells whoever asked no answer given on an item since transferred out of their units: neither its title nor why', async () => {
    const office = await signIn(app, 'office');
    const clue = await workedItem('clue');
    setClock(new Date(testNow.getTime() + 200_000));
    expect((await clue.officer.send('POST', `/api/clues/${clue.id}/extension-request`, { version: clue.version, until: '2026-12-22', reason: '待调取证据' })).status).toBe(200);
    const elsewhere = clue.unitId === 'chenggu' ? 'yangxian' : 'chenggu';
    expect((await office.send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version + 1, unitId: elsewhere, reason: '属地管辖' })).status).toBe(200);
    const declined = await (await signIn(app, `${elsewhere}.lead`)).send('POST', `/api/clues/${clue.id}/extension-request/decline`, { version: clue.version + 2, reason: '另案线索涉及的内部原因' });
    expect(declined.status).toBe(200);
    expect((await clue.officer.get(`/api/clues/${clue.id}`)).status).toBe(404);
    expect((await waiting(clue.officer)).answered.map(keyOf)).not.toContain(`clue:${clue.id}`);
  });

  it('lists and counts none once the campaign has concluded: a request still waiting then is one nobody can answer', async () => {
    const office = await signIn(app, 'office');
    const clue = await workedItem('clue');
    setClock(new Date(testNow.getTime() + 240_000));
    expect((await clue.officer.send('POST', `/api/clues/${clue.id}/extension-request`, { version: clue.version, until: '2026-12-28', reason: '结束前未答复' })).status).toBe(200);
    expect((await waiting(office, '?limit=500')).items.map(keyOf)).toContain(`clue:${clue.id}`);
    const [campaign] = await database.db.select({ state: campaigns.state }).from(campaigns).where(eq(campaigns.id, 1));
    await database.db.update(campaigns).set({ state: 'concluded' }).where(eq(campaigns.id, 1));
    try {
      expect(await waiting(office, '?limit=500')).toMatchObject({ total: 0, mayDecide: false, items: [] });
      expect(await waiting(await signIn(app, 'hantai.lead'))).toMatchObject({ total: 0, mayDecide: false, items: [] });
    } finally {
      await database.db.update(campaigns).set({ state: campaign?.state ?? 'consolidation' }).where(eq(campaigns.id, 1));
    }
  });

  it('refuses a campaign that does not exist, and a limit out of range by its field', async () => {
    const office = await signIn(app, 'office');
    expect((await office.get('/api/campaigns/999/extension-requests')).status).toBe(404);
    const refused = await office.get('/api/campaigns/1/extension-requests?limit=0');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['query.limit']);
  });
});
