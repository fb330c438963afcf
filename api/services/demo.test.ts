import { and, count, eq, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKeptFigures } from '../../db/audit/kept-figures';
import { verifyAudit } from '../../db/audit/verify';
import { campaigns, escalations, frozenReports, users } from '../../db/schema';
import { demoSignInsWork } from '../../db/seed/seed-demo';
import { verifyPassword } from '../auth/password';
import { testDatabase, testNow } from '../../test/support/test-database';
import { sweepDeadlines } from './deadline-sweep';

/** The demo as a first start seeds it (mid-crackdown, 15 June), with the escalations its history raised. */
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ escalations: true });
});
afterAll(() => database.drop());

describe('the demo a first start seeds', () => {
  it('has the escalations raised along its history, and the report of the phase it left counts them', async () => {
    const [campaign] = await database.db.select().from(campaigns);
    const leftSurvey = campaign?.context.phaseEnteredAt.crackdown;
    if (campaign === undefined || leftSurvey === undefined) throw new Error('the demo has left the survey by 15 June');
    const raisedBy = await database.db
      .select({ level: escalations.level, n: count() })
      .from(escalations)
      .where(and(eq(escalations.campaignId, campaign.id), lt(escalations.raisedAt, leftSurvey)))
      .groupBy(escalations.level);
    const expected = Object.fromEntries(([1, 2, 3] as const).map((level) => [level, raisedBy.find((r) => r.level === level)?.n ?? 0]));
    // Raised in the survey itself, not all at the server's first start (which froze reports with none).
    expect(expected[1]).toBeGreaterThan(10);
    expect(expected[2]).toBeGreaterThan(10);
    expect(expected[3]).toBeGreaterThan(0);
    const [survey] = await database.db.select().from(frozenReports).where(eq(frozenReports.phase, 'survey'));
    expect((JSON.parse(survey?.report ?? '{}') as { escalationsRaised: unknown }).escalationsRaised).toEqual(expected);
    // Some still open, each of the stay its item is in now, the newest raised before the first start.
    const open = await database.db.select().from(escalations).where(eq(escalations.status, 'open'));
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((e) => e.raisedAt <= testNow.toISOString())).toBe(true);
  });

  it('keeps its log and figures as a server running all year would have: the log replays, the kept figures agree, and the first sweep has nothing left', async () => {
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
    expect(await checkKeptFigures(database.db)).toEqual([]);
    expect(await sweepDeadlines(database, testNow, { settleAll: true })).toEqual({ raised: 0, resolved: 0 });
  });

  it('has sign-ins the server prints only while they work: every demo account there, the office’s taking the demo password', async () => {
    expect(await demoSignInsWork(database, 'battlemap', verifyPassword)).toBe(true);
    expect(await demoSignInsWork(database, 'another-password', verifyPassword)).toBe(false);
    // A bureau's own accounts named as the demo's (xingzhen.lead) are not the demo: one demo account missing is enough to tell.
    await database.write((tx) => tx.update(users).set({ username: 'foping.officer.old' }).where(eq(users.username, 'foping.officer')));
    expect(await demoSignInsWork(database, 'battlemap', verifyPassword)).toBe(false);
  });
});
