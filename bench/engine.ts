import { transition } from 'xstate';
import { allowedClueMoves, decideClue } from '../engine/clue/clue.kind';
import { clueMachine } from '../engine/clue/clue.machine';
import { actors, clueIn, fullPayload, now, rules } from '../test/support/engine-fixtures';

/** Keeps results alive so the JIT cannot drop the work being timed. */
let sink = 0;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Operations per second of each function, timed in alternating rounds of
 * `roundMs` after a warm-up, so drift in the machine's load hits both alike;
 * the median round counts.
 */
function compare(fns: Record<string, () => unknown>, options: { rounds: number; roundMs: number }): Record<string, number> {
  const names = Object.keys(fns);
  const perRound: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const run = (fn: () => unknown, ms: number) => {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    // Check the clock every 256 calls: reading it is not free next to a 1 µs call.
    while ((elapsed = performance.now() - start) < ms) {
      for (let i = 0; i < 256; i++) if (fn() !== undefined) sink++;
      n += 256;
    }
    return n / (elapsed / 1000);
  };
  for (const name of names) run(fns[name] ?? (() => undefined), 300);
  for (let r = 0; r < options.rounds; r++) for (const name of names) perRound[name]?.push(run(fns[name] ?? (() => undefined), options.roundMs));
  return Object.fromEntries(names.map((n) => [n, median(perRound[n] ?? [])]));
}

export interface EngineResult {
  readonly xstateTransitionsPerSec: number;
  readonly decidePerSec: number;
  readonly engineRatio: number;
  readonly allowedMovesLeadMs: number;
  readonly allowedMovesOfficerMs: number;
  readonly allowedMoves10kMs: number;
}

/**
 * The engine's cost over bare XState (as engine/clue/clue.bench.ts): the
 * same machine, snapshot and event through `transition()` and through
 * `decideClue()`; and `allowedClueMoves` over a 10,000-card board.
 */
export function benchEngine(quick: boolean): EngineResult {
  const clue = clueIn('verifying');
  const request = { to: 'filed', payload: fullPayload('verifying', 'filed') } as const;
  const decided = decideClue(clue, actors.office, request, rules, now);
  if (!decided.ok) throw new Error(`engine bench setup: ${decided.refusal.code}`);
  const snapshot = clueMachine.resolveState({ value: clue.state, context: clue.context });
  const event = decided.event;
  const ops = compare(
    {
      xstate: () => transition(clueMachine, snapshot, event),
      decide: () => decideClue(clue, actors.office, request, rules, now),
    },
    { rounds: quick ? 5 : 11, roundMs: quick ? 150 : 400 },
  );

  const states = ['found', 'verifying', 'filed', 'solved', 'prosecuted', 'unfounded', 'merged'] as const;
  const units = ['hantai', 'nanzheng', 'chenggu', 'yangxian'];
  const board = Array.from({ length: 10_000 }, (_, i) => ({
    state: states[i % states.length] ?? 'found',
    context: { unitId: units[i % units.length] ?? 'hantai', assigneeId: i % 5 === 0 ? null : 7 + (i % 3) },
  }));
  const boardMs = (actor: (typeof actors)[keyof typeof actors]) => {
    const times: number[] = [];
    for (let r = 0; r < (quick ? 20 : 60); r++) {
      const start = performance.now();
      for (const card of board) sink += allowedClueMoves(card, actor, false).length;
      times.push(performance.now() - start);
    }
    // The first rounds warm the JIT up; the median of the rest counts.
    return median(times.slice(5));
  };
  const lead = boardMs(actors.leadInScope);
  const officer = boardMs(actors.officerAssigned);
  const xstate = ops.xstate ?? Number.NaN;
  const decide = ops.decide ?? Number.NaN;
  if (sink === -1) console.log('');
  return {
    xstateTransitionsPerSec: xstate,
    decidePerSec: decide,
    engineRatio: decide / xstate,
    allowedMovesLeadMs: lead,
    allowedMovesOfficerMs: officer,
    allowedMoves10kMs: Math.max(lead, officer),
  };
}
