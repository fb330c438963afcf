import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, escalations, problems } from '../../db/schema';
import { movingClockApp, signIn, type TestApp } from '../../test/support/api-client';
import { userNamed } from '../../test/support/demo-users';
import { testDatabase, testNow } from '../../test/support/test-database';
import type { EscalationWire } from '../contracts/escalations';
import { sweepDeadlines } from '../services/deadline-sweep';

let database: Awaited<ReturnType<typeof testDatabase>>;
let app: TestApp;
let setClock: (at: Date) => void;

beforeAll(async () => {
  database = await testDatabase({ clues: 20, problems: 2 });
  ({ app, setClock } = movingClockApp(database, testNow));
});
afterAll(() => database.drop());

const hour = 3_600_000;

interface Problem {
  id: number;
  version: number;
  state: string;
  dueAt: string;
  changes: string[];
}

/** A problem of 汉台 rectified by its officer at the test's instant: waiting for the office's check (已整改待验收), due 7 days on. */
async function rectifiedProblem(title: string): Promise<Problem> {
  setClock(testNow);
  const lead = await signIn(app, 'hantai.lead');
  const created = await lead.send('POST', '/api/problems', { campaignId: 1, unitId: 'hantai', title, problemKind: 'platformSupervision' });
  expect(created.status).toBe(201);
  const identified = (await created.json()) as Problem;
  const rectifying = await lead.send('POST', `/api/problems/${identified.id}/transitions`, { to: 'rectifying', version: identified.version, payload: { assigneeId: (await userNamed(database.db, 'hantai.officer')).id } });
  expect(rectifying.status).toBe(200);
  const officer = await signIn(app, 'hantai.officer');
  const rectified = await officer.send('POST', `/api/problems/${identified.id}/transitions`, {
    to: 'rectified',
    version: ((await rectifying.json()) as Problem).version,
    payload: { rectification: { measures: '约谈平台并督促整改', websitesShutDown: 1, accountsClosed: 2 } },
  });
  expect(rectified.status).toBe(200);
  return (await rectified.json()) as Problem;
}

/** Sweeps at an instant, and moves the clock there (a session idle since an earlier instant has run out). */
async function sweepAt(at: number, options: { settleAll?: boolean } = {}) {
  const result = await sweepDeadlines(database, new Date(at), options);
  setClock(new Date(at));
  return result;
}

async function escalationsOf(id: number) {
  return database.db.select().from(escalations).where(and(eq(escalations.subject, 'problem'), eq(escalations.subjectId, id))).orderBy(escalations.level);
}

async function inboxOf(username: string, id: number): Promise<EscalationWire[]> {
  const response = await (await signIn(app, username)).get(`/api/escalations?view=mine&status=active&limit=2000`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: EscalationWire[] }).items.filter((e) => e.subject === 'problem' && e.subjectId === id);
}

