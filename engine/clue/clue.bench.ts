import { transition } from 'xstate';
import { bench, describe } from 'vitest';
import { actors, clueIn, fullPayload, now, rules } from '../../test/support/engine-fixtures';
import { allowedClueMoves, decideClue } from './clue.kind';
import { clueMachine } from './clue.machine';
import { pureStepper } from '../item/pure-step';

/**
 * The engine's cost over bare XState: decide() (lookup, payload validation,
 * named guards, transition) against transition() alone on the same machine,
 * snapshot and event. Issue goal: decide at least 0.8× bare transition.
 */
const clue = clueIn('verifying');
const request = { to: 'filed', payload: fullPayload('verifying', 'filed') } as const;
const decided = decideClue(clue, actors.office, request, rules, now);
if (!decided.ok) throw new Error(`bench setup: ${decided.refusal.code}`);
const snapshot = clueMachine.resolveState({ value: clue.state, context: clue.context });
const event = decided.event;

describe('clue verifying → filed', () => {
  bench('bare xstate transition()', () => {
    transition(clueMachine, snapshot, event);
  });
  bench('engine decideClue()', () => {
    decideClue(clue, actors.office, request, rules, now);
  });
  // What decideClue transitions with: XState's machine transition in one shared inert scope.
  const step = pureStepper(clueMachine);
  bench('engine pure step (no actor per call)', () => {
    step(clue.state, clue.context, event);
  });
});

/** allowedMoves for a board of 10,000 cards across states, units and assignees (goal: under 10 ms). */
const states = ['found', 'verifying', 'filed', 'solved', 'prosecuted', 'unfounded', 'merged'] as const;
const units = ['hantai', 'nanzheng', 'chenggu', 'yangxian'];
const board = Array.from({ length: 10_000 }, (_, i) => ({
  state: states[i % states.length] ?? 'found',
  context: { unitId: units[i % units.length] ?? 'hantai', assigneeId: i % 5 === 0 ? null : 7 + (i % 3) },
}));

describe('allowed moves', () => {
  bench('10,000 cards as a unit lead', () => {
    for (const card of board) allowedClueMoves(card, actors.leadInScope, false);
  });
  bench('10,000 cards as an officer', () => {
    for (const card of board) allowedClueMoves(card, actors.officerAssigned, false);
  });
});
