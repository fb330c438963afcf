import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractIdentifiers, type Actor } from '../../engine';
import { demoDescriptions } from './demo-descriptions';
import { demoCampaignConfig, demoCategories } from './demo-campaign';
import { simulateCampaign, type SimulationInput } from './demo-simulation';
import { demoUnits } from './demo-units';
import { seededRandom } from './random';

const now = new Date('2026-06-15T02:00:00.000Z');
const counties = demoUnits.filter((u) => u.kind === 'county').map((u) => u.id);
const config = demoCampaignConfig(2026, counties);
// Each unit's lead and officer with ids of their own; the office is user 1.
const units = demoUnits
  .filter((u) => u.kind !== 'office')
  .map((u, i): SimulationInput['units'][number] => ({
    id: u.id,
    weight: u.kind === 'county' ? 3 : 2,
    lead: { userId: 100 + 2 * i, role: 'lead', unitScope: [u.id] },
    officer: { userId: 101 + 2 * i, role: 'officer', unitScope: [u.id] },
  }));
const office: Actor = { userId: 1, role: 'office', unitScope: [] };

const inputOf = (notes: boolean, described = false): SimulationInput => ({
    campaignId: 1,
    config,
    now,
    random: seededRandom(2026),
    clues: 300,
    problems: 30,
    units,
    office,
    categories: demoCategories.map((c, i) => ({ id: i + 1, code: c.code })),
    ...(notes && {
      notes: seededRandom(2026 ^ 0x6e6f7465),
      files: seededRandom(2026 ^ 0x66696c65),
      extensions: seededRandom(2026 ^ 0x657874),
      acknowledgements: seededRandom(2026 ^ 0x61636b6e),
      consolidation: seededRandom(2026 ^ 0x636f6e73),
    }),
    ...(described && { describe: demoDescriptions(seededRandom(2026 ^ 0x64657363)) }),
  });
const simulate = (notes: boolean, described = false) => simulateCampaign(inputOf(notes, described));

describe('the demo campaign’s attached files', () => {
  const { audit, files, clues, problems } = simulate(true);
  const attached = audit.filter((e) => e.event.endsWith('.attach'));

  it('attaches transfer records and statements to clues and reports to problems, each named by its attach entry with its hash', () => {
    expect(files.filter((f) => f.subject === 'clue').length).toBeGreaterThan(30);
    expect(files.filter((f) => f.subject === 'problem').length).toBeGreaterThan(2);
    expect(new Set(files.map((f) => f.name.replace(/（.*）/, '')))).toEqual(new Set(['转账记录.csv', '询问笔录.txt', '整改报告.txt']));
    expect(attached.map((e) => (e.payload as { attachmentId: number }).attachmentId)).toEqual(files.map((f) => f.id));
    for (const [i, file] of files.entries()) {
      expect(file.id).toBe(i + 1);
      const entry = attached[i];
      expect(entry).toMatchObject({ subject: file.subject, subjectId: file.subjectId, at: file.attachedAt, actorId: file.attachedBy });
      expect(entry?.payload).toMatchObject({ name: file.name, mediaType: file.mediaType, size: file.content.byteLength, sha256: createHash('sha256').update(file.content).digest('hex') });
      expect(file.subject === 'clue' ? ['verifying', 'filed', 'solved'] : ['rectifying', 'rectified']).toContain(entry?.fromState);
    }
    // Each item lists the files attached to it, in order.
    for (const item of [...clues, ...problems]) {
      const kind = 'source' in item.context ? 'clue' : 'problem';
      expect((item.context.attachments ?? []).map((f) => f.id)).toEqual(files.filter((f) => f.subject === kind && f.subjectId === item.id).map((f) => f.id));
    }
  });

  it('writes a transfer record Excel opens as UTF-8: a byte-order mark, a header and rows of five columns, oldest first', () => {
    const record = files.find((f) => f.name.startsWith('转账记录'));
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(record?.content);
    expect(text.startsWith('\ufeff交易时间,付款账户,收款账户,金额（元）,摘要\r\n')).toBe(true);
    const rows = text.split('\r\n').slice(1).filter((line) => line !== '');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row.split(',')).toHaveLength(5);
    // Oldest first, as a bank lists them, each before it was attached (on Beijing time).
    const times = rows.map((row) => row.split(',')[0] ?? '');
    expect(times).toEqual([...times].sort());
    expect(new Date(`${times.at(-1)?.replace(' ', 'T')}+08:00`).getTime()).toBeLessThan(new Date(record?.attachedAt ?? '').getTime());
  });
});