describe('a problem waiting for the office’s check (已整改待验收)', () => {
  it('raises its 临期 and 超期 to the office, who sees and may acknowledge them; its officer and lead are not told of a deadline only the office can meet', async () => {
    const problem = await rectifiedProblem('某论坛涉黑恶信息清理（待验收临期）');
    const due = Date.parse(problem.dueAt);
    await sweepAt(due - 24 * hour + 1000);
    expect((await escalationsOf(problem.id)).map((e) => [e.level, e.state, e.recipient, e.recipientUserId])).toEqual([[1, 'rectified', 'office', null]]);
    await sweepAt(due + 1000);
    expect((await escalationsOf(problem.id)).map((e) => [e.level, e.recipient, e.recipientUserId])).toEqual([
      [1, 'office', null],
      [2, 'office', null],
    ]);
    expect((await inboxOf('office', problem.id)).map((e) => [e.level, e.mayAcknowledge]).sort()).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(await inboxOf('hantai.officer', problem.id)).toEqual([]);
    expect(await inboxOf('hantai.lead', problem.id)).toEqual([]);
    // The raise entries list them so.
    const raised = await database.db.select({ payload: auditLog.payload }).from(auditLog).where(eq(auditLog.event, 'escalation.raise'));
    const listed = raised.flatMap((entry) => (JSON.parse(entry.payload) as { escalations: unknown[][] }).escalations).filter((row) => row[1] === 'problem' && row[2] === problem.id);
    expect(listed.map((row) => [row[3], row[4]])).toEqual([
      [1, 'office'],
      [2, 'office'],
    ]);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('is not extended at the unit’s asking nor by its lead: refused saying whose deadline it is, in zh and en, and nothing stored; the office extends it', async () => {
    const problem = await rectifiedProblem('某网站违规内容整改（待验收延期）');
    const officer = await signIn(app, 'hantai.officer');
    const lead = await signIn(app, 'hantai.lead');
    const office = await signIn(app, 'office');
    // The drawer offers neither 申请延期 nor 延期 to the unit.
    const deadlineChanges = async (who: typeof officer) => ((await (await who.get(`/api/problems/${problem.id}`)).json()) as Problem).changes.filter((c) => /extend|Extension/i.test(c)).sort();
    expect(await deadlineChanges(officer)).toEqual([]);
    expect(await deadlineChanges(lead)).toEqual([]);
    expect(await deadlineChanges(office)).toEqual(['problem.declineExtension', 'problem.extend']);

    const body = { version: problem.version, until: '2026-07-31', reason: '等待专项办组织验收' };
    const asked = await officer.send('POST', `/api/problems/${problem.id}/extension-request`, body);
    expect(asked.status).toBe(422);
    expect(asked.headers.get('content-type')).toContain('application/problem+json');
    expect((await asked.json()) as { code: string; reason: { zh: string; en: string } }).toMatchObject({
      code: 'move_not_allowed',
      reason: { zh: '“已整改待验收”的事项由专项办办理，期限由专项办掌握，不能申请延期', en: expect.stringContaining('no extension can be asked for') },
    });
    const extendedByLead = await lead.send('POST', `/api/problems/${problem.id}/extend`, body);
    expect(extendedByLead.status).toBe(403);
    expect((await extendedByLead.json()) as { code: string; reason: { zh: string; en: string } }).toMatchObject({
      code: 'role_forbidden',
      reason: { zh: expect.stringContaining('只有专项办可以延期'), en: expect.stringContaining('only the office may extend it') },
    });
    const after = (await (await lead.get(`/api/problems/${problem.id}`)).json()) as Problem;
    expect([after.version, after.dueAt]).toEqual([problem.version, problem.dueAt]);

    const extended = await office.send('POST', `/api/problems/${problem.id}/extend`, body);
    expect(extended.status).toBe(200);
    expect(((await extended.json()) as Problem).dueAt).toBe('2026-07-31T16:00:00.000Z');
  });

  it('has a request for more time left waiting from before this rule answered by the office: in the office’s inbox and not the lead’s, nor counted there', async () => {
    const problem = await rectifiedProblem('某平台违规信息整改（待验收旧申请）');
    const officer = await userNamed(database.db, 'hantai.officer');
    // As a release before this rule left it: 汉台's officer asked for more time on the rectified problem, and the request waits.
    const request = { until: '2026-07-20', dueAt: '2026-07-20T16:00:00.000Z', reason: '等待专项办组织验收', by: officer.id, at: new Date(testNow.getTime() + 1000).toISOString() };
    await database.write(async (tx) => {
      await tx.run(sql`update problems set context = json_set(context, '$.extensionRequest', json(${JSON.stringify(request)})), extension_asked_until = ${request.until} where id = ${problem.id}`);
    });
    const lead = await signIn(app, 'hantai.lead');
    const office = await signIn(app, 'office');
    const requests = async (who: typeof lead) => {
      const response = await who.get('/api/campaigns/1/extension-requests?limit=500');
      expect(response.status).toBe(200);
      return (await response.json()) as { total: number; items: { subject: string; subjectId: number }[]; askedByMe: { subjectId: number }[] };
    };
    const listsIt = (list: { subject: string; subjectId: number }[]) => list.some((r) => r.subject === 'problem' && r.subjectId === problem.id);

    // The lead cannot answer it (the office's deadline): neither listed nor counted in their inbox.
    const leads = await requests(lead);
    expect(listsIt(leads.items)).toBe(false);
    expect(leads.total).toBe(leads.items.length);
    expect((await lead.send('POST', `/api/problems/${problem.id}/extension-request/decline`, { version: problem.version, reason: '请专项办答复' })).status).toBe(403);
    // The office answers it: listed and counted; whoever asked still sees it waiting.
    const offices = await requests(office);
    expect(listsIt(offices.items)).toBe(true);
    expect(offices.total).toBe(offices.items.length);
    expect(listsIt((await requests(await signIn(app, 'hantai.officer'))).items)).toBe(true);

    // The office grants it, to the day asked for: the deadline moves and the request no longer waits.
    const granted = await office.send('POST', `/api/problems/${problem.id}/extend`, { version: problem.version, until: request.until, reason: '同意，待验收', answering: { askedAt: request.at } });
    expect(granted.status).toBe(200);
    expect(((await granted.json()) as Problem).dueAt).toBe(request.dueAt);
    expect(listsIt((await requests(office)).items)).toBe(false);
    const [row] = await database.db.select({ asked: problems.extensionAskedUntil }).from(problems).where(eq(problems.id, problem.id));
    expect(row?.asked).toBeNull();
  });

  it('has escalations raised to its officer and lead before this rule passed to the office by the first sweep after start', async () => {
    const problem = await rectifiedProblem('某平台账号违规整改（待验收旧库）');
    const due = Date.parse(problem.dueAt);
    await sweepAt(due - 24 * hour + 1000);
    await sweepAt(due + 1000);
    // As a database written before held them: 临期 to the assignee, acknowledged by them; 超期 to 汉台's lead.
    const officerId = (await userNamed(database.db, 'hantai.officer')).id;
    await database.write(async (tx) => {
      await tx.run(sql`update escalations set recipient = 'assignee', recipient_user_id = ${officerId}, status = 'acknowledged', acknowledged_by = ${officerId}, acknowledged_at = ${new Date(due - hour).toISOString()} where subject = 'problem' and subject_id = ${problem.id} and level = 1`);
      await tx.run(sql`update escalations set recipient = 'unitLead' where subject = 'problem' and subject_id = ${problem.id} and level = 2`);
    });
    // The sweeps on an interval leave them as they are; the first after start passes them on.
    expect((await sweepAt(due + 2000)).resolved).toBe(0);
    expect((await escalationsOf(problem.id)).map((e) => e.recipient)).toEqual(['assignee', 'unitLead']);
    expect((await sweepAt(due + 3000, { settleAll: true })).resolved).toBe(2);
    expect((await escalationsOf(problem.id)).map((e) => [e.level, e.recipient, e.recipientUserId, e.unitId, e.status, e.acknowledgedBy])).toEqual([
      [1, 'office', null, 'hantai', 'open', null],
      [2, 'office', null, 'hantai', 'open', null],
    ]);
    expect((await inboxOf('office', problem.id)).map((e) => e.level).sort()).toEqual([1, 2]);
    expect(await inboxOf('hantai.lead', problem.id)).toEqual([]);
    // Each with an entry of its own saying whom it went from and to; the next start finds nothing to pass on.
    const rerouted = await database.db.select({ payload: auditLog.payload }).from(auditLog).where(eq(auditLog.event, 'escalation.reroute'));
    const theirs = rerouted.map((entry) => JSON.parse(entry.payload) as { item: { id: number }; level: number; from: { recipient: string }; to: { recipient: string } }).filter((p) => p.item.id === problem.id);
    expect(theirs.map((p) => [p.level, p.from.recipient, p.to.recipient]).sort()).toEqual([
      [1, 'assignee', 'office'],
      [2, 'unitLead', 'office'],
    ]);
    expect((await sweepAt(due + 4000, { settleAll: true })).resolved).toBe(0);
  });
});
