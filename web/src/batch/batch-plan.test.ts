import { describe, expect, it } from 'vitest';
import type { BatchItem } from './api';
import { applicableCount, batchBodies, eventsOf, moveTargets, planOf, unitFieldName, unitFieldOf, unitsNeeding, unitsOfPlan, valuesForItem } from './batch-plan';

function item(id: number, over: Partial<BatchItem> = {}): BatchItem {
  return {
    kind: 'clue',
    id,
    version: 3,
    title: `线索 ${id}`,
    unitId: 'hantai',
    allowed: [],
    changes: ['clue.assign', 'clue.transfer', 'clue.extend'],
    ...over,
  };
}

const unassignedFound = (id: number) => item(id, { allowed: [{ to: 'verifying', event: 'clue.verify', needs: ['assigneeId'], offers: [] }, { to: 'merged', event: 'clue.merge', needs: ['targetId'], offers: [] }] });
const assignedFound = (id: number) => item(id, { allowed: [{ to: 'verifying', event: 'clue.verify', needs: [], offers: [] }] });
const unfounded = (id: number) => item(id, { allowed: [{ to: 'verifying', event: 'clue.reopen', needs: ['reason'], offers: [] }] });
const verifying = (id: number) =>
  item(id, {
    allowed: [
      { to: 'filed', event: 'clue.file', needs: ['caseNumber', 'conclusion'], offers: [] },
      { to: 'unfounded', event: 'clue.dismiss', needs: ['conclusion'], offers: [] },
    ],
  });

