import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { clues, users } from '../../db/schema';
import { signIn, testApp, type Session, type TestApp } from '../../test/support/api-client';
import { testDatabase, testNow } from '../../test/support/test-database';
import { sweepDeadlines } from '../services/deadline-sweep';

let database: Awaited<ReturnType<typeof testDatabase>>;
let second: Database;
let appA: TestApp;
let appB: TestApp;

beforeAll(async () => {
  database = await testDatabase({ clues: 60, problems: 5 });
  // A second connection pool on the same file, as a second API process has.
  second = await openDatabase(database.url);
  appA = testApp(database);
  appB = testApp(second);
});
afterAll(async () => {
  appA.stop();
  appB.stop();
  second.close();
  await database.drop();
});

interface Received {
  event: string;
  id: string | undefined;
  data: string;
}

/** Opens the event stream and collects events until `enough` says so (or `timeoutMs` pass). */
async function collect(session: Session, until: (events: Received[]) => boolean, headers: Record<string, string> = {}, query = '', timeoutMs = 10_000) {
  const controller = new AbortController();
  const response = await session.send('GET', `/api/events${query}`, undefined, headers);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Received[] = [];
  let buffer = '';
  const timeout = setTimeout(() => controller.abort(), timeoutMs);
  /** Why the collecting stopped: `until` said enough, the server ended the stream, or the time given passed. */
  const ended: { by: 'enough' | 'server' | 'timeout' } = { by: 'enough' };
  const opened = { events, ended, done: (async () => {
    while (!until(events) && !controller.signal.aborted) {
      const chunk = await Promise.race([reader.read(), new Promise<{ done: true; value: undefined }>((r) => controller.signal.addEventListener('abort', () => r({ done: true, value: undefined })))]);
      if (chunk.done) {
        ended.by = controller.signal.aborted ? 'timeout' : 'server';
        break;
      }
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
        events.push({ event: field('event') ?? 'message', id: field('id'), data: field('data') ?? '' });
      }
    }
    clearTimeout(timeout);
    await reader.cancel();
    return events;
  })() };
  return opened;
}

