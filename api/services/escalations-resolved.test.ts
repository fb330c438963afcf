import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit/verify';
import { auditLog, campaigns, escalations } from '../../db/schema';
import { signIn, testApp } from '../../test/support/api-client';
import { testDatabase } from '../../test/support/test-database';
import { sweepDeadlines } from './deadline-sweep';

let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase({ clues: 20, problems: 2 });
});
afterAll(() => database.drop());

const phaseEscalations = () =>
  database.db.select({ id: escalations.id, state: escalations.state, status: escalations.status }).from(escalations).where(eq(escalations.subject, 'campaign'));

describe("a phase's escalation once the campaign has left the phase", () => {
  it('is settled by the advance, in its commit, with its audit entry; one left open by an older server is settled at start', async () => {
    const closed = new Date('2026-09-01T00:00:00+08:00');
    const [campaign] = await database.db.select().from(campaigns);
    expect(campaign?.state).toBe('crackdown');
    await sweepDeadlines(database, closed);
    expect(await phaseEscalations()).toEqual([{ id: expect.any(Number), state: 'crackdown', status: 'open' }]);

    const app = testApp(database, new Date('2026-09-01T09:00:00+08:00'));
    const office = await signIn(app, 'office');
    const advanced = await office.send('POST', '/api/campaigns/1/advance', { version: campaign?.version, reason: '转入巩固整治阶段，遗留事项继续督办' });
    expect(advanced.status).toBe(200);
    const [left] = await phaseEscalations();
    expect(left).toMatchObject({ state: 'crackdown', status: 'resolved' });
    const entries = await database.db.select({ event: auditLog.event }).from(auditLog).where(and(eq(auditLog.subject, 'escalation'), eq(auditLog.subjectId, left?.id ?? 0)));
    expect(entries.map((e) => e.event)).toContain('escalation.resolve');
    // Not in the office's inbox any more.
    const inbox = (await (await office.get('/api/escalations?status=active')).json()) as { items: { subject: string }[] };
    expect(inbox.items.filter((e) => e.subject === 'campaign')).toEqual([]);
    app.stop();

    // As a server before this fix left it: open, with the campaign a phase on. The sweep that starts a server settles it.
    await database.write((tx) => tx.run(sql`update escalations set status = 'open', resolved_at = null where subject = 'campaign'`));
    expect((await sweepDeadlines(database, new Date('2026-09-02T00:00:00+08:00'), { settleAll: true })).resolved).toBeGreaterThanOrEqual(1);
    expect((await phaseEscalations()).map((e) => e.status)).toEqual(['resolved']);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
