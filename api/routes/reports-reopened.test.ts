import { asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clues } from '../../db/schema';
import { buildReport, type ReportEntry } from '../../engine';
import { movingClockApp, signIn } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { report as reportSchema } from '../contracts/report';
import type { z } from 'zod';

type Report = z.infer<typeof reportSchema>;

/**
 * A clue found unfounded (查否), reopened (重新核查) and then filed, on days of their own: the report counted its
 * dismissal and its filing both, 核查 twice and 查否 once (QA read 查否 55 where the list of unfounded clues held 53).
 */
let database: Awaited<ReturnType<typeof testDatabase>>;
const clock = { dismissed: '2026-06-15T03:00:00.000Z', reopened: '2026-06-17T03:00:00.000Z', filed: '2026-06-19T03:00:00.000Z', read: '2026-06-21T03:00:00.000Z' };
let before: Report['total']['figures'];

beforeAll(async () => {
  database = await testDatabase({ clues: 200, problems: 10 });
  const { app, setClock } = movingClockApp(database, testNow);
  before = (await reportOf(app, '')).total.figures;
  const [clue] = await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.state, 'verifying')).orderBy(asc(clues.id)).limit(1);
  if (clue === undefined) throw new Error('no clue being verified in the test data');
  let version = clue.version;
  const move = async (at: string, to: string, payload: Record<string, unknown>) => {
    setClock(new Date(at));
    // Signed in on the day: a session left idle for days has ended.
    const office = await signIn(app, 'office');
    const response = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to, version, payload });
    expect(response.status, await response.clone().text()).toBe(200);
    version = ((await response.json()) as { version: number }).version;
  };
  await move(clock.dismissed, 'unfounded', { conclusion: '经核查，举报内容不属实' });
  await move(clock.reopened, 'verifying', { reason: '举报人补充了新的转账记录' });
  await move(clock.filed, 'filed', { caseNumber: '汉公(刑)立字[2026]0933号', conclusion: '经核查线索属实' });
});
afterAll(() => database.drop());

async function reportOf(app: ReturnType<typeof movingClockApp>['app'], query: string): Promise<Report> {
  const response = await (await signIn(app, 'viewer')).get(`/api/campaigns/1/report${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
}

/** The report as read after the three moves. */
async function reportAfter(query: string): Promise<Report> {
  return reportOf(movingClockApp(database, new Date(clock.read)).app, query);
}

describe('a clue found unfounded, reopened and filed', () => {
  it('counts once as verified and filed, and not as unfounded, over the whole campaign', async () => {
    const after = (await reportAfter('')).total.figures;
    const added = (figure: 'cluesVerified' | 'cluesUnfounded' | 'casesFiled') => (after[figure] ?? 0) - (before[figure] ?? 0);
    expect([added('cluesVerified'), added('cluesUnfounded'), added('casesFiled')]).toEqual([1, 0, 1]);
    // 查否 is the clues that stand unfounded, as their list shows them.
    const [unfounded] = await database.db.select({ n: count() }).from(clues).where(eq(clues.state, 'unfounded'));
    expect(after.cluesUnfounded).toBe(unfounded?.n);
  });

  it('shows the reopening as a take-back in a span holding it alone, and the dismissal in one holding it alone', async () => {
    const figures = async (query: string) => {
      const { cluesVerified, cluesUnfounded, casesFiled } = (await reportAfter(query)).total.figures;
      return [cluesVerified, cluesUnfounded, casesFiled];
    };
    // Whole days (the tallies the trigger keeps) and hours (the entries themselves).
    expect(await figures('?from=2026-06-17T00:00:00.000Z&to=2026-06-18T00:00:00.000Z')).toEqual([-1, -1, 0]);
    expect(await figures('?from=2026-06-17T01:00:00.000Z&to=2026-06-17T05:00:00.000Z')).toEqual([-1, -1, 0]);
    expect(await figures('?from=2026-06-15T02:30:00.000Z&to=2026-06-16T00:00:00.000Z')).toEqual([1, 1, 0]);
  });

  it("equals the engine's reference model (a replay of the audit log) for every figure, unit and category", async () => {
    const rows = await database.db.select().from(auditLog).where(inArray(auditLog.subject, ['clue', 'problem'])).orderBy(asc(auditLog.seq));
    const entries: ReportEntry[] = rows.map((r) => ({ at: r.at, subject: r.subject as 'clue' | 'problem', subjectId: r.subjectId, event: r.event, toState: r.toState, payload: JSON.parse(r.payload) as unknown }));
    expect(entries.some((entry) => entry.event === 'clue.reopen')).toBe(true);
    for (const query of [
      '',
      '?phase=crackdown',
      '?from=2026-06-16T00:00:00.000Z&to=2026-06-20T00:00:00.000Z',
      '?from=2026-06-17T01:00:00.000Z&to=2026-06-17T05:00:00.000Z',
      '?from=2026-06-15T02:30:00.000Z&to=2026-06-18T12:00:00.000Z',
      '?asOf=2026-06-18T00:00:00.000Z',
    ]) {
      const api = await reportAfter(query);
      const model = buildReport(entries, api.span);
      expect(api.total, query).toEqual(model.total);
      expect(api.byUnit, query).toEqual(model.byUnit);
      expect(api.byCategory, query).toEqual(model.byCategory);
    }
  });
});
