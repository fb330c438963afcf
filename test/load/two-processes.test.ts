import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { clues } from '../../db/schema';
import { remoteSession, startServerProcess, type ServerProcess } from '../support/server-process';
import { testDatabase } from '../support/test-database';

let folder: Awaited<ReturnType<typeof testDatabase>>;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  folder = await testDatabase({ clues: 60, problems: 5 });
  folder.close();
  [a, b] = await Promise.all([startServerProcess(folder.url), startServerProcess(folder.url)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await folder?.drop();
});

describe('two API processes on one database', () => {
  it('delivers a move made through process A to an event stream of process B', async () => {
    const reader = await openDatabase(folder.url);
    const [clue] = await reader.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.state, 'verifying')).limit(1);
    reader.close();
    if (clue === undefined) throw new Error('no verifying clue');

    const viewerB = await remoteSession(b.url, 'viewer');
    const stream = await viewerB.get('/api/events');
    expect(stream.status).toBe(200);
    const reader2 = (stream.body as ReadableStream<Uint8Array>).getReader();

    const officeA = await remoteSession(a.url, 'office');
    const moved = await officeA.post(`/api/clues/${clue.id}/transitions`, { to: 'unfounded', version: clue.version, payload: { conclusion: '查无实据' } });
    expect(moved.status).toBe(200);

    let text = '';
    const decoder = new TextDecoder();
    const until = Date.now() + 10_000;
    while (!text.includes('event: change') && Date.now() < until) {
      const chunk = await Promise.race([reader2.read(), new Promise<null>((r) => setTimeout(() => r(null), until - Date.now()))]);
      if (chunk === null || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    await reader2.cancel();
    const data = /event: change\ndata: (.*)\nid: (\d+)/.exec(text) ?? /event: change\nid: (\d+)\ndata: (.*)/.exec(text);
    expect(text).toContain('event: change');
    expect(text).toContain(`"subjectId":${clue.id}`);
    expect(text).toContain('"toState":"unfounded"');
    expect(data).not.toBeNull();
  }, 60_000);

  it('counts failed logins once for both: guesses spread over A and B meet one limit', async () => {
    const guess = (url: string) => fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'liuba.officer', password: 'guess' }) });
    for (let i = 0; i < 10; i++) expect((await guess(i % 2 === 0 ? a.url : b.url)).status).toBe(401);
    // Five through each: in memory neither would have stopped them; in the database both have.
    for (const server of [a, b]) {
      const right = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'liuba.officer', password: 'battlemap' }) });
      expect(right.status).toBe(429);
    }
  }, 60_000);

  it('answers a move retried through B with the answer A gave, applying it once', async () => {
    const reader = await openDatabase(folder.url);
    const [clue] = await reader.db.select({ id: clues.id, version: clues.version }).from(clues).where(eq(clues.state, 'verifying')).limit(1);
    reader.close();
    if (clue === undefined) throw new Error('no verifying clue');
    const move = { to: 'unfounded', version: clue.version, payload: { conclusion: '查无实据' } };
    const send = async (url: string) => {
      const office = await remoteSession(url, 'office');
      return office.post(`/api/clues/${clue.id}/transitions`, move, { 'idempotency-key': `two-processes-${clue.id}` });
    };
    const first = await send(a.url);
    expect(first.status).toBe(200);
    const retried = await send(b.url);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toEqual(await first.json());
  }, 60_000);
});
