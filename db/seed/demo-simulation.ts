import {
  decideAdvance,
  decideClue,
  decideProblem,
  evaluateExitCriteria,
  itemRulesOf,
  newCampaignContext,
  type Actor,
  type CampaignConfig,
  type CampaignRecord,
  type ClueRecord,
  type ClueSource,
  type ProblemRecord,
} from '../../engine';
import type { AuditInput } from '../audit/append';
import { planClue } from './demo-clue-path';
import { demoSweeps, mergeByTime, type SimulatedEscalation } from './demo-escalations';
import { countFacts } from './demo-exit-facts';
import { planProblem } from './demo-problem-path';
import type { DemoWorld } from './demo-world';
import type { Random } from './random';

export interface SimulationInput {
  readonly campaignId: number;
  readonly config: CampaignConfig;
  readonly now: Date;
  readonly random: Random;
  readonly clues: number;
  readonly problems: number;
  /** Units clues are spread over (counties weigh more), with their lead and officer actors. */
  readonly units: readonly { readonly id: string; readonly weight: number; readonly lead: Actor; readonly officer: Actor }[];
  readonly office: Actor;
  readonly categories: readonly { readonly id: number; readonly code: string }[];
  /**
   * A second stream, for the work notes (进展记录) written along the way;
   * none without it. The notes draw from it alone, so with or without them
   * every item takes the same path through the same states.
   */
  readonly notes?: Random;
  /** What each clue says (its description, with the numbers it names), from a stream of its own; empty without it. */
  readonly describe?: (title: string, source: ClueSource) => string;
  /** A stream of its own for the files attached along the way (附件); none without it, and every item's path the same either way. */
  readonly files?: Random;
  /** A stream of its own for the deadlines unit leads extend (延期); none without it, and every item's path the same either way. */
  readonly extensions?: Random;
  /**
   * The escalations the deadline sweeps raised along the way, and the moves
   * settled (on unless told otherwise). Without them the server's first
   * sweep raises, at its start, every rung the items stand at then.
   */
  readonly escalations?: boolean;
  /**
   * A stream of its own for the consolidation phase's clean-up of the items
   * the year left standing (demo-consolidation.ts); none cleaned up without
   * it, and every item's path before the phase the same either way.
   */
  readonly consolidation?: Random;
  /** A stream of its own for the escalations acknowledged (签收) along the way; none acknowledged without it, and every item's path the same either way. */
  readonly acknowledgements?: Random;
}

/** A file the simulation attached, under the id its attach entry names (the demo's files are numbered from 1). */
export interface SimulatedFile {
  readonly id: number;
  readonly subject: 'clue' | 'problem';
  readonly subjectId: number;
  readonly name: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
  readonly sha256: string;
  readonly attachedAt: string;
  readonly attachedBy: number;
}

export interface SimulationResult {
  readonly campaign: CampaignRecord;
  readonly clues: readonly ClueRecord[];
  readonly problems: readonly ProblemRecord[];
  /** Every accepted decision, in the order it happened. */
  readonly audit: readonly AuditInput[];
  /** The files attached, by id. */
  readonly files: readonly SimulatedFile[];
  /** The escalations raised along the way, by id, each resolved by the move that ended its stay or extended its deadline, or still open. */
  readonly escalations: readonly SimulatedEscalation[];
}

/** The lead of each unit the simulation spreads items over. */
function leadOf(units: SimulationInput['units']): (unitId: string) => number {
  return (unitId) => {
    const unit = units.find((u) => u.id === unitId);
    if (unit === undefined) throw new Error(`demo unit ${unitId} missing`);
    return unit.lead.userId;
  };
}

/**
 * Plays a campaign from its first day until `now` through the engine itself,
 * so that every stored item is the replay of its audit entries: clues are
 * found, verified, filed, solved and prosecuted (or found unfounded, or
 * merged) on a plausible schedule, some late (demo-clue-path.ts); problems
 * are rectified and checked (demo-problem-path.ts); notes, files, typical
 * cases and extensions come along the way (demo-side-steps.ts); the office
 * advances the phases as their windows open. Every step is planned first,
 * then run in the order of its moment.
 */
