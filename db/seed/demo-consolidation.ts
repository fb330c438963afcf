import { startOfLocalDate } from '../../engine';
import { caseNumberOf, conclusions, randomOutcome, randomRectification } from './demo-writing';
import { day, workerOf, type DemoUnit, type DemoWorld } from './demo-world';
import type { Random } from './random';

/** Where a clue's path stopped open, before the consolidation's clean-up. */
export type ClueStop = 'found' | 'verifying' | 'filed' | 'solved';
/** Where a problem's path stopped open. */
export type ProblemStop = 'identified' | 'rectifying' | 'rectified';

/** A few of the items left standing are stuck still in December: what the deadline sweeps' higher rungs are for. */
const stuckShare = 0.12;

/**
 * The consolidation phase's clean-up (巩固提升): from its first days the
 * units work through what the year left standing, as the phase's exit
 * criteria ask (no clue at 新发现 or 核查中, no problem short of 已复核),
 * and most open cases are solved and sent on. Without it a demo started in
 * December showed a board stopped in January: three open items in four
 * overdue, new clues a median 244 days at 新发现.
 *
 * An item that stopped open is moved on along the rest of its path from a
 * moment in the phase (or some days after it stopped, if later). Every draw
 * is made at planning, from the clean-up's own stream; its steps fall in
 * the phase only, so before it (the tests' mid-June campaign) every item
 * takes the same path with or without it. A move the engine refuses (the
 * item moved otherwise meanwhile) is left out, and so are those after it,
 * refused from the wrong state.
 */
export function planClueCleanUp(world: DemoWorld, id: number, unit: DemoUnit, categoryCode: string, stop: ClueStop, since: number): void {
  const stream = world.input.consolidation;
  if (stream === undefined || stream.chance(stuckShare)) return;
  let t = firstMoment(world, stream, since);
  const next = (min: number, max: number) => (t += Math.floor((min + stream.next() * (max - min)) * day));
  const unfounded = stream.chance(0.35);
  const solves = stream.chance(0.8);
  const outcome = randomOutcome(stream, categoryCode);
  const notCharged = stream.int(0, 1);
  if (stop === 'found') {
    const at = t;
    world.steps.push({
      at,
      run: () => {
        const clue = world.clues.get(id);
        if (clue === undefined) return;
        void (clue.context.assigneeId === null
          ? world.moveClue(id, at, unit.lead, { to: 'verifying', payload: { assigneeId: unit.officer.userId } })
          : world.moveClue(id, at, workerOf(unit, clue.context.assigneeId), { to: 'verifying' }));
      },
    });
    next(1, 6);
  }
  if (stop === 'found' || stop === 'verifying') {
    const at = t;
    world.steps.push({
      at,
      run: () =>
        void (unfounded
          ? world.moveClue(id, at, unit.lead, { to: 'unfounded', payload: { conclusion: conclusions.unfounded } })
          : world.moveClue(id, at, unit.officer, { to: 'filed', payload: { caseNumber: caseNumberOf(id), conclusion: conclusions.filed } })),
    });
    if (unfounded) return;
    next(10, 45);
  }
  if (stop !== 'solved') {
    if (!solves) return;
    const at = t;
    world.steps.push({ at, run: () => void world.moveClue(id, at, unit.officer, { to: 'solved', payload: { outcome } }) });
    next(3, 25);
  }
  const at = t;
  world.steps.push({
    at,
    run: () => {
      const caught = world.clues.get(id)?.context.outcome?.arrested ?? 0;
      world.moveClue(id, at, unit.lead, { to: 'prosecuted', payload: { sentForProsecution: Math.max(0, caught - notCharged) } });
    },
  });
}

/** A problem's clean-up: rectified by its unit and checked by the office (see {@link planClueCleanUp}). */
export function planProblemCleanUp(world: DemoWorld, id: number, unit: DemoUnit, stop: ProblemStop, since: number): void {
  const stream = world.input.consolidation;
  if (stream === undefined || stream.chance(stuckShare)) return;
  let t = firstMoment(world, stream, since);
  const next = (min: number, max: number) => (t += Math.floor((min + stream.next() * (max - min)) * day));
  const rectification = randomRectification(stream);
  if (stop === 'identified') {
    const at = t;
    world.steps.push({ at, run: () => void world.moveProblem(id, at, unit.lead, { to: 'rectifying', payload: { assigneeId: unit.officer.userId } }) });
    next(5, 25);
  }
  if (stop !== 'rectified') {
    const at = t;
    world.steps.push({ at, run: () => void world.moveProblem(id, at, unit.officer, { to: 'rectified', payload: { rectification } }) });
    next(1, 8);
  }
  const at = t;
  world.steps.push({ at, run: () => void world.moveProblem(id, at, world.input.office, { to: 'verified', payload: {} }) });
}

/** The clean-up's first move: some days into the phase, or some days after the item stopped if it stopped later. */
function firstMoment(world: DemoWorld, stream: Random, since: number): number {
  const phaseStart = startOfLocalDate(world.config.windows.consolidation.start, world.config.timeZone).getTime();
  return Math.max(phaseStart, since) + Math.floor((1 + stream.next() * 40) * day);
}