describe('the demo campaign’s work notes', () => {
  const without = simulate(false);
  const withNotes = simulate(true);
  const notes = withNotes.audit.filter((e) => e.event.endsWith('.note'));

  it('leaves every item on the path it takes without them: the same moves, at the same times, to the same states', () => {
    // Neither the notes, the typical cases chosen (the same side stream), the files attached nor the deadlines extended (streams of
    // their own) change a state or a field the moves read. (The escalations follow the deadlines extended.)
    const sideways = (e: { event: string; subject: string }) =>
      e.subject === 'escalation' || e.event.endsWith('.note') || e.event.endsWith('.attach') || e.event.endsWith('.extend') || e.event.endsWith('Extension') || e.event === 'clue.markTypical';
    const moves = (audit: typeof without.audit) => audit.filter((e) => !sideways(e)).map(({ version: _version, ...entry }) => entry);
    expect(moves(withNotes.audit)).toEqual(moves(without.audit));
    expect(withNotes.clues.map((c) => [c.id, c.state])).toEqual(without.clues.map((c) => [c.id, c.state]));
    expect(withNotes.problems.map((p) => [p.id, p.state])).toEqual(without.problems.map((p) => [p.id, p.state]));
  });

  it('writes notes on clues and problems, in open states only, by the assignee or else the unit’s lead, and each item remembers its last', () => {
    expect(notes.filter((e) => e.subject === 'clue').length).toBeGreaterThan(100);
    expect(notes.filter((e) => e.subject === 'problem').length).toBeGreaterThan(5);
    for (const note of notes) {
      expect(['verified', 'prosecuted', 'unfounded', 'merged']).not.toContain(note.fromState);
      expect(note.fromState).toBe(note.toState);
      const unit = units.find((u) => u.id === note.unitId);
      expect([unit?.lead.userId, unit?.officer.userId]).toContain(note.actorId);
    }
    for (const item of [...withNotes.clues, ...withNotes.problems]) {
      const kind = 'source' in item.context ? 'clue' : 'problem';
      const last = notes.filter((e) => e.subject === kind && e.subjectId === item.id).at(-1);
      expect(item.context.lastNoteAt, `${kind} ${item.id}`).toBe(last?.at);
    }
    // Some open items have gone quiet (no note and no move for weeks), as in a real campaign.
    const quiet = withNotes.clues.filter((c) => ['verifying', 'filed', 'solved'].includes(c.state) && (c.context.lastNoteAt ?? c.context.enteredAt) < '2026-05-15');
    expect(quiet.length).toBeGreaterThan(0);
  });

  it('gives some items about to miss their deadline more time, each by its unit’s lead, later than before and within the campaign', () => {
    const extended = withNotes.audit.filter((e) => e.event.endsWith('.extend'));
    expect(extended.filter((e) => e.subject === 'clue').length).toBeGreaterThan(5);
    expect(extended.filter((e) => e.subject === 'problem').length).toBeGreaterThan(0);
    for (const entry of extended) {
      expect(entry.fromState).toBe(entry.toState);
      expect(units.find((u) => u.id === entry.unitId)?.lead.userId).toBe(entry.actorId);
      const { until, reason } = entry.payload as { until: string; reason: string };
      expect(until <= config.windows.consolidation.end).toBe(true);
      expect(reason.length).toBeGreaterThan(0);
      // Due later than the deadline it replaced, which had come near (at most two days off) or passed.
      const before = withNotes.audit.filter((e) => e.subject === entry.subject && e.subjectId === entry.subjectId && e.at < entry.at && (e.fromState !== e.toState || e.event.endsWith('.extend'))).at(-1);
      const dueBefore = (before?.payload as { meta?: { dueAt?: string }; input?: { dueAt?: string } }).meta?.dueAt ?? (before?.payload as { input?: { dueAt?: string } }).input?.dueAt ?? '';
      const dueAfter = (entry.payload as { meta: { dueAt: string } }).meta.dueAt;
      expect(dueAfter > dueBefore).toBe(true);
      expect(new Date(dueBefore).getTime() - new Date(entry.at).getTime()).toBeLessThanOrEqual(2 * 86_400_000);
    }
    // Some asked for by the officer working the item (延期申请), answered by the lead, and one still waiting.
    const asked = withNotes.audit.filter((e) => e.event.endsWith('.requestExtension'));
    expect(asked.length).toBeGreaterThan(2);
    for (const entry of asked) expect(units.find((u) => u.id === entry.unitId)?.officer.userId).toBe(entry.actorId);
    const declined = withNotes.audit.filter((e) => e.event.endsWith('.declineExtension'));
    expect(declined.length).toBeGreaterThan(0);
    for (const entry of declined) expect(units.find((u) => u.id === entry.unitId)?.lead.userId).toBe(entry.actorId);
    const waiting = [...withNotes.clues, ...withNotes.problems].filter((item) => (item.context.extensionRequest ?? null) !== null);
    expect(waiting.length).toBeGreaterThan(0);
  });

  it('chooses some solved cases to publicise, each by its unit’s lead, with a summary the clue keeps', () => {
    const chosen = withNotes.audit.filter((e) => e.event === 'clue.markTypical');
    expect(chosen.length).toBeGreaterThan(3);
    for (const entry of chosen) {
      expect(['solved', 'prosecuted']).toContain(entry.fromState);
      expect(units.find((u) => u.id === entry.unitId)?.lead.userId).toBe(entry.actorId);
      const clue = withNotes.clues.find((c) => c.id === entry.subjectId);
      expect(clue?.context.typical?.summary).toBe((entry.payload as { summary: string }).summary);
    }
  });

  it('states in each typical case’s summary the figures the case records, as a press officer copies them: 4.2万元, not 4万元', () => {
    const chosen = withNotes.clues.filter((c) => c.context.typical !== undefined && c.context.typical !== null);
    expect(chosen.length).toBeGreaterThan(3);
    const stated = chosen.map((clue) => {
      const summary = clue.context.typical?.summary ?? '';
      const outcome = clue.context.outcome;
      return {
        id: clue.id,
        caught: /抓获犯罪嫌疑人(\d+)名/.exec(summary)?.[1] ?? null,
        money: /涉案金额([\d.,]+)万元/.exec(summary)?.[1] ?? null,
        recordedCaught: outcome === null || outcome.suspectsCaught === 0 ? null : String(outcome.suspectsCaught),
        recordedMoney: outcome === null || outcome.moneyInvolvedYuan < 10_000 ? null : String(outcome.moneyInvolvedYuan / 10_000),
      };
    });
    expect(stated.map(({ id, caught, money }) => ({ id, caught, money }))).toEqual(stated.map(({ id, recordedCaught, recordedMoney }) => ({ id, caught: recordedCaught, money: recordedMoney })));
    // The demo has amounts of a fraction of 万 among its typical cases, which the rounding said wrong.
    expect(stated.some((s) => s.money?.includes('.'))).toBe(true);
  });
});

