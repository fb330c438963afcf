import { createProblem } from '../../engine';
import { planProblemCleanUp } from './demo-consolidation';
import { planSideSteps } from './demo-side-steps';
import { problemTitle } from './demo-titles';
import { randomRectification } from './demo-writing';
import { day, pickUnit, type DemoWorld } from './demo-world';

/**
 * Plans problem `id`: a rectification item found in the sweeps at some
 * moment of the year so far, rectified by its unit and checked by the
 * office (which sends one in five back once), until the step its fate
 * stops it at; moved on in the consolidation phase, mostly, if that step
 * is an open one (demo-consolidation.ts).
 */
export function planProblem(world: DemoWorld, id: number): void {
  const { input, steps, nowMs, start } = world;
  const { random } = input;
  const unit = pickUnit(world);
  const category = random.pick(input.categories);
  const identifiedAt = start + Math.floor(random.next() * Math.max(0, nowMs - start - 3_600_000));
  let t = identifiedAt;
  const later = (min: number, max: number) => (t += Math.floor((min + random.next() * (max - min)) * day));
  steps.push({
    at: identifiedAt,
    run: () => {
      const fieldsOf = (title: string) => ({ title, description: '', categoryId: category.id, problemKind: random.pick(['website', 'platformSupervision', 'accountOrGroup', 'industryGap'] as const) });
      const created = createProblem(id, { campaignId: input.campaignId, unitId: unit.id, assigneeId: null, fields: fieldsOf(problemTitle(random, unit.id)) }, unit.lead, world.rules, new Date(identifiedAt));
      if (created.ok) world.problemCreated(created.record, identifiedAt, unit.lead, created.event);
    },
  });
  const fate = random.next();
  const stallAt = fate < 0.15 ? 'identified' : fate < 0.4 ? 'rectifying' : fate < 0.55 ? 'rectified' : 'verified';
  planSideSteps(world, 'problem', id, unit, identifiedAt);
  if (stallAt === 'identified') return planProblemCleanUp(world, id, unit, 'identified', identifiedAt);
  const rectifyAt = later(0.5, 9);
  steps.push({ at: rectifyAt, run: () => void world.moveProblem(id, rectifyAt, unit.lead, { to: 'rectifying', payload: { assigneeId: unit.officer.userId } }) });
  const rectification = () => randomRectification(random);
  if (stallAt === 'rectifying') return planProblemCleanUp(world, id, unit, 'rectifying', rectifyAt);
  const doneAt = later(5, 40);
  steps.push({ at: doneAt, run: () => void world.moveProblem(id, doneAt, unit.officer, { to: 'rectified', payload: { rectification: rectification() } }) });
  if (stallAt === 'rectified') return planProblemCleanUp(world, id, unit, 'rectified', doneAt);
  if (random.chance(0.2)) {
    const rejectAt = later(1, 6);
    steps.push({ at: rejectAt, run: () => void world.moveProblem(id, rejectAt, input.office, { to: 'rectifying', payload: { reason: '复查发现网站仍可访问' } }) });
    const againAt = later(2, 12);
    steps.push({ at: againAt, run: () => void world.moveProblem(id, againAt, unit.officer, { to: 'rectified', payload: { rectification: rectification() } }) });
  }
  const checkAt = later(1, 10);
  steps.push({ at: checkAt, run: () => void world.moveProblem(id, checkAt, input.office, { to: 'verified', payload: {} }) });
}