describe('GET /api/events', () => {
  it('delivers a move made through one process to a client of another, with the audit seq as id', async () => {
    const officeA = await signIn(appA, 'office');
    const officeB = await signIn(appB, 'office');
    const clue = (await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.state, 'verifying')))[0];
    if (clue === undefined) throw new Error('no verifying clue');
    const stream = await collect(officeB, (events) => events.some((e) => e.event === 'change'));
    const moved = await officeA.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version, payload: { conclusion: '查无实据' } });
    expect(moved.status).toBe(200);
    const events = await stream.done;
    const change = events.find((e) => e.event === 'change');
    expect(change).toBeDefined();
    const data = JSON.parse(change?.data ?? '{}') as { subject: string; subjectId: number; toState: string; seq: number };
    expect(data).toMatchObject({ subject: 'clue', subjectId: clue.id, toState: 'unfounded' });
    expect(change?.id).toBe(String(data.seq));
  });

  it("ends a stream whose session has ended (signed out elsewhere), or whose reader was moved to another unit, instead of sending it the next change of the unit", async () => {
    const office = await signIn(appA, 'office');
    const admin = await signIn(appA, 'admin');
    const lead = await signIn(appA, 'hantai.lead');
    const officer = await signIn(appA, 'hantai.officer');
    const [moved] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'hantai.officer'));
    const stream = await collect(lead, () => false);
    const officersStream = await collect(officer, () => false);
    // Signed out with the same cookie (another tab), while this stream stays open.
    expect((await lead.send('DELETE', '/api/session')).status).toBe(204);
    // Moved to another county's branch, signed in still: the stream opened for Hantai is no longer theirs. (Their
    // Hantai items, out of their reach there, go back to Hantai: the move is confirmed so.)
    const edited = await admin.send('PATCH', `/api/admin/users/${moved?.id}`, { unitId: 'nanzheng', releaseHeldItems: true });
    expect(edited.status, await edited.clone().text()).toBe(200);
    // Past the stream's interval between session checks, a change of the lead's unit.
    await new Promise((done) => setTimeout(done, 5_200));
    const started = Date.now();
    const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '会话结束后的线索', source: 'other' });
    expect(created.status).toBe(201);
    const { id: createdId } = (await created.json()) as { id: number };
    for (const ended of [stream, officersStream]) {
      const events = await ended.done;
      // Ended by the server, well before the collector's own 10 s, with the change not sent. (The officer's stream,
      // checked next only after the move, may carry the release of their own items, made with it.)
      expect(Date.now() - started).toBeLessThan(5_000);
      const changes = events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data) as { subjectId: number; event: string });
      expect(changes.filter((change) => change.subjectId === createdId)).toEqual([]);
      expect(changes.every((change) => change.event.endsWith('.assign'))).toBe(true);
    }
    // The officer, signed in still, reads Nanzheng's changes from a stream opened again.
    expect((await officer.send('GET', '/api/session')).status).toBe(200);
    expect((await admin.send('PATCH', `/api/admin/users/${moved?.id}`, { unitId: 'hantai' })).status).toBe(200);
  });

  it('ends at once, with no change to send and before its heartbeat, the stream of a session signed out, of an account disabled or moved to another unit, or whose sessions the administrator ended', async () => {
    const admin = await signIn(appA, 'admin');
    const accounts = await database.db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['chenggu.officer', 'mianxian.officer', 'lueyang.officer']));
    const idOf = (username: string) => accounts.find((account) => account.username === username)?.id;
    const lead = await signIn(appA, 'chenggu.lead');
    const changes: readonly [string, () => Promise<Response>][] = [
      ['signed out in another tab', () => lead.send('DELETE', '/api/session')],
      ['moved to another unit', () => admin.send('PATCH', `/api/admin/users/${idOf('chenggu.officer')}`, { unitId: 'nanzheng', releaseHeldItems: true })],
      ['disabled', () => admin.send('POST', `/api/admin/users/${idOf('mianxian.officer')}/disable`, {})],
      ['sessions ended', () => admin.send('POST', `/api/admin/users/${idOf('lueyang.officer')}/sessions/end`, {})],
    ];
    const readers = [lead, await signIn(appA, 'chenggu.officer'), await signIn(appA, 'mianxian.officer'), await signIn(appA, 'lueyang.officer')];
    for (const [index, [what, change]] of changes.entries()) {
      const reader = readers[index];
      if (reader === undefined) throw new Error(`no reader for ${what}`);
      const stream = await collect(reader, () => false);
      // Opened well inside its 5 s between session checks, and 25 s from its heartbeat: only the change can end it.
      const answer = await change();
      expect(answer.ok, `${what}: ${await answer.clone().text()}`).toBe(true);
      await stream.done;
      expect(stream.ended.by, what).toBe('server');
    }
    // A stream whose session holds stays open through the same changes (seen for 2 s after them: those above ended at once).
    const office = await signIn(appA, 'office');
    const kept = await collect(office, () => false, {}, '', 2_000);
    expect((await admin.send('PATCH', `/api/admin/users/${idOf('chenggu.officer')}`, { unitId: 'chenggu' })).status).toBe(200);
    await kept.done;
    expect(kept.ended.by).toBe('timeout');
    expect((await admin.send('POST', `/api/admin/users/${idOf('mianxian.officer')}/enable`, {})).status).toBe(200);
  });

  it('ends at once the stream of a reader moved or disabled through another process too, found in the log by its next poll', async () => {
    const admin = await signIn(appA, 'admin');
    const [moved, disabled] = await Promise.all(
      ['zhenba.officer', 'foping.officer'].map(async (username) => (await database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id),
    );
    const changes: readonly [string, Session, () => Promise<Response>][] = [
      ['moved to another unit', await signIn(appB, 'zhenba.officer'), () => admin.send('PATCH', `/api/admin/users/${moved}`, { unitId: 'nanzheng', releaseHeldItems: true })],
      ['disabled', await signIn(appB, 'foping.officer'), () => admin.send('POST', `/api/admin/users/${disabled}/disable`, {})],
    ];
    for (const [what, reader, change] of changes) {
      // Read through the second process, changed through the first: only the log tells the second.
      const stream = await collect(reader, () => false);
      const answer = await change();
      expect(answer.ok, `${what}: ${await answer.clone().text()}`).toBe(true);
      await stream.done;
      expect(stream.ended.by, what).toBe('server');
    }
    expect((await admin.send('PATCH', `/api/admin/users/${moved}`, { unitId: 'zhenba' })).status).toBe(200);
    expect((await admin.send('POST', `/api/admin/users/${disabled}/enable`, {})).status).toBe(200);
  });

  it('replays what a client missed after its Last-Event-ID, in order, and only what its scope allows', async () => {
    const office = await signIn(appA, 'office');
    const lead = await signIn(appB, 'hantai.lead');
    const [top] = (await database.client.execute('select max(seq) as seq from audit_log')).rows;
    const head = Number(top?.seq);
    // Two moves while the lead is away: one in their unit, one elsewhere.
    const mine = (await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(and(eq(clues.unitId, 'hantai'), eq(clues.state, 'verifying'))))[0];
    const other = (await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(and(eq(clues.unitId, 'nanzheng'), eq(clues.state, 'verifying'))))[0];
    if (mine === undefined || other === undefined) throw new Error('demo lacks verifying clues in hantai and nanzheng');
    for (const clue of [other, mine]) {
      const r = await office.send('POST', `/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version, payload: { conclusion: '查无实据' } });
      expect(r.status).toBe(200);
    }
    const stream = await collect(lead, (events) => events.some((e) => e.event === 'change'), { 'last-event-id': String(head) });
    const events = (await stream.done).filter((e) => e.event === 'change');
    const ids = events.map((e) => (JSON.parse(e.data) as { subjectId: number }).subjectId);
    expect(ids).toEqual([mine.id]);
    expect(Number(events[0]?.id)).toBeGreaterThan(head);
  });

  it('sends a transfer to the readers of the unit it left as well as of the one it went to, so both boards follow', async () => {
    const office = await signIn(appA, 'office');
    const hantai = await signIn(appB, 'hantai.lead');
    const nanzheng = await signIn(appB, 'nanzheng.lead');
    const chenggu = await signIn(appB, 'chenggu.lead');
    const [top] = (await database.client.execute('select max(seq) as seq from audit_log')).rows;
    const head = Number(top?.seq);
    const clue = (await database.db.select({ id: clues.id, version: clues.version }).from(clues).where(and(eq(clues.unitId, 'hantai'), inArray(clues.state, ['found', 'verifying', 'filed']))))[0];
    if (clue === undefined) throw new Error('demo lacks an open clue in hantai');
    const moved = await office.send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version, unitId: 'nanzheng', reason: '属地管辖' });
    expect(moved.status).toBe(200);
    const seen = async (who: Session) => {
      const stream = await collect(who, (events) => events.some((e) => e.event === 'change'), { 'last-event-id': String(head) });
      return (await stream.done).filter((e) => e.event === 'change').map((e) => JSON.parse(e.data) as { subjectId: number; event: string; unitId: string; formerUnitId: string | null });
    };
    expect(await seen(hantai)).toEqual([expect.objectContaining({ subjectId: clue.id, event: 'clue.transfer', unitId: 'nanzheng', formerUnitId: 'hantai' })]);
    expect(await seen(nanzheng)).toEqual([expect.objectContaining({ subjectId: clue.id, event: 'clue.transfer', unitId: 'nanzheng' })]);
    // A third unit is told nothing of it: the first change it is sent is a move of its own after the transfer.
    const its = (await database.db.select({ id: clues.id }).from(clues).where(and(eq(clues.unitId, 'chenggu'), inArray(clues.state, ['found', 'verifying', 'filed']))))[0];
    if (its === undefined) throw new Error('demo lacks an open clue in chenggu');
    expect((await office.send('POST', `/api/clues/${its.id}/notes`, { text: '城固自己的进展' })).status).toBe(200);
    expect((await seen(chenggu)).map((c) => c.subjectId)).toEqual([its.id]);
  });

  it('sends a unit lead each of the sweep\'s entries of escalations raised, though each lists escalations of many units', async () => {
    const lead = await signIn(appB, 'hantai.lead');
    const [top] = (await database.client.execute('select max(seq) as seq from audit_log')).rows;
    const head = Number(top?.seq);
    const swept = await sweepDeadlines(database, testNow);
    expect(swept.raised).toBeGreaterThan(0);
    const entries = (await database.client.execute({ sql: `select seq, payload from audit_log where seq > ? and event = 'escalation.raise' order by seq`, args: [head] })).rows;
    const units = entries.flatMap((row) => {
      const { columns, escalations } = JSON.parse(String(row.payload)) as { columns: string[]; escalations: unknown[][] };
      return escalations.map((e) => e[columns.indexOf('unitId')]);
    });
    expect(new Set(units).size).toBeGreaterThan(1);
    const stream = await collect(lead, (events) => events.filter((e) => e.event === 'change').length >= entries.length, { 'last-event-id': String(head) });
    const changes = (await stream.done).filter((e) => e.event === 'change').map((e) => JSON.parse(e.data) as { seq: number; subject: string; unitId: string | null });
    expect(changes.filter((c) => c.subject === 'escalation').map((c) => c.seq)).toEqual(entries.map((row) => Number(row.seq)));
    expect(changes.every((c) => c.unitId === null)).toBe(true);
  });

  it("sends an escalation passed on to another unit to the readers of the unit it left as well as of the one it went to, so both inboxes follow", async () => {
    const office = await signIn(appA, 'office');
    const hantai = await signIn(appB, 'hantai.lead');
    const nanzheng = await signIn(appB, 'nanzheng.lead');
    const chenggu = await signIn(appB, 'chenggu.lead');
    // A clue of 汉台's, overdue a day (the sweep raises it to 汉台's lead). After the test of the sweep at the demo's
    // instant: this sweep, days later, raises what that one would.
    const created = await office.send('POST', '/api/clues', { campaignId: 1, unitId: 'hantai', title: '督办随移交告知两单位的线索', source: 'other' });
    expect(created.status).toBe(201);
    const clue = (await created.json()) as { id: number; version: number };
    await sweepDeadlines(database, new Date('2026-06-19T18:00:00.000Z'));
    const [top] = (await database.client.execute('select max(seq) as seq from audit_log')).rows;
    const head = Number(top?.seq);
    const moved = await office.send('POST', `/api/clues/${clue.id}/transfer`, { version: clue.version, unitId: 'nanzheng', reason: '属地管辖' });
    expect(moved.status).toBe(200);
    const rerouted = async (who: Session) => {
      const stream = await collect(who, (events) => events.some((e) => e.event === 'change' && e.data.includes('escalation.reroute')), { 'last-event-id': String(head) });
      return (await stream.done)
        .filter((e) => e.event === 'change')
        .map((e) => JSON.parse(e.data) as { subject: string; event: string; unitId: string | null; formerUnitId: string | null })
        .filter((c) => c.subject === 'escalation');
    };
    expect(await rerouted(hantai)).toEqual([expect.objectContaining({ event: 'escalation.reroute', unitId: 'nanzheng', formerUnitId: 'hantai' })]);
    expect(await rerouted(nanzheng)).toEqual([expect.objectContaining({ event: 'escalation.reroute', unitId: 'nanzheng' })]);
    // A third unit is told nothing of it: the first change it is sent is a note of its own after the transfer.
    const its = (await database.db.select({ id: clues.id }).from(clues).where(and(eq(clues.unitId, 'chenggu'), inArray(clues.state, ['found', 'verifying', 'filed']))))[0];
    if (its === undefined) throw new Error('demo lacks an open clue in chenggu');
    expect((await office.send('POST', `/api/clues/${its.id}/notes`, { text: '城固自己的进展' })).status).toBe(200);
    const third = await collect(chenggu, (events) => events.some((e) => e.event === 'change'), { 'last-event-id': String(head) });
    expect((await third.done).filter((e) => e.event === 'change').map((e) => (JSON.parse(e.data) as { subject: string; subjectId: number }).subjectId)).toEqual([its.id]);
  });

  it('tells a listening client to reload, instead of sending each entry, when one commit writes more than it would catch up on', async () => {
    const office = await signIn(appA, 'office');
    const lead = await signIn(appB, 'hantai.lead');
    const stream = await collect(lead, (events) => events.some((e) => e.event === 'reset'));
    // Listening: the stream has sent its first ping or nothing; give it a poll to settle on the head.
    await new Promise((settled) => setTimeout(settled, 300));
    const rows = Array.from({ length: 5200 }, (_, i) => `RESET-${i},重置测试线索${i},内容,汉台分局,,其他`);
    const imported = await office.send('POST', '/api/campaigns/1/imports?commit=true', ['线索编号,线索标题,简要案情,承办单位,案件类别,线索来源', ...rows].join('\n'), { 'content-type': 'text/csv' });
    expect(imported.status).toBe(200);
    const events = await stream.done;
    const [top] = (await database.client.execute('select max(seq) as seq from audit_log')).rows;
    const reset = events.find((e) => e.event === 'reset');
    expect(reset?.id).toBe(String(top?.seq));
    expect(events.filter((e) => e.event === 'change').length).toBe(0);
  }, 60_000);

  it('tells a client whose number is past the newest entry (another or a restored database) to reload, as one too far behind', async () => {
    const lead = await signIn(appB, 'hantai.lead');
    const [top] = (await database.client.execute('select max(seq) as seq from audit_log')).rows;
    const head = Number(top?.seq);
    for (const [headers, query] of [[{ 'last-event-id': String(head + 1000) }, ''], [{}, `?since=${head + 99_999_999}`]] as const) {
      const stream = await collect(lead, (events) => events.some((e) => e.event === 'reset'), headers, query);
      const reset = (await stream.done).find((e) => e.event === 'reset');
      expect(reset?.id).toBe(String(head));
    }
  });

  it('needs a session', async () => {
    expect((await appA.request('/api/events')).status).toBe(401);
  });
});
