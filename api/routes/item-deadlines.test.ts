import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { campaigns, clues, problems, users } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { staleVersionOf } from '../../test/support/stale-version';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 60, problems: 12 });
  app = testApp(database);
});
afterAll(() => database.drop());

interface Item {
  id: number;
  version: number;
  state: string;
  dueAt: string;
  extensionAskedUntil: string | null;
  context: { extensionRequest?: { until: string; dueAt: string; reason: string; by: number; at: string } | null };
}
type Problem = { fields?: { field: string }[] };

/** An open item assigned to its unit's officer (the demo assigns each unit's items so), as the API gives it, with that officer and lead signed in. */
async function officersItem(kind: 'clue' | 'problem', skip = 0): Promise<{ item: Item; officer: Session; lead: Session }> {
  const t = kind === 'clue' ? clues : problems;
  const rows = await database.db
    .select({ id: t.id, username: users.username, unitId: t.unitId })
    .from(t)
    .innerJoin(users, eq(users.id, t.assigneeId))
    .where(and(eq(t.state, kind === 'clue' ? 'filed' : 'rectifying')))
    .orderBy(t.id);
  const row = rows[skip];
  if (row === undefined) throw new Error(`no ${kind} assigned in that state`);
  const [officer, lead] = [await signIn(app, row.username), await signIn(app, `${row.unitId}.lead`)];
  return { item: (await (await lead.get(`/api/${kind}s/${row.id}`)).json()) as Item, officer, lead };
}

const post = async (who: Session, path: string, body: Record<string, unknown>) => {
  const response = await who.send('POST', path, body);
  return { status: response.status, body: (await response.json()) as Item & Problem };
};