describe('the demo campaign’s escalations', () => {
  const played = simulate(true);
  const quiet = simulateCampaign({ ...inputOf(true), escalations: false });

  it('leaves every item on its path: only the escalations’ own entries are new', () => {
    expect(quiet.escalations).toEqual([]);
    expect(played.audit.filter((e) => e.subject !== 'escalation')).toEqual(quiet.audit);
    expect(played.clues).toEqual(quiet.clues);
    expect(played.problems).toEqual(quiet.problems);
  });

  it('raises each along the year, within the stay it was raised for, and leaves open only those of the stays items are in now', () => {
    const { escalations, audit } = played;
    expect(escalations.length).toBeGreaterThan(100);
    // Spread over the year, not all at the start of the server.
    expect(new Set(escalations.map((e) => e.raisedAt.slice(0, 7))).size).toBeGreaterThan(4);
    const items = new Map<string, { context: { enteredAt: string; dueAt: string | null } }>([
      ...played.clues.map((c) => [`clue:${c.id}`, c] as const),
      ...played.problems.map((p) => [`problem:${p.id}`, p] as const),
    ]);
    for (const e of escalations) {
      expect(e.raisedAt > e.enteredAt && e.raisedAt <= now.toISOString(), `escalation ${e.id}`).toBe(true);
      const item = items.get(`${e.subject}:${e.subjectId}`);
      const current = item?.context.enteredAt === e.enteredAt && item.context.dueAt === e.dueAt;
      // Open while the item stays in the state and deadline it was raised for; resolved by the move that ended them, at its instant.
      expect(e.resolvedAt === null, `escalation ${e.id}`).toBe(current);
      if (e.resolvedAt !== null) {
        expect(e.resolvedAt > e.raisedAt).toBe(true);
        expect(audit.some((a) => a.subject === e.subject && a.subjectId === e.subjectId && a.at === e.resolvedAt)).toBe(true);
      }
    }
    // Every escalation raised by one raise entry and resolved by at most one resolve entry, the log in the order of time.
    const listed = audit.filter((a) => a.event === 'escalation.raise').flatMap((a) => (a.payload as { escalations: [number][] }).escalations.map(([id]) => id));
    expect(listed).toEqual(escalations.map((e) => e.id));
    const resolved = audit.filter((a) => a.event === 'escalation.resolve').map((a) => a.subjectId);
    expect(resolved.toSorted((a, b) => a - b)).toEqual(escalations.filter((e) => e.resolvedAt !== null).map((e) => e.id));
    const times = audit.map((a) => a.at);
    expect(times).toEqual(times.toSorted());
  });

  it('raises every rung of a problem waiting for the office’s check (已整改待验收) to the office, as the sweep does, and none there to its unit', () => {
    const rectified = played.escalations.filter((e) => e.subject === 'problem' && e.state === 'rectified');
    expect(new Set(rectified.map((e) => e.level))).toEqual(new Set([1, 2, 3]));
    expect(rectified.filter((e) => e.recipient !== 'office' || e.recipientUserId !== null)).toEqual([]);
    expect(played.escalations.some((e) => e.state !== 'rectified' && e.level < 3 && e.recipient !== 'office')).toBe(true);
  });

  it('has many acknowledged by whom each was raised to, within a day or two of it and before the move that settled it', () => {
    const acknowledged = played.escalations.filter((e) => e.acknowledgedAt !== null);
    expect(acknowledged.length).toBeGreaterThan(played.escalations.length / 3);
    expect(acknowledged.length).toBeLessThan(played.escalations.length);
    for (const e of acknowledged) {
      const at = e.acknowledgedAt ?? '';
      expect(at > e.raisedAt && at <= now.toISOString() && (e.resolvedAt === null || at < e.resolvedAt), `escalation ${e.id}`).toBe(true);
      expect(Date.parse(at) - Date.parse(e.raisedAt)).toBeLessThan(2 * 86_400_000);
      const unit = units.find((u) => u.id === e.unitId);
      const expected = e.recipient === 'office' ? office.userId : e.recipientUserId ?? unit?.lead.userId;
      expect(e.acknowledgedBy, `escalation ${e.id}`).toBe(expected);
      const entry = played.audit.find((a) => a.event === 'escalation.acknowledge' && a.subjectId === e.id);
      expect(entry).toMatchObject({ at, actorId: expected, version: 2, payload: { note: e.note, level: e.level } });
    }
  });

  it('leaves the crackdown with its long-overdue escalations still open named among the criteria unmet, and why', () => {
    const autumn = new Date('2026-10-01T02:00:00.000Z');
    const advance = (escalations: boolean) =>
      simulateCampaign({ ...inputOf(true), now: autumn, escalations }).audit.find((a) => a.subject === 'campaign' && a.toState === 'consolidation');
    expect(JSON.stringify(advance(true)?.payload)).toContain('noOpenEscalations');
    expect(JSON.stringify(advance(false)?.payload)).not.toContain('noOpenEscalations');
  });
});

