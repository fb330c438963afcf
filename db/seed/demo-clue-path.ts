import { clueSources, createClue, type ClueSource } from '../../engine';
import { planClueCleanUp } from './demo-consolidation';
import { planSideSteps } from './demo-side-steps';
import { clueTitle } from './demo-titles';
import { caseNumberOf, conclusions, randomOutcome } from './demo-writing';
import { day, pickUnit, type DemoWorld } from './demo-world';

/**
 * Plans clue `id`: found at some moment of the year so far (more in the
 * survey), then verified, filed, solved and prosecuted on a plausible
 * schedule, some late, until the step its fate stops it at; or found
 * unfounded, or merged into an earlier clue of its unit. One that stops
 * open is moved on in the consolidation phase, mostly (demo-consolidation.ts).
 */
export function planClue(world: DemoWorld, id: number): void {
  const { input, steps, nowMs, start } = world;
  const { random } = input;
  const unit = pickUnit(world);
  const category = random.pick(input.categories);
  const foundAt = start + Math.floor(Math.pow(random.next(), 1.4) * Math.max(0, nowMs - start - 3_600_000));
  const selfAssigned = random.chance(0.6);
  const creator = selfAssigned ? unit.officer : unit.lead;
  // How far this clue gets, and how late each step is (in days).
  const fate = random.next();
  const stallAt = fate < 0.08 ? 'found' : fate < 0.2 ? 'verifying' : fate < 0.4 ? 'filed' : fate < 0.55 ? 'solved' : 'prosecuted';
  const unfounded = random.chance(0.15);
  const merge = !unfounded && random.chance(0.04);
  let t = foundAt;
  const later = (min: number, max: number) => (t += Math.floor((min + random.next() * (max - min)) * day));
  // The title and source are drawn from the simulation's stream when the clue is found; the description from its own.
  const described = (title: string, source: ClueSource) => ({ title, description: input.describe?.(title, source) ?? '', categoryId: category.id, source });

  steps.push({
    at: foundAt,
    run: () => {
      const assigneeId = selfAssigned ? unit.officer.userId : null;
      const fields = described(clueTitle(category.code, random, unit.id), random.pick(clueSources));
      const created = createClue(id, { campaignId: input.campaignId, unitId: unit.id, assigneeId, fields }, creator, world.rules, new Date(foundAt));
      if (created.ok) world.clueCreated(created.record, foundAt, creator, created.event);
    },
  });
  planSideSteps(world, 'clue', id, unit, foundAt);
  if (stallAt === 'found') return planClueCleanUp(world, id, unit, category.code, 'found', foundAt);
  const verifyAt = later(0.1, 4.5);
  steps.push({
    at: verifyAt,
    run: () =>
      void (selfAssigned
        ? world.moveClue(id, verifyAt, unit.officer, { to: 'verifying' })
        : world.moveClue(id, verifyAt, unit.lead, { to: 'verifying', payload: { assigneeId: unit.officer.userId } })),
  });
  if (stallAt === 'verifying') return planClueCleanUp(world, id, unit, category.code, 'verifying', verifyAt);
  if (merge && id > 1) {
    const mergeAt = later(1, 6);
    steps.push({
      at: mergeAt,
      run: () => {
        const target = [...world.clues.values()].reverse().find((c) => c.id !== id && c.context.unitId === unit.id && c.state !== 'merged');
        if (target === undefined) return;
        const facts = { mergeTarget: { id: target.id, campaignId: input.campaignId, unitId: target.context.unitId, state: target.state, chain: [] } };
        if (world.moveClue(id, mergeAt, unit.lead, { to: 'merged', payload: { targetId: target.id, reason: '同一涉案手机号' } }, facts)) {
          world.moveClue(target.id, mergeAt, unit.lead, { event: 'clue.absorb', payload: { sourceId: id } });
        }
      },
    });
    return;
  }
  const concludeAt = later(2, 19);
  if (unfounded) {
    steps.push({ at: concludeAt, run: () => void world.moveClue(id, concludeAt, unit.lead, { to: 'unfounded', payload: { conclusion: conclusions.unfounded } }) });
    return;
  }
  steps.push({
    at: concludeAt,
    run: () =>
      void world.moveClue(id, concludeAt, unit.officer, {
        to: 'filed',
        payload: { caseNumber: caseNumberOf(id), conclusion: conclusions.filed },
      }),
  });
  if (stallAt === 'filed') return planClueCleanUp(world, id, unit, category.code, 'filed', concludeAt);
  const solveAt = later(8, 75);
  steps.push({ at: solveAt, run: () => void world.moveClue(id, solveAt, unit.officer, { to: 'solved', payload: { outcome: randomOutcome(random, category.code) } }) });
  if (stallAt === 'solved') return planClueCleanUp(world, id, unit, category.code, 'solved', solveAt);
  const prosecuteAt = later(3, 36);
  steps.push({
    at: prosecuteAt,
    run: () => {
      const caught = world.clues.get(id)?.context.outcome?.arrested ?? 0;
      world.moveClue(id, prosecuteAt, unit.lead, { to: 'prosecuted', payload: { sentForProsecution: Math.max(0, caught - random.int(0, 1)) } });
    },
  });
}