describe('asking for more time (延期申请)', () => {
  it('is asked by the officer working the clue, shown on its card, and declined by the lead with a reason; the deadline stands', async () => {
    const { item: clue, officer, lead } = await officersItem('clue');
    const asked = await post(officer, `/api/clues/${clue.id}/extension-request`, { version: clue.version, until: '2026-12-20', reason: '涉案人员在外地，需协调异地警方协助' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ version: clue.version + 1, dueAt: clue.dueAt, extensionAskedUntil: '2026-12-20', context: { extensionRequest: { until: '2026-12-20', dueAt: '2026-12-20T16:00:00.000Z' } } });
    // The board's card says so, for the lead who answers it.
    type Board = { columns: { state: string; count: number; cards: { id: number; extensionAskedUntil: string | null }[] }[] };
    const board = (await (await lead.get(`/api/campaigns/1/board?kind=clue&limit=500`)).json()) as Board;
    expect(board.columns.flatMap((c) => c.cards).find((c) => c.id === clue.id)?.extensionAskedUntil).toBe('2026-12-20');
    // The board narrowed to the items asking for time shows that one alone, and counts it.
    const asking = (await (await lead.get(`/api/campaigns/1/board?kind=clue&asked=true`)).json()) as Board;
    expect(asking.columns.flatMap((c) => c.cards.map((card) => [card.id, card.extensionAskedUntil]))).toEqual([[clue.id, '2026-12-20']]);
    expect(asking.columns.map((c) => [c.state, c.count]).filter(([, n]) => n !== 0)).toEqual([[clue.state, 1]]);

    // Only a lead or the office answers; the officer cannot decline their own request.
    expect((await post(officer, `/api/clues/${clue.id}/extension-request/decline`, { version: asked.body.version, reason: '撤回' })).status).toBe(403);
    const declined = await post(lead, `/api/clues/${clue.id}/extension-request/decline`, { version: asked.body.version, reason: '案情简单，应按期办结' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ dueAt: clue.dueAt, extensionAskedUntil: null, context: { extensionRequest: null } });
    // Nothing waits now: declining again is refused.
    expect((await post(lead, `/api/clues/${clue.id}/extension-request/decline`, { version: declined.body.version, reason: '重复' })).status).toBe(422);
    const history = (await (await lead.get(`/api/clues/${clue.id}/history`)).json()) as { event: string; payload: { reason?: string } }[];
    expect(history.slice(-2).map((e) => [e.event, e.payload.reason])).toEqual([
      ['clue.requestExtension', '涉案人员在外地，需协调异地警方协助'],
      ['clue.declineExtension', '案情简单，应按期办结'],
    ]);
  });

  it('is granted by an extension, to the day asked, which ends the request', async () => {
    const { item: clue, officer, lead } = await officersItem('clue', 1);
    const asked = await post(officer, `/api/clues/${clue.id}/extension-request`, { version: clue.version, until: '2026-11-30', reason: '电子数据鉴定尚未出具结论' });
    expect(asked.status).toBe(200);
    const granted = await post(lead, `/api/clues/${clue.id}/extend`, { version: asked.body.version, until: '2026-11-30', reason: '同意延期' });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ dueAt: '2026-11-30T16:00:00.000Z', extensionAskedUntil: null, context: { extensionRequest: null } });
    const [row] = await database.db.select({ asked: clues.extensionAskedUntil, due: clues.dueAt }).from(clues).where(eq(clues.id, clue.id));
    expect(row).toEqual({ asked: null, due: '2026-11-30T16:00:00.000Z' });
  });

  it('is granted only while the request the grant names still waits: declined meanwhile by the office, the grant is refused and nothing stored', async () => {
    const { item: clue, officer, lead } = await officersItem('clue', 4);
    const office = await signIn(app, 'office');
    const asked = await post(officer, `/api/clues/${clue.id}/extension-request`, { version: clue.version, until: '2026-11-30', reason: '电子数据鉴定尚未出具结论' });
    expect(asked.status).toBe(200);
    const answering = { askedAt: asked.body.context.extensionRequest?.at };
    expect(answering.askedAt).toEqual(expect.any(String));
    const declined = await post(office, `/api/clues/${clue.id}/extension-request/decline`, { version: asked.body.version, reason: '案情简单，应按期办结' });
    expect(declined.status).toBe(200);

    // The lead's drawer had the request open; the version is the current one (the live stream brought it), so only the request named tells.
    const refused = await lead.send('POST', `/api/clues/${clue.id}/extend`, { version: declined.body.version, until: '2026-11-30', reason: '同意延期', answering });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as { fields: { field: string; message: { zh: string; en: string } }[] };
    expect(problem.fields.map((f) => f.field)).toEqual(['answering']);
    expect(problem.fields[0]?.message.zh).toContain('已不再待审批');
    expect(problem.fields[0]?.message.en).toContain('no longer waiting');
    const after = (await (await lead.get(`/api/clues/${clue.id}`)).json()) as Item;
    expect(after).toMatchObject({ version: declined.body.version, dueAt: clue.dueAt, extensionAskedUntil: null });

    // Asked again, and granted while it waits: stored, the request ended, the entry naming the request it answered.
    const again = await post(officer, `/api/clues/${clue.id}/extension-request`, { version: after.version, until: '2026-11-20', reason: '鉴定机构答复本月内出具结论' });
    expect(again.status).toBe(200);
    const granted = await post(lead, `/api/clues/${clue.id}/extend`, { version: again.body.version, until: '2026-11-20', reason: '同意延期', answering: { askedAt: again.body.context.extensionRequest?.at } });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ dueAt: '2026-11-20T16:00:00.000Z', extensionAskedUntil: null, context: { extensionRequest: null } });
    const history = (await (await lead.get(`/api/clues/${clue.id}/history`)).json()) as { event: string; payload: Record<string, unknown> }[];
    expect(history.at(-1)).toMatchObject({ event: 'clue.extend', payload: { answering: { askedAt: again.body.context.extensionRequest?.at } } });
    // An officer's request does not carry the field.
    expect((await post(officer, `/api/clues/${clue.id}/extension-request`, { version: granted.body.version, until: '2026-12-01', reason: 'x', answering })).status).toBe(400);
  });

  it('refuses a day that is not one, an earlier one, a field it does not know or a stale version, by field, and changes nothing', async () => {
    const { item: clue, officer, lead } = await officersItem('clue', 2);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ version: clue.version, until: '2026-02-30', reason: 'x' }, 400, 'until'],
      [{ version: clue.version, until: '2026-06-01', reason: 'x' }, 422, 'until'],
      [{ version: clue.version, until: '2027-01-05', reason: 'x' }, 422, 'until'],
      [{ version: clue.version, until: '2026-12-01', reason: '  ' }, 400, 'reason'],
      [{ version: clue.version, until: '2026-12-01', reason: 'x', dueAt: '2027-01-01T00:00:00Z' }, 400, 'dueAt'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await post(officer, `/api/clues/${clue.id}/extension-request`, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.fields?.map((f) => f.field), JSON.stringify(body)).toContain(field);
    }
    expect((await post(officer, `/api/clues/${clue.id}/extension-request`, { version: await staleVersionOf(database, 'clue', clue.id), until: '2026-12-01', reason: 'x' })).status).toBe(409);
    const after = (await (await lead.get(`/api/clues/${clue.id}`)).json()) as Item;
    expect(after).toMatchObject({ version: clue.version, dueAt: clue.dueAt, extensionAskedUntil: null });
  });

  it("holds a new deadline to the day the campaign ends on, as its settings say, not to the last phase window's end", async () => {
    const { item: clue } = await officersItem('clue', 3);
    const office = await signIn(app, 'office');
    // The office set the campaign to end a month after its consolidation window (2026-12-31).
    await database.db.update(campaigns).set({ endsOn: '2027-01-31' }).where(eq(campaigns.id, 1));
    try {
      const past = await post(office, `/api/clues/${clue.id}/extend`, { version: clue.version, until: '2027-02-01', reason: '跨年侦办' });
      expect(past.status).toBe(422);
      expect(JSON.stringify(past.body)).toContain('2027-01-31');
      const extended = await post(office, `/api/clues/${clue.id}/extend`, { version: clue.version, until: '2027-01-15', reason: '跨年侦办' });
      expect(extended.status).toBe(200);
      expect(extended.body.dueAt).toBe('2027-01-15T16:00:00.000Z');
    } finally {
      await database.db.update(campaigns).set({ endsOn: '2026-12-31' }).where(eq(campaigns.id, 1));
    }
  });

  it('ends with the state it was asked in: a move on leaves no request waiting', async () => {
    const { item: problem, officer } = await officersItem('problem');
    const asked = await post(officer, `/api/problems/${problem.id}/extension-request`, { version: problem.version, until: '2026-12-15', reason: '整改涉及多个部门，需协调通信管理局' });
    expect(asked.status).toBe(200);
    expect(asked.body.extensionAskedUntil).toBe('2026-12-15');
    const moved = await officer.send('POST', `/api/problems/${problem.id}/transitions`, {
      to: 'rectified',
      version: asked.body.version,
      payload: { rectification: { measures: '已关停', websitesShutDown: 1, accountsClosed: 0 } },
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect((await moved.json()) as Item).toMatchObject({ state: 'rectified', extensionAskedUntil: null, context: { extensionRequest: null } });
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
