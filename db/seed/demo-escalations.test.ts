import { describe, expect, it } from 'vitest';
import type { AuditInput } from '../audit/append';
import { demoSweeps, mergeByTime, type SweptItem } from './demo-escalations';
import type { Random } from './random';

const thresholds = { dueSoonHours: 24, longOverdueDays: 7 };
const at = (iso: string) => Date.parse(iso);
const yearEnd = at('2026-12-31T15:59:59Z');

/** A clue in `verifying` since 1 March 09:30, due at the end of 10 March (Beijing), held by user 7 of 'hantai'. */
const verifying: SweptItem = {
  id: 5,
  state: 'verifying',
  context: { enteredAt: '2026-03-01T01:30:00.000Z', dueAt: '2026-03-10T16:00:00.000Z', unitId: 'hantai', assigneeId: 7 },
};

describe('the deadline sweeps over the demo’s history', () => {
  it('raises each rung at the first sweep after it is reached, once, to the assignee, the unit lead and the office', () => {
    const sweeps = demoSweeps(thresholds);
    sweeps.sweep('clue', verifying, at('2026-03-09T00:00:00Z'));
    // Asked again later, for the same stay: the first rung is not raised twice.
    sweeps.sweep('clue', verifying, at('2026-03-20T00:00:00Z'));
    const { escalations } = sweeps.finish(1, yearEnd);
    expect(escalations.map((e) => [e.id, e.level, e.recipient, e.recipientUserId, e.raisedAt, e.resolvedAt])).toEqual([
      [1, 1, 'assignee', 7, '2026-03-09T16:01:00.000Z', null],
      [2, 2, 'unitLead', null, '2026-03-10T16:01:00.000Z', null],
      [3, 3, 'office', null, '2026-03-17T16:01:00.000Z', null],
    ]);
    expect(escalations[0]).toMatchObject({ subject: 'clue', subjectId: 5, state: 'verifying', enteredAt: verifying.context.enteredAt, dueAt: verifying.context.dueAt, unitId: 'hantai' });
  });

  it('raises nothing a sweep would not yet have raised before the item moved, and the move settles what it raised', () => {
    const sweeps = demoSweeps(thresholds);
    const moveAt = at('2026-03-10T16:00:30Z');
    sweeps.sweep('clue', verifying, moveAt);
    const filed: SweptItem = { ...verifying, state: 'filed', context: { ...verifying.context, enteredAt: '2026-03-10T16:00:30.000Z', dueAt: '2026-04-30T16:00:00.000Z' } };
    sweeps.moved('clue', verifying, filed, moveAt);
    // The new stay starts its own ladder.
    sweeps.sweep('clue', filed, at('2026-05-01T00:00:00Z'));
    const { escalations } = sweeps.finish(1, yearEnd);
    expect(escalations.map((e) => [e.state, e.level, e.raisedAt, e.resolvedAt, e.resolvedBecause])).toEqual([
      ['verifying', 1, '2026-03-09T16:01:00.000Z', '2026-03-10T16:00:30.000Z', 'movedOn'],
      ['filed', 1, '2026-04-29T16:01:00.000Z', null, null],
      ['filed', 2, '2026-04-30T16:01:00.000Z', null, null],
    ]);
    // Its resolve entry says why, as the server's does, for the item's history.
    const { audit } = sweeps.finish(1, yearEnd);
    expect(audit.find((entry) => entry.event === 'escalation.resolve')?.payload).toEqual({ item: { subject: 'clue', id: 5 }, level: 1, because: 'movedOn' });
  });

  it('settles the escalations of a deadline extended, and raises the new one’s afresh; a move in the same stay settles nothing', () => {
    const sweeps = demoSweeps(thresholds);
    const unassigned: SweptItem = { ...verifying, context: { ...verifying.context, assigneeId: null } };
    sweeps.sweep('clue', unassigned, at('2026-03-12T00:00:00Z'));
    const noted: SweptItem = { ...unassigned };
    sweeps.moved('clue', unassigned, noted, at('2026-03-12T00:00:00Z'));
    const extended: SweptItem = { ...unassigned, context: { ...unassigned.context, dueAt: '2026-03-20T16:00:00.000Z' } };
    sweeps.moved('clue', noted, extended, at('2026-03-12T01:00:00Z'));
    sweeps.sweep('clue', extended, at('2026-03-20T00:00:00Z'));
    const { escalations } = sweeps.finish(1, yearEnd);
    // Nobody holds the item: its first rung goes to the unit's lead.
    expect(escalations.map((e) => [e.level, e.recipient, e.dueAt, e.resolvedAt, e.resolvedBecause])).toEqual([
      [1, 'unitLead', '2026-03-10T16:00:00.000Z', '2026-03-12T01:00:00.000Z', 'extended'],
      [2, 'unitLead', '2026-03-10T16:00:00.000Z', '2026-03-12T01:00:00.000Z', 'extended'],
      [1, 'unitLead', '2026-03-20T16:00:00.000Z', null, null],
    ]);
  });

  it('ends with the sweep at the server’s start, which raises what is reached by then', () => {
    const sweeps = demoSweeps(thresholds);
    const start = at('2026-03-10T16:00:20Z');
    sweeps.sweep('clue', verifying, start + 1, start);
    expect(sweeps.finish(1, yearEnd).escalations.map((e) => [e.level, e.raisedAt])).toEqual([
      [1, '2026-03-09T16:01:00.000Z'],
      [2, '2026-03-10T16:00:20.000Z'],
    ]);
  });

  it('raises at the first sweep after entering a state only the highest rung reached, as after downtime', () => {
    const sweeps = demoSweeps(thresholds);
    const late: SweptItem = { ...verifying, context: { ...verifying.context, enteredAt: '2026-03-11T02:00:00.000Z' } };
    sweeps.sweep('clue', late, at('2026-03-11T03:00:00Z'));
    expect(sweeps.finish(1, yearEnd).escalations.map((e) => [e.level, e.raisedAt])).toEqual([[2, '2026-03-11T02:01:00.000Z']]);
  });

  it('numbers them as the sweep inserts them, lists each sweep’s in one raise entry per kind, and resolves each in an entry of its own', () => {
    const sweeps = demoSweeps(thresholds);
    const problem: SweptItem = { ...verifying, id: 2, state: 'rectifying' };
    const otherClue: SweptItem = { ...verifying, id: 3 };
    sweeps.sweep('problem', problem, at('2026-03-09T20:00:00Z'));
    sweeps.sweep('clue', verifying, at('2026-03-09T20:00:00Z'));
    sweeps.sweep('clue', otherClue, at('2026-03-09T20:00:00Z'));
    const filed: SweptItem = { ...otherClue, state: 'filed', context: { ...otherClue.context, enteredAt: '2026-03-09T20:00:00.000Z', dueAt: null } };
    sweeps.moved('clue', otherClue, filed, at('2026-03-09T20:00:00Z'));
    const { escalations, audit } = sweeps.finish(4, yearEnd);
    expect(escalations.map((e) => [e.id, e.subject, e.subjectId])).toEqual([
      [1, 'clue', 3],
      [2, 'clue', 5],
      [3, 'problem', 2],
    ]);
    expect(audit.map((e) => [e.at, e.event, e.subjectId, e.campaignId, e.actorId])).toEqual([
      ['2026-03-09T16:01:00.000Z', 'escalation.raise', 1, 4, null],
      ['2026-03-09T16:01:00.000Z', 'escalation.raise', 3, 4, null],
      ['2026-03-09T20:00:00.000Z', 'escalation.resolve', 1, 4, null],
    ]);
    expect(audit[0]?.payload).toEqual({
      columns: ['id', 'subject', 'subjectId', 'level', 'recipient', 'recipientUserId', 'unitId', 'dueAt', 'detail'],
      escalations: [
        [1, 'clue', 3, 1, 'assignee', 7, 'hantai', '2026-03-10T16:00:00.000Z', null],
        [2, 'clue', 5, 1, 'assignee', 7, 'hantai', '2026-03-10T16:00:00.000Z', null],
      ],
    });
    expect(audit[2]).toMatchObject({ fromState: 'open', toState: 'resolved', version: 2, payload: { item: { subject: 'clue', id: 3 }, level: 1 } });
  });
});