export function simulateCampaign(input: SimulationInput): SimulationResult {
  const { config, now } = input;
  const nowMs = now.getTime();
  const local = (date: string, time: string) => new Date(`${date}T${time}+08:00`).getTime();
  const audit: AuditInput[] = [];
  let campaign: CampaignRecord = { id: input.campaignId, state: 'planned', context: newCampaignContext, version: 1 };

  const record = (subject: 'clue' | 'problem' | 'campaign', subjectId: number, at: number, actor: Actor, event: { type: string }, from: string | null, to: string, version: number) =>
    audit.push({
      at: new Date(at).toISOString(),
      actorId: actor.userId,
      campaignId: input.campaignId,
      subject,
      subjectId,
      event: event.type,
      fromState: from,
      toState: to,
      payload: event,
      version,
      ...placementOf(subject, subjectId),
    });
  // The unit and category an item has after the entry being recorded (moves update the maps first).
  const placementOf = (subject: 'clue' | 'problem' | 'campaign', id: number) => {
    const item = subject === 'clue' ? world.clues.get(id) : subject === 'problem' ? world.problems.get(id) : undefined;
    return item === undefined ? {} : { unitId: item.context.unitId, categoryId: item.context.categoryId };
  };

  const sweeps = input.escalations === false ? null : demoSweeps(config.escalation);

  const world: DemoWorld = {
    input,
    config,
    // The demo campaign ends on its consolidation window's last day (seed-demo.ts writes both).
    rules: itemRulesOf({ state: 'planned', config, endsOn: config.windows.consolidation.end }),
    nowMs,
    start: local(config.windows.survey.start, '08:00:00'),
    steps: [],
    clues: new Map(),
    problems: new Map(),
    files: [],
    clueCreated: (clue, at, actor, event) => {
      world.clues.set(clue.id, clue);
      record('clue', clue.id, at, actor, event, null, clue.state, 1);
    },
    problemCreated: (problem, at, actor, event) => {
      world.problems.set(problem.id, problem);
      record('problem', problem.id, at, actor, event, null, problem.state, 1);
    },
    moveClue: (id, at, actor, request, facts) => {
      const clue = world.clues.get(id);
      if (clue === undefined) return false;
      sweeps?.sweep('clue', clue, at);
      const decision = decideClue(clue, actor, request, world.rules, new Date(at), facts);
      if (!decision.ok) return false;
      const moved: ClueRecord = { id, state: decision.state, context: decision.context, version: decision.version };
      world.clues.set(id, moved);
      sweeps?.moved('clue', clue, moved, at);
      record('clue', id, at, actor, decision.event, decision.from, decision.to, decision.version);
      return true;
    },
    moveProblem: (id, at, actor, request) => {
      const problem = world.problems.get(id);
      if (problem === undefined) return false;
      sweeps?.sweep('problem', problem, at);
      const decision = decideProblem(problem, actor, request, world.rules, new Date(at));
      if (!decision.ok) return false;
      const moved: ProblemRecord = { id, state: decision.state, context: decision.context, version: decision.version };
      world.problems.set(id, moved);
      sweeps?.moved('problem', problem, moved, at);
      record('problem', id, at, actor, decision.event, decision.from, decision.to, decision.version);
      return true;
    },
  };

  for (let id = 1; id <= input.clues; id++) planClue(world, id);
  for (let id = 1; id <= input.problems; id++) planProblem(world, id);

  // The office advances the phases as their windows open; where criteria are unmet it says why.
  const advanceAt = [
    world.start - 30 * 60_000,
    local(config.windows.survey.end, '17:00:00'),
    local(config.windows.consolidation.start, '08:30:00'),
  ];
  for (const at of advanceAt) {
    world.steps.push({
      at,
      run: () => {
        const phase = campaign.state;
        const criteria = phase === 'survey' || phase === 'crackdown' || phase === 'consolidation' ? config.exitCriteria[phase] : [];
        // The escalations open then: those the sweeps before the advance raised and no move has settled.
        if (sweeps !== null) {
          for (const clue of world.clues.values()) sweeps.sweep('clue', clue, at);
          for (const problem of world.problems.values()) sweeps.sweep('problem', problem, at);
        }
        const unmet = evaluateExitCriteria(criteria, countFacts(world.clues, world.problems, sweeps?.open()));
        const payload = unmet.length > 0 ? { reason: '按专项行动部署如期转段，遗留事项转入下一阶段继续办理' } : {};
        const decision = decideAdvance(campaign, input.office, payload, config, unmet, new Date(at));
        if (!decision.ok) return;
        campaign = { id: campaign.id, state: decision.state, context: decision.context, version: decision.version };
        record('campaign', campaign.id, at, input.office, decision.event, decision.from, decision.to, decision.version);
      },
    });
  }

  // Stable: steps planned for the same moment run in the order they were planned.
  const steps = [...world.steps].sort((a, b) => a.at - b.at);
  for (const step of steps) if (step.at <= nowMs) step.run();
  if (sweeps === null) return { campaign, clues: [...world.clues.values()], problems: [...world.problems.values()], audit, files: world.files, escalations: [] };
  // The sweeps since each item's last move, up to the server's first, at `now`.
  for (const clue of world.clues.values()) sweeps.sweep('clue', clue, nowMs + 1, nowMs);
  for (const problem of world.problems.values()) sweeps.sweep('problem', problem, nowMs + 1, nowMs);
  const acknowledgers = input.acknowledgements === undefined ? undefined : { random: input.acknowledgements, office: input.office.userId, leadOf: leadOf(input.units) };
  const raised = sweeps.finish(input.campaignId, nowMs, acknowledgers);
  return { campaign, clues: [...world.clues.values()], problems: [...world.problems.values()], audit: mergeByTime(audit, raised.audit), files: world.files, escalations: raised.escalations };
}
