import fc from 'fast-check';
import { initialTransition, setup, transition, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { clueMachine } from '../clue/clue.machine';
import { clueEventTypes, clueStates } from '../clue/clue.model';
import { problemMachine } from '../problem/problem.machine';
import { problemEventTypes, problemStates } from '../problem/problem.model';
import { actors, clueContext, mergeTarget, problemIn, rectification, zeroOutcome } from '../../test/support/engine-fixtures';
import { pureInitial, pureStepper } from './pure-step';

// Every field any event reads, so that each event finds what its actions copy.
const payloads = [
  {},
  { assigneeId: 8 },
  { caseNumber: 'A-1', conclusion: '属实', reason: '再次举报', sentForProsecution: 2, outcome: zeroOutcome },
  { targetId: 200, target: mergeTarget, sourceId: 55 },
  { target: { ...mergeTarget, unitId: 'nanzheng' }, unitId: 'nanzheng', reason: '属地' },
  { title: '改名', rectification, rejection: '未关停' },
];

/** The machine's answer through XState's own `transition()`, as value and context, or null when it takes none. */
function viaTransition(machine: AnyStateMachine, state: string, context: unknown, event: { type: string }) {
  const snapshot = machine.resolveState({ value: state, context });
  const [next] = transition(machine, snapshot, event);
  return next === snapshot ? null : { value: next.value, context: next.context };
}

function agrees(machine: AnyStateMachine, states: readonly string[], events: readonly string[], context: () => unknown) {
  const step = pureStepper(machine);
  fc.assert(
    fc.property(
      fc.constantFrom(...states),
      fc.constantFrom(...events),
      fc.constantFrom(...Object.values(actors)),
      fc.constantFrom(...payloads),
      fc.boolean(),
      (state, type, actor, payload, campaignConcluded) => {
        const event = { target: mergeTarget, ...payload, type, meta: { itemId: 100, actor, at: '2026-04-10T02:00:00.000Z', dueAt: '2026-04-25T16:00:00.000Z', campaignConcluded } };
        const next = step(state, context(), event);
        expect(next === null ? null : { value: next.value, context: next.context }).toEqual(viaTransition(machine, state, context(), event));
      },
    ),
    { numRuns: 1500 },
  );
}

describe('one pure step without an actor per call', () => {
  it('gives what XState’s transition() gives on the clue machine, for every state, event and actor', () => {
    agrees(clueMachine, clueStates, clueEventTypes, () => clueContext());
  });

  it('gives what XState’s transition() gives on the problem machine', () => {
    agrees(problemMachine, problemStates, problemEventTypes, () => problemIn('identified').context);
  });

  it('starts a new item as XState’s initialTransition() does, on both machines', () => {
    for (const [machine, input] of [
      [clueMachine, clueContext()],
      [problemMachine, problemIn('identified').context],
    ] as const) {
      const [expected] = initialTransition(machine, input);
      const started = pureInitial(machine)(input);
      expect({ value: started.value, context: started.context }).toEqual({ value: expected.value, context: expected.context });
    }
  });

  it('refuses at start-up a machine that would need a live actor', () => {
    const delayed = setup({}).createMachine({ id: 'reminder', initial: 'waiting', states: { waiting: { after: { 1000: 'late' } }, late: {} } });
    expect(() => pureStepper(delayed)).toThrow(/delayed transitions/);
  });
});
