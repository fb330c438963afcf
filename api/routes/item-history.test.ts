import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { escalations } from '../../db/schema';
import { movingClockApp, signIn, type TestApp } from '../../test/support/api-client';
import { userNamed } from '../../test/support/demo-users';
import { testDatabase, testNow } from '../../test/support/test-database';
import type { HistoryEntry } from '../contracts/items';
import { sweepDeadlines } from '../services/deadline-sweep';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let setClock: (at: Date) => void;

beforeAll(async () => {
  database = await testDatabase({ clues: 20, problems: 2 });
  ({ app, setClock } = movingClockApp(database, testNow));
});
afterAll(() => database.drop());

const userId = (username: string) => userNamed(database.db, username);

/** A new clue of 汉台, worked by its officer, found at the test's instant: due at the end of 18 June (16:00 UTC). */
async function newClue(title: string): Promise<{ id: number; version: number }> {
  setClock(testNow);
  const office = await signIn(app, 'office');
  const response = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', assigneeId: (await userId('hantai.officer')).id, title, source: 'platform110' });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; version: number };
}

/** The clue's escalation raised by a sweep a day after its deadline: overdue, to the unit's lead. */
async function escalated(clueId: number): Promise<number> {
  await sweepDeadlines(database, new Date('2026-06-19T18:00:00.000Z'));
  const [row] = await database.db.select({ id: escalations.id, level: escalations.level }).from(escalations).where(eq(escalations.subjectId, clueId));
  expect(row?.level).toBe(2);
  return row?.id ?? -1;
}

describe("an item's history holds its escalations", () => {
  it('says when it was raised and to whom, who acknowledged it, and that the move that followed resolved it, in the order they happened', async () => {
    const clue = await newClue('某网络水军团伙寻衅滋事线索');
    const escalationId = await escalated(clue.id);
    // Signed in at each instant: a session idle since the clue was found has run out.
    setClock(new Date('2026-06-20T01:00:00.000Z'));
    expect((await (await signIn(app, 'hantai.lead')).send('POST', `/api/escalations/${escalationId}/acknowledge`, { note: '已督促承办人当日开始核查' })).status).toBe(200);
    setClock(new Date('2026-06-20T03:00:00.000Z'));
    const moved = await (await signIn(app, 'hantai.lead')).send('POST', `/api/clues/${clue.id}/transitions`, { to: 'verifying', version: clue.version });
    expect(moved.status).toBe(200);

    for (const username of ['hantai.officer', 'hantai.lead', 'office', 'viewer']) {
      const response = await (await signIn(app, username)).get(`/api/clues/${clue.id}/history`);
      expect(response.status, username).toBe(200);
      const history = (await response.json()) as HistoryEntry[];
      expect(history.map((entry) => entry.event)).toEqual(['clue.create', 'escalation.raise', 'escalation.acknowledge', 'clue.verify', 'escalation.resolve']);
      expect(history.map((entry) => entry.seq)).toEqual([...history.map((entry) => entry.seq)].sort((a, b) => a - b));
      const [, raised, acknowledged, , resolved] = history;
      const line = { id: escalationId, level: 2, recipient: 'unitLead', recipientName: null, unitId: 'hantai', state: 'found', dueAt: '2026-06-18T16:00:00.000Z' };
      expect(raised).toMatchObject({ at: '2026-06-19T18:00:00.000Z', actorName: null, fromState: null, toState: null, escalation: { ...line, resolvedBecause: null } });
      // Not the sweep's raise entry itself, which lists every escalation it raised, other units' among them.
      expect(raised?.payload).toEqual({});
      expect(acknowledged).toMatchObject({ at: '2026-06-20T01:00:00.000Z', actorName: (await userId('hantai.lead')).name, payload: { note: '已督促承办人当日开始核查' }, escalation: line });
      expect(resolved).toMatchObject({ at: '2026-06-20T03:00:00.000Z', actorName: null, escalation: { ...line, resolvedBecause: 'movedOn' } });
    }
    // No more readers than the item's own: another unit's officer is told there is no such clue.
    expect((await (await signIn(app, 'nanzheng.officer')).get(`/api/clues/${clue.id}/history`)).status).toBe(404);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('says an escalation resolved by an extension was resolved so', async () => {
    const clue = await newClue('某网络套路贷团伙线索');
    await escalated(clue.id);
    setClock(new Date('2026-06-20T03:00:00.000Z'));
    const lead = await signIn(app, 'hantai.lead');
    expect((await lead.send('POST', `/api/clues/${clue.id}/extend`, { version: clue.version, until: '2026-06-25', reason: '报案人外出，约定返回后核实' })).status).toBe(200);
    const history = (await (await lead.get(`/api/clues/${clue.id}/history`)).json()) as HistoryEntry[];
    expect(history.map((entry) => [entry.event, entry.escalation?.resolvedBecause ?? null])).toEqual([
      ['clue.create', null],
      ['escalation.raise', null],
      ['clue.extend', null],
      ['escalation.resolve', 'extended'],
    ]);
  });
});