describe('what the demo’s clues say', () => {
  const plain = simulate(true);
  const described = simulate(true, true);

  it('leaves every clue on its path, with its title and source: only its description is new', () => {
    const withoutDescription = (clues: typeof plain.clues) => clues.map(({ context: { description: _description, ...context }, ...clue }) => ({ ...clue, context }));
    expect(withoutDescription(described.clues)).toEqual(withoutDescription(plain.clues));
    expect(plain.clues.every((c) => c.context.description === '')).toBe(true);
  });

  it('names in each clue a number the intake reads, and in some a number another clue names, in its unit or another', () => {
    const numbers = described.clues.map((c) => extractIdentifiers(`${c.context.title}\n${c.context.description}`).filter((i) => i.kind !== 'nameWith'));
    expect(numbers.every((found) => found.length > 0)).toBe(true);
    const holders = new Map<string, Set<string>>();
    described.clues.forEach((clue, i) => {
      for (const found of numbers[i] ?? []) holders.set(`${found.kind}:${found.value}`, (holders.get(`${found.kind}:${found.value}`) ?? new Set()).add(clue.context.unitId));
    });
    const shared = [...holders.values()];
    expect(shared.filter((units) => units.size > 1).length).toBeGreaterThan(5);
    // The tests write their own numbers from 13x: the demo's never are, so a test's clue meets no demo clue by chance.
    const phones = numbers.flat().filter((found) => found.kind === 'phone');
    expect(phones.length).toBeGreaterThan(50);
    expect(phones.filter((found) => found.value.startsWith('13'))).toEqual([]);
  });
});

