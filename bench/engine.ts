import { transition } from 'xstate';
import { allowedClueMoves, decideClue } from '../engine/clue/clue.kind';
import { clueMachine } from '../engine/clue/clue.machine';
import { pureStepper } from '../engine/item/pure-step';
import { actors, clueIn, fullPayload, now, rules } from '../test/support/engine-fixtures';

/** Keeps results alive so the JIT cannot drop the work being timed. */
let sink = 0;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** CPU time this process has used, in ms (all its threads, the garbage collector's included). */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Calls per CPU-second of `fn` over `ms` of wall-clock time. */
function rate(fn: () => unknown, ms: number): number {
  let n = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  // Check the clock every 256 calls: reading it is not free next to a 1 µs call.
  while (performance.now() - start < ms) {
    for (let i = 0; i < 256; i++) if (fn() !== undefined) sink++;
    n += 256;
  }
  return n / ((cpuMs() - cpuStart) / 1000);
}

/**
 * Operations per second of a function and of its baseline, and their ratio.
 *
 * The machine is shared: other work takes the CPU away for whole scheduler
 * slices and evicts the caches, so neither wall-clock rounds nor long rounds
 * compare fairly. Each function is timed in CPU time (what it costs this
 * process, whoever else is running), in many short rounds taken in pairs,
 * alternating which goes first; the ratio is the median of the pairs'
 * ratios, and each rate the median of its rounds.
 */
function compare(baseline: () => unknown, fn: () => unknown, options: { pairs: number; roundMs: number }): { baseline: number; fn: number; ratio: number } {
  rate(baseline, 300);
  rate(fn, 300);
  const baselines: number[] = [];
  const fns: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < options.pairs; r++) {
    const first = r % 2 === 0 ? rate(baseline, options.roundMs) : rate(fn, options.roundMs);
    const second = r % 2 === 0 ? rate(fn, options.roundMs) : rate(baseline, options.roundMs);
    const [b, f] = r % 2 === 0 ? [first, second] : [second, first];
    baselines.push(b);
    fns.push(f);
    ratios.push(f / b);
  }
  return { baseline: median(baselines), fn: median(fns), ratio: median(ratios) };
}

export interface EngineResult {
  readonly xstateTransitionsPerSec: number;
  readonly decidePerSec: number;
  readonly engineRatio: number;
  /** decideClue ÷ the engine's own pure step (XState's machine transition in a shared inert scope): the cost of the rules alone. */
  readonly overStepRatio: number;
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
    () => transition(clueMachine, snapshot, event),
    () => decideClue(clue, actors.office, request, rules, now),
    { pairs: quick ? 30 : 100, roundMs: 25 },
  );
  // decideClue no longer pays for transition()'s throwaway actor; this says what its own rules cost.
  const step = pureStepper(clueMachine);
  const overStep = compare(
    () => step(clue.state, clue.context, event),
    () => decideClue(clue, actors.office, request, rules, now),
    { pairs: quick ? 30 : 100, roundMs: 25 },
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
  if (sink === -1) console.log('');
  return {
    xstateTransitionsPerSec: ops.baseline,
    decidePerSec: ops.fn,
    engineRatio: ops.ratio,
    overStepRatio: overStep.ratio,
    allowedMovesLeadMs: lead,
    allowedMovesOfficerMs: officer,
    allowedMoves10kMs: Math.max(lead, officer),
  };
}
