import type { Actor, CampaignConfig, ClueRecord, ClueRequest, decideClue, ItemRulesContext, ProblemRecord, ProblemRequest } from '../../engine';
import type { SimulatedFile, SimulationInput } from './demo-simulation';

export const day = 86_400_000;

/** Something that happens in the demo campaign at a moment; run in the order of those moments, once every path is planned. */
export type Step = { readonly at: number; readonly run: () => void };

export type DemoUnit = SimulationInput['units'][number];

/**
 * The simulated campaign as its planners see it: the input, the clock, the
 * steps planned so far, the items as they stand when a step runs, and the
 * engine's moves (each false when the engine refuses it, which the planner
 * then leaves out). Every path draws from the streams in `input` as the
 * single simulation did before it was split, so the demo stays the same.
 */
export interface DemoWorld {
  readonly input: SimulationInput;
  readonly config: CampaignConfig;
  readonly rules: ItemRulesContext;
  readonly nowMs: number;
  /** The survey's first morning: the campaign's day one. */
  readonly start: number;
  readonly steps: Step[];
  readonly clues: Map<number, ClueRecord>;
  readonly problems: Map<number, ProblemRecord>;
  readonly files: SimulatedFile[];
  /** Store what the engine created and record its entry. */
  readonly clueCreated: (record: ClueRecord, at: number, actor: Actor, event: { type: string }) => void;
  readonly problemCreated: (record: ProblemRecord, at: number, actor: Actor, event: { type: string }) => void;
  readonly moveClue: (id: number, at: number, actor: Actor, request: ClueRequest, facts?: Parameters<typeof decideClue>[5]) => boolean;
  readonly moveProblem: (id: number, at: number, actor: Actor, request: ProblemRequest) => boolean;
}

/** Whoever works the item: its assignee (the unit's officer, in this simulation), else the unit's lead. */
export const workerOf = (unit: Pick<DemoUnit, 'lead' | 'officer'>, assigneeId: number | null): Actor => (assigneeId === unit.officer.userId ? unit.officer : unit.lead);

/** An item of either kind as it stands now, or undefined before it is found. */
export const itemOf = (world: DemoWorld, kind: 'clue' | 'problem', id: number): ClueRecord | ProblemRecord | undefined =>
  kind === 'clue' ? world.clues.get(id) : world.problems.get(id);

/** Sends an event that keeps the state (a note, a file, more time) to an item of either kind; false if refused. The engine checks the event's name against the kind. */
export const sendEvent = (world: DemoWorld, kind: 'clue' | 'problem', id: number, at: number, actor: Actor, request: { readonly event: string; readonly payload?: unknown }): boolean =>
  kind === 'clue' ? world.moveClue(id, at, actor, request as ClueRequest) : world.moveProblem(id, at, actor, request as ProblemRequest);

/** A unit drawn by weight (counties find more), from the simulation's stream. */
export function pickUnit(world: DemoWorld): DemoUnit {
  const { units, random } = world.input;
  const total = units.reduce((sum, u) => sum + u.weight, 0);
  let r = random.next() * total;
  for (const unit of units) {
    r -= unit.weight;
    if (r <= 0) return unit;
  }
  return units[0] ?? random.pick(units);
}