describe('the escalations acknowledged along the way', () => {
  /** A stream that acknowledges every escalation at the first hour it may, with the first note. */
  const eager: Random = { next: () => 0, int: (min) => min, pick: (items) => items[0] as never, chance: () => true };
  const leads = { random: eager, office: 1, leadOf: (unit: string) => (unit === 'hantai' ? 20 : 99) };

  it('are acknowledged by whom each was raised to, at 8:00 Beijing time after it was raised, and resolved from there', () => {
    const sweeps = demoSweeps(thresholds);
    sweeps.sweep('clue', verifying, at('2026-03-20T00:00:00Z'));
    const filed: SweptItem = { ...verifying, state: 'filed', context: { ...verifying.context, enteredAt: '2026-03-20T00:00:00.000Z', dueAt: null } };
    sweeps.moved('clue', verifying, filed, at('2026-03-20T00:00:00Z'));
    const { escalations, audit } = sweeps.finish(1, yearEnd, leads);
    expect(escalations.map((e) => [e.level, e.acknowledgedBy, e.acknowledgedAt, e.note])).toEqual([
      [1, 7, '2026-03-10T00:00:00.000Z', '已督促承办人加快办理'],
      [2, 20, '2026-03-11T00:00:00.000Z', '已督促承办人加快办理'],
      [3, 1, '2026-03-18T00:00:00.000Z', '已督促承办人加快办理'],
    ]);
    const first = audit.filter((e) => e.subjectId === 1 && e.event !== 'escalation.raise');
    expect(first.map((e) => [e.at, e.event, e.actorId, e.fromState, e.toState, e.version])).toEqual([
      ['2026-03-10T00:00:00.000Z', 'escalation.acknowledge', 7, 'open', 'acknowledged', 2],
      ['2026-03-20T00:00:00.000Z', 'escalation.resolve', null, 'acknowledged', 'resolved', 3],
    ]);
    expect(first[0]?.payload).toEqual({ note: '已督促承办人加快办理', item: { subject: 'clue', id: 5 }, level: 1 });
  });

  it('are not acknowledged after the move that settled them, nor after now', () => {
    const sweeps = demoSweeps(thresholds);
    // Raised at 00:01 Beijing time on 11 March, settled before 8:00 that morning.
    sweeps.sweep('clue', verifying, at('2026-03-10T20:00:00Z'));
    const filed: SweptItem = { ...verifying, state: 'filed', context: { ...verifying.context, enteredAt: '2026-03-10T20:00:00.000Z', dueAt: null } };
    sweeps.moved('clue', verifying, filed, at('2026-03-10T20:00:00Z'));
    expect(sweeps.finish(1, yearEnd, leads).escalations.map((e) => [e.level, e.acknowledgedAt])).toEqual([
      [1, '2026-03-10T00:00:00.000Z'],
      [2, null],
    ]);
    // Raised at 00:01 on 10 March, Beijing time, and the history ends before 8:00 that morning.
    const early = demoSweeps(thresholds);
    early.sweep('clue', verifying, at('2026-03-09T20:00:00Z'));
    expect(early.finish(1, at('2026-03-09T20:00:00Z'), leads).escalations.map((e) => [e.level, e.acknowledgedAt])).toEqual([[1, null]]);
  });
});

describe('the history with the escalations’ entries put in', () => {
  const entry = (at: string, event: string): AuditInput => ({ at, event, actorId: 1, campaignId: 1, subject: 'clue', subjectId: 1, fromState: null, toState: null, payload: {}, version: 1 });

  it('puts each after every entry at or before its time, keeping the history’s order', () => {
    const history = [entry('2026-03-01T00:00:00.000Z', 'a'), entry('2026-03-02T00:00:00.000Z', 'move'), entry('2026-03-02T00:00:00.000Z', 'note'), entry('2026-03-05T00:00:00.000Z', 'b')];
    const added = [entry('2026-02-01T00:00:00.000Z', 'early'), entry('2026-03-02T00:00:00.000Z', 'resolve'), entry('2026-03-09T00:00:00.000Z', 'late')];
    expect(mergeByTime(history, added).map((e) => e.event)).toEqual(['early', 'a', 'move', 'note', 'resolve', 'b', 'late']);
  });
});
