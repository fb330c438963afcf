import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { statesAwaitingOffice } from '../awaiting-office';
import { statesAwaitingOfficeOf } from './awaiting-office';
import { deriveMoveTable } from './move-table';

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