describe('the demo campaign started late in the year', () => {
  const december = new Date('2026-12-05T02:00:00.000Z');
  const { consolidation: _none, ...withoutCleanUp } = inputOf(true);
  const cleaned = simulateCampaign({ ...inputOf(true), now: december });
  const standing = simulateCampaign({ ...withoutCleanUp, now: december });
  const closed = new Set(['unfounded', 'merged', 'prosecuted', 'verified']);
  const openOf = (result: typeof cleaned) => [...result.clues, ...result.problems].filter((item) => !closed.has(item.state));
  const daysIn = (item: ReturnType<typeof openOf>[number]) => (december.getTime() - Date.parse(item.context.enteredAt)) / 86_400_000;
  const overdueOf = (result: typeof cleaned) => openOf(result).filter((item) => item.context.dueAt !== null && Date.parse(item.context.dueAt) < december.getTime());
  const phaseStart = new Date(`${config.windows.consolidation.start}T00:00:00+08:00`).toISOString();

  it('works through what the year left standing in the consolidation phase, as its exit criteria ask', () => {
    // Without the clean-up, three open items in four were overdue in December and its clues stood a median 244 days at 新发现.
    expect(overdueOf(standing).length / openOf(standing).length).toBeGreaterThan(0.6);
    expect(overdueOf(cleaned).length / openOf(cleaned).length).toBeLessThan(0.4);
    expect(openOf(cleaned).length).toBeLessThan(openOf(standing).length / 2);
    const unsettled = (result: typeof cleaned) => openOf(result).filter((item) => ['found', 'verifying', 'identified', 'rectifying', 'rectified'].includes(item.state));
    expect(unsettled(standing).length).toBeGreaterThan(50);
    expect(unsettled(cleaned).length).toBeLessThan(25);
  });

  it('keeps a few items stuck for months, for the deadline sweeps’ higher rungs', () => {
    expect(overdueOf(cleaned).filter((item) => daysIn(item) > 60).length).toBeGreaterThanOrEqual(3);
  });

  it('changes nothing before the phase, and moves items on by the unit that works them, the office checking rectifications', () => {
    const before = (result: typeof cleaned) => result.audit.filter((e) => e.at < phaseStart && e.subject !== 'escalation');
    expect(before(cleaned)).toEqual(before(standing));
    const later = cleaned.audit.filter((e) => e.at >= phaseStart && e.fromState !== e.toState && (e.subject === 'clue' || e.subject === 'problem'));
    expect(later.length).toBeGreaterThan(standing.audit.filter((e) => e.at >= phaseStart && e.fromState !== e.toState && (e.subject === 'clue' || e.subject === 'problem')).length);
    for (const entry of later) {
      const unit = units.find((u) => u.id === entry.unitId);
      // The office checks rectifications (and sends some back); the rest is the unit's.
      const allowed = entry.subject === 'problem' && (entry.toState === 'verified' || entry.fromState === 'rectified') ? [office.userId] : [unit?.lead.userId, unit?.officer.userId];
      expect(allowed).toContain(entry.actorId);
    }
  });
});
