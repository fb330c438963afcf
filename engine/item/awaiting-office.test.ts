import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { allowedClueChanges } from '../clue/clue.kind';
import { statesAwaitingOffice } from '../awaiting-office';
import { allowedProblemChanges, decideProblem, problemKind } from '../problem/problem.kind';
import { actors, clueIn, now, problemIn, rules } from '../../test/support/engine-fixtures';
import { statesAwaitingOfficeOf } from './awaiting-office';
import { deriveMoveTable } from './move-table';

const extend = { event: 'problem.extend' as const, payload: { until: '2026-05-01', reason: '等待专项办组织验收' } };
const ask = { event: 'problem.requestExtension' as const, payload: { until: '2026-05-01', reason: '等待专项办组织验收' } };
const deadlineChanges = (changes: readonly string[]) => changes.filter((change) => /extend|Extension/i.test(change)).sort();

describe('the states an item waits in for the office alone', () => {
  it("are read from the machines' who-guards: a problem's 已整改待验收 (only the office verifies or sends it back), none of a clue's", () => {
    expect(statesAwaitingOffice).toEqual({ clue: [], problem: ['rectified'] });
  });

  it("follow the guards of every move out: one a unit's guard also leads out of is not the office's alone", () => {
    const guards = { office: () => true, unit: () => true };
    const kindOf = (secondGuard: 'office' | 'unit') => {
      const machine = setup({ guards }).createMachine({
        id: 'toy',
        initial: 'waiting',
        states: { waiting: { on: { done: { target: 'closed', guard: 'office' }, back: { target: 'open', guard: secondGuard } } }, open: { on: { go: { target: 'waiting', guard: 'unit' } } }, closed: { type: 'final' } },
      });
      return { table: deriveMoveTable<'waiting' | 'open' | 'closed', string>(machine), whoGuards: { office: 'office', unit: 'mover' } as const, stateLabels: { waiting: { zh: '待', en: 'Waiting' }, open: { zh: '开', en: 'Open' }, closed: { zh: '结', en: 'Closed' } } };
    };
    expect([...statesAwaitingOfficeOf(kindOf('office'))]).toEqual(['waiting']);
    expect([...statesAwaitingOfficeOf(kindOf('unit'))]).toEqual([]);
  });
});

describe('the deadline of a problem waiting for the office (已整改待验收)', () => {
  it('is extended by the office alone: its unit lead is refused, saying whose deadline it is', () => {
    expect(decideProblem(problemIn('rectified'), actors.office, extend, rules, now)).toMatchObject({ ok: true, dueAt: '2026-05-01T16:00:00.000Z' });
    const byLead = decideProblem(problemIn('rectified'), actors.leadInScope, extend, rules, now);
    expect(byLead).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(byLead.ok ? '' : byLead.refusal.reason.zh).toBe('“已整改待验收”的事项由专项办办理，期限由专项办掌握，只有专项办可以延期或答复延期申请');
    expect(byLead.ok ? '' : byLead.refusal.reason.en).toContain('only the office may extend it');
    // In rectifying the unit's lead extends as before.
    expect(decideProblem(problemIn('rectifying'), actors.leadInScope, extend, rules, now)).toMatchObject({ ok: true });
  });

  it('cannot be asked to be extended, by the unit or anyone, before its payload is read; in rectifying its officer asks as before', () => {
    for (const actor of [actors.officerAssigned, actors.leadInScope, actors.office]) {
      const asked = decideProblem(problemIn('rectified'), actor, { ...ask, payload: {} }, rules, now);
      expect(asked).toMatchObject({ ok: false, refusal: { code: 'move_not_allowed' } });
      expect(asked.ok ? '' : asked.refusal.reason.zh).toBe('“已整改待验收”的事项由专项办办理，期限由专项办掌握，不能申请延期');
      expect(asked.ok ? '' : asked.refusal.reason.en).toContain('no extension can be asked for');
    }
    expect(decideProblem(problemIn('rectifying'), actors.officerAssigned, ask, rules, now)).toMatchObject({ ok: true });
  });

  it('leaves a request waiting from before this rule to the office to answer', () => {
    const waiting = problemIn('rectified', { extensionRequest: { until: '2026-05-01', dueAt: '2026-05-01T16:00:00.000Z', reason: '等待验收', by: 7, at: '2026-04-09T02:00:00.000Z' } });
    const decline = { event: 'problem.declineExtension' as const, payload: { reason: '由专项办尽快验收' } };
    expect(decideProblem(waiting, actors.leadInScope, decline, rules, now)).toMatchObject({ ok: false, refusal: { code: 'role_forbidden' } });
    expect(decideProblem(waiting, actors.office, decline, rules, now)).toMatchObject({ ok: true });
  });

  it("is not offered to the unit in the drawer's changes: no 申请延期 nor 延期 for its officer or lead, 延期 for the office", () => {
    const changes = (actor: keyof typeof actors, state: 'rectified' | 'rectifying') => deadlineChanges(allowedProblemChanges(problemIn(state), actors[actor], false));
    expect(changes('officerAssigned', 'rectified')).toEqual([]);
    expect(changes('leadInScope', 'rectified')).toEqual([]);
    expect(changes('office', 'rectified')).toEqual(['problem.declineExtension', 'problem.extend']);
    expect(changes('officerAssigned', 'rectifying')).toEqual(['problem.requestExtension']);
    expect(changes('leadInScope', 'rectifying')).toEqual(['problem.declineExtension', 'problem.extend', 'problem.requestExtension']);
    // A clue's states are all the unit's to move on: its lead extends in each.
    expect(deadlineChanges(allowedClueChanges(clueIn('solved'), actors.leadInScope, false))).toContain('clue.extend');
  });

  it("still replays a lead's extension logged in that state before the rule: the machine takes it", () => {
    const decided = decideProblem(problemIn('rectifying'), actors.leadInScope, extend, rules, now);
    if (!decided.ok) throw new Error('not extended');
    expect(problemKind.step('rectified', problemIn('rectified').context, decided.event)).toMatchObject({ state: 'rectified', context: { dueAt: '2026-05-01T16:00:00.000Z' } });
  });
});