describe('a batch of list items', () => {
  it('offers the states any item may move to, in the statechart order, and which a batch cannot take', () => {
    const targets = moveTargets([verifying(1), unassignedFound(2), assignedFound(3)]);
    expect(targets.map((t) => [t.to, t.count, t.batchable])).toEqual([
      ['verifying', 2, true],
      ['filed', 1, false],
      ['unfounded', 1, true],
      ['merged', 1, true],
    ]);
  });

  it('sends only the items the action is theirs to take, sharing what every one needs', () => {
    const plan = planOf([unassignedFound(1), assignedFound(2), unfounded(3), verifying(4)], { type: 'move', to: 'verifying' });
    expect(plan.items.map((p) => p.item.id)).toEqual([1, 2, 3]);
    expect(plan.skipped.map((i) => i.id)).toEqual([4]);
    expect(plan.needs).toEqual(['assigneeId', 'reason']);
    expect(plan.shared).toEqual([]);
    const payloadOf = (needs: readonly string[]) => Object.fromEntries(needs.map((n) => [n, n === 'assigneeId' ? 9 : '复核']));
    const [body, more] = batchBodies(plan, { type: 'move', to: 'verifying' }, payloadOf);
    expect(more).toBeUndefined();
    // Only the clue without an assignee names one; only the reopened one gives a reason.
    expect(body).toEqual({
      to: 'verifying',
      items: [
        { kind: 'clue', id: 1, version: 3, payload: { assigneeId: 9 } },
        { kind: 'clue', id: 2, version: 3 },
        { kind: 'clue', id: 3, version: 3, payload: { reason: '复核' } },
      ],
    });
  });

  it('counts and plans the changes that keep the state by what the viewer may make', () => {
    const mine = item(1);
    const notMine = item(2, { changes: ['clue.requestExtension'] });
    expect(applicableCount([mine, notMine], { type: 'extend' })).toBe(1);
    // Who may extend an item extends it rather than asks, as its drawer offers (the office never asks).
    expect(applicableCount([item(3, { changes: ['clue.extend', 'clue.requestExtension'] }), notMine], { type: 'requestExtension' })).toBe(1);
    const plan = planOf([mine, notMine], { type: 'transfer' });
    expect(plan.shared).toEqual(['unitId', 'reason']);
    expect(batchBodies(plan, { type: 'transfer' }, () => ({ unitId: 'chenggu', reason: '管辖调整' }))).toEqual([
      { event: 'transfer', payload: { unitId: 'chenggu', reason: '管辖调整' }, items: [{ kind: 'clue', id: 1, version: 3 }] },
    ]);
  });

  it('cuts a long batch into requests within the server limits, each with the shared payload, no item lost', () => {
    // One found clue needs no reason, so each reopened one carries its own.
    const many = [assignedFound(1), ...Array.from({ length: 1200 }, (_, i) => unfounded(i + 2))];
    const reason = '复核'.repeat(1000);
    const bodies = batchBodies(planOf(many, { type: 'move', to: 'verifying' }), { type: 'move', to: 'verifying' }, () => ({ reason }));
    const bytes = bodies.map((b) => new TextEncoder().encode(JSON.stringify(b)).length);
    expect(bodies.length).toBeGreaterThan(100);
    expect(Math.max(...bytes)).toBeLessThan(64 * 1024);
    expect(bodies.flatMap((b) => b.items.map((i) => i.id))).toEqual(many.map((i) => i.id));

    const small = batchBodies(planOf(many, { type: 'transfer' }), { type: 'transfer' }, () => ({ unitId: 'chenggu', reason }));
    expect(small.map((b) => b.items.length)).toEqual([500, 500, 201]);
  });

  it('counts the items it sends by unit, most first, leaving out the items it skips', () => {
    const items = [
      assignedFound(1),
      item(2, { unitId: 'chenggu', allowed: [{ to: 'verifying', event: 'clue.verify', needs: [], offers: [] }] }),
      item(3, { unitId: 'chenggu', allowed: [{ to: 'verifying', event: 'clue.verify', needs: [], offers: [] }] }),
      item(4, { unitId: 'anning', allowed: [{ to: 'verifying', event: 'clue.verify', needs: [], offers: [] }] }),
      // Not movable to verifying: not sent, so not counted.
      verifying(5),
      item(6, { unitId: 'zhaoyang' }),
    ];
    expect(unitsOfPlan(planOf(items, { type: 'move', to: 'verifying' }))).toEqual([
      { unitId: 'chenggu', n: 2 },
      { unitId: 'anning', n: 1 },
      { unitId: 'hantai', n: 1 },
    ]);
  });

  it('chooses an assignee for a move to verifying among the people of the units of the items without one only', () => {
    const items = [item(16, { unitId: 'nanzheng', allowed: assignedFound(16).allowed }), item(97, { unitId: 'xixiang', allowed: assignedFound(97).allowed }), item(138, { unitId: 'xixiang', allowed: unassignedFound(138).allowed })];
    expect(unitsNeeding(planOf(items, { type: 'move', to: 'verifying' }), 'assigneeId')).toEqual(['xixiang']);
  });

  it('asks an assignee unit by unit when the items needing one are in several units, each item sent its own unit\'s person', () => {
    const move = { type: 'move', to: 'verifying' } as const;
    const items = [item(1, { unitId: 'hantai', allowed: unassignedFound(1).allowed }), item(2, { unitId: 'xixiang', allowed: unassignedFound(2).allowed }), item(3, { unitId: 'xixiang', allowed: unassignedFound(3).allowed })];
    const plan = planOf(items, move);
    // One person for all was refused for every item of the other unit (an assignee must be of the item's own unit).
    expect(plan.byUnit).toEqual(['assigneeId']);
    expect(plan.shared).toEqual([]);
    expect(unitFieldOf(unitFieldName('assigneeId', 'xixiang'))).toEqual({ need: 'assigneeId', unitId: 'xixiang' });
    expect(unitFieldOf('assigneeId')).toBeNull();
    const typed = { [unitFieldName('assigneeId', 'hantai')]: '7', [unitFieldName('assigneeId', 'xixiang')]: '12' };
    const payloadOf = (needs: readonly string[], sent?: (typeof items)[number]) => {
      const values = sent === undefined ? typed : valuesForItem(plan, typed, sent);
      return Object.fromEntries(needs.map((need) => [need, Number(values[need])]));
    };
    expect(batchBodies(plan, move, payloadOf)).toEqual([
      {
        to: 'verifying',
        items: [
          { kind: 'clue', id: 1, version: 3, payload: { assigneeId: 7 } },
          { kind: 'clue', id: 2, version: 3, payload: { assigneeId: 12 } },
          { kind: 'clue', id: 3, version: 3, payload: { assigneeId: 12 } },
        ],
      },
    ]);
    // Items of one unit share one person, asked once, as before; so does a batch's assign within one unit.
    const oneUnit = planOf([unassignedFound(4), unassignedFound(5)], move);
    expect([oneUnit.byUnit, oneUnit.shared]).toEqual([[], ['assigneeId']]);
    expect(planOf([item(6), item(7, { unitId: 'xixiang' })], { type: 'assign' }).byUnit).toEqual(['assigneeId']);
  });

  it("names the engine's events its items take, each once, those it leaves out not: what the text typed is held to", () => {
    const problem = item(9, { kind: 'problem', allowed: [{ to: 'verifying', event: 'problem.reject', needs: ['reason'], offers: [] }], changes: ['problem.extend'] });
    expect(eventsOf(planOf([unfounded(1), unfounded(2), problem, assignedFound(3)], { type: 'move', to: 'verifying' }), { type: 'move', to: 'verifying' })).toEqual([
      'clue.reopen',
      'problem.reject',
      'clue.verify',
    ]);
    expect(eventsOf(planOf([item(1), problem], { type: 'extend' }), { type: 'extend' })).toEqual(['clue.extend', 'problem.extend']);
  });
});
