import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clues, users } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';

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
  changes: string[];
}
interface Settings {
  revision: number;
  config: { extensionsByLead?: number | null };
}

const send = async (who: Session, method: string, path: string, body?: Record<string, unknown>) => {
  const response = await who.send(method, path, body);
  return { status: response.status, body: (await response.json()) as Item & Settings & { reason?: { zh: string }; fields?: { field: string }[] } };
};

/** A clue found and not yet verified in the lead's unit, as the lead reads it. */
async function foundClue(lead: Session, unitId: string): Promise<Item> {
  const [row] = await database.db.select({ id: clues.id }).from(clues).where(and(eq(clues.state, 'found'), eq(clues.unitId, unitId))).orderBy(clues.id).limit(1);
  if (row === undefined) throw new Error(`no clue found in ${unitId}`);
  return (await (await lead.get(`/api/clues/${row.id}`)).json()) as Item;
}

describe("a unit lead's extensions in one state (the campaign's limit)", () => {
  it('is set by the office in the settings (empty: no limit), and refused out of range by its field', async () => {
    const office = await signIn(app, 'office');
    const settings = (await (await office.get('/api/campaigns/1/settings')).json()) as Settings;
    const refused = await send(office, 'PATCH', '/api/campaigns/1/settings', { revision: settings.revision, extensionsByLead: -1 });
    expect(refused.status).toBe(400);
    expect(refused.body.fields?.map((f) => f.field)).toEqual(['extensionsByLead']);
    const none = await send(office, 'PATCH', '/api/campaigns/1/settings', { revision: settings.revision, extensionsByLead: null });
    expect([none.status, none.body.config.extensionsByLead]).toEqual([200, null]);
    const once = await send(office, 'PATCH', '/api/campaigns/1/settings', { revision: none.body.revision, extensionsByLead: 1 });
    expect([once.status, once.body.config.extensionsByLead]).toEqual([200, 1]);
  });

  it('past it, the lead is refused and offered to ask instead, the office grants, and the count starts again in the next state', async () => {
    const [leadRow] = await database.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, 'hantai.lead'));
    const lead = await signIn(app, 'hantai.lead');
    const office = await signIn(app, 'office');
    const clue = await foundClue(lead, leadRow?.unitId ?? 'hantai');
    expect(clue.changes).toContain('clue.extend');

    const first = await send(lead, 'POST', `/api/clues/${clue.id}/extend`, { version: clue.version, until: '2026-07-01', reason: '等待电信运营商回函' });
    expect(first.status).toBe(200);
    // Once is this campaign's limit: the drawer offers the lead a request instead.
    expect(first.body.changes).not.toContain('clue.extend');
    expect(first.body.changes).toContain('clue.requestExtension');
    expect((await (await lead.get(`/api/clues/${clue.id}`)).json()).changes).not.toContain('clue.extend');
    // Nor do its card and its list row, which a batch of ticked items is offered from (延期 was offered, then refused
    // item by item); another card of the column, extended by no one, still offers it.
    type Cards = { columns: { state: string; cards: { id: number; changes: string[] }[] }[] };
    const board = (await (await lead.get('/api/campaigns/1/board?kind=clue&limit=500')).json()) as Cards;
    const found = board.columns.find((column) => column.state === 'found')?.cards ?? [];
    const card = found.find((c) => c.id === clue.id);
    expect(card?.changes).toContain('clue.requestExtension');
    expect(card?.changes).not.toContain('clue.extend');
    expect(board.columns.flatMap((column) => column.cards).some((c) => c.id !== clue.id && c.changes.includes('clue.extend'))).toBe(true);
    const list = (await (await lead.get('/api/campaigns/1/lists/clues?limit=200')).json()) as { items: { id: number; changes: string[] }[] };
    expect(list.items.find((row) => row.id === clue.id)?.changes).not.toContain('clue.extend');
    expect(list.items.some((row) => row.id !== clue.id && row.changes.includes('clue.extend'))).toBe(true);

    const second = await send(lead, 'POST', `/api/clues/${clue.id}/extend`, { version: first.body.version, until: '2026-07-15', reason: '仍在等待回函' });
    expect(second.status).toBe(403);
    expect(second.body.reason?.zh).toContain('最多可延期 1 次');
    const unchanged = (await (await lead.get(`/api/clues/${clue.id}`)).json()) as Item;
    expect([unchanged.version, unchanged.dueAt]).toEqual([first.body.version, first.body.dueAt]);

    // The lead asks; the request waits on the office, not in the lead's own list.
    const asked = await send(lead, 'POST', `/api/clues/${clue.id}/extension-request`, { version: first.body.version, until: '2026-07-15', reason: '仍在等待回函' });
    expect(asked.status).toBe(200);
    type Waiting = { total: number; items: { subjectId: number; subject: string }[]; askedByMe: { subjectId: number; subject: string }[] };
    const mine = (await (await lead.get('/api/campaigns/1/extension-requests?limit=500')).json()) as Waiting;
    expect(mine.items.some((r) => r.subject === 'clue' && r.subjectId === clue.id)).toBe(false);
    // Listed apart as the lead's own, waiting (it showed only once the office had answered), and not counted as theirs to answer.
    expect(mine.askedByMe.map((r) => [r.subject, r.subjectId])).toEqual([['clue', clue.id]]);
    expect(mine.total).toBe(mine.items.length);
    // Nor may the lead answer it: not offered, and refused (a decline of their own was counted as a lead's refusal).
    expect(((await (await lead.get(`/api/clues/${clue.id}`)).json()) as Item).changes).not.toContain('clue.declineExtension');
    const ownDecline = await send(lead, 'POST', `/api/clues/${clue.id}/extension-request/decline`, { version: asked.body.version, reason: '撤回' });
    expect([ownDecline.status, ownDecline.body.reason?.zh]).toEqual([403, '不能答复自己提出的延期申请：由专项办审批']);
    expect(((await (await office.get(`/api/clues/${clue.id}`)).json()) as Item).changes).toContain('clue.declineExtension');
    const offices = (await (await office.get('/api/campaigns/1/extension-requests?limit=500')).json()) as Waiting;
    expect(offices.items.some((r) => r.subject === 'clue' && r.subjectId === clue.id)).toBe(true);
    const granted = await send(office, 'POST', `/api/clues/${clue.id}/extend`, { version: asked.body.version, until: '2026-07-15', reason: '同意' });
    expect([granted.status, granted.body.dueAt]).toEqual([200, '2026-07-15T16:00:00.000Z']);

    // In the next state the lead's count starts again.
    const moved = await send(lead, 'POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: granted.body.version });
    expect(moved.status).toBe(200);
    expect(moved.body.changes).toContain('clue.extend');
    const again = await send(lead, 'POST', `/api/clues/${clue.id}/extend`, { version: moved.body.version, until: '2026-08-01', reason: '核查需要更多时间' });
    expect(again.status).toBe(200);
    expect(again.body.changes).not.toContain('clue.extend');
  });
});
