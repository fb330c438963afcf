import { z } from 'zod';
import { clueStates, type ClueState } from '../clue/clue.model';
import { problemStates, type ProblemState } from '../problem/problem.model';
import { quotedZh, type Label } from '../labels';
import { escalationLevelLabels, escalationLevelNamed } from '../deadlines/escalation-level';

/** A criterion of "none left in" with no state ticked (its Chinese in issue-text.ts). */
export const tickAState = 'tick at least one state';

/**
 * The closed vocabulary of exit criteria a campaign combines per phase.
 * Each is checked against facts the caller counts in the database.
 */
export const exitCriterionSchema = z.discriminatedUnion('kind', [
  // Said as the settings' check boxes ask it: "At least 1 item" read as a clue or a problem.
  z.strictObject({ kind: z.literal('noCluesIn'), states: z.array(z.enum(clueStates)).min(1, tickAState) }),
  z.strictObject({ kind: z.literal('noProblemsIn'), states: z.array(z.enum(problemStates)).min(1, tickAState) }),
  // Every open clue and problem has a unit and an assignee: the responsibility list is complete.
  z.strictObject({ kind: z.literal('responsibilityComplete') }),
  z.strictObject({ kind: z.literal('noOpenEscalations'), atOrAbove: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
  z.strictObject({ kind: z.literal('unitTargetsMet') }),
]);
export type ExitCriterion = z.infer<typeof exitCriterionSchema>;

export interface ItemRef {
  readonly kind: 'clue' | 'problem';
  readonly id: number;
}

/** A set of items, counted in full, with the first few named. */
export interface ItemSet {
  readonly count: number;
  readonly sample: readonly ItemRef[];
}

export interface TargetFact {
  readonly unitId: string;
  readonly metric: string;
  readonly target: number;
  readonly actual: number;
}

/** What the exit criteria read, counted by the caller at the instant of the request. */
export interface ExitFacts {
  readonly cluesIn: Partial<Record<ClueState, ItemSet>>;
  readonly problemsIn: Partial<Record<ProblemState, ItemSet>>;
  /** Open clues and problems without an assignee. */
  readonly unassigned: ItemSet;
  /** Open escalations at each level. */
  readonly openEscalations: Readonly<Record<1 | 2 | 3, ItemSet>>;
  /** The unit targets of the phase being left, with their actuals. */
  readonly targets: readonly TargetFact[];
}

/** A criterion that does not hold, with what blocks it. */
export interface UnmetCriterion {
  readonly criterion: ExitCriterion;
  readonly blocking: ItemSet;
  readonly targetsMissed?: readonly TargetFact[];
}

const emptySet: ItemSet = { count: 0, sample: [] };

function union(sets: readonly (ItemSet | undefined)[], limit = 50): ItemSet {
  let count = 0;
  const sample: ItemRef[] = [];
  for (const set of sets) {
    if (set === undefined) continue;
    count += set.count;
    for (const ref of set.sample) if (sample.length < limit) sample.push(ref);
  }
  return { count, sample };
}

/** Evaluates a phase's exit criteria against the facts; the empty list means the phase may be left. */
export function evaluateExitCriteria(criteria: readonly ExitCriterion[], facts: ExitFacts): UnmetCriterion[] {
  const unmet: UnmetCriterion[] = [];
  for (const criterion of criteria) {
    switch (criterion.kind) {
      case 'noCluesIn': {
        const blocking = union(criterion.states.map((s) => facts.cluesIn[s]));
        if (blocking.count > 0) unmet.push({ criterion, blocking });
        break;
      }
      case 'noProblemsIn': {
        const blocking = union(criterion.states.map((s) => facts.problemsIn[s]));
        if (blocking.count > 0) unmet.push({ criterion, blocking });
        break;
      }
      case 'responsibilityComplete':
        if (facts.unassigned.count > 0) unmet.push({ criterion, blocking: facts.unassigned });
        break;
      case 'noOpenEscalations': {
        const levels = ([1, 2, 3] as const).filter((l) => l >= criterion.atOrAbove);
        const blocking = union(levels.map((l) => facts.openEscalations[l]));
        if (blocking.count > 0) unmet.push({ criterion, blocking });
        break;
      }
      case 'unitTargetsMet': {
        const missed = facts.targets.filter((t) => t.actual < t.target);
        if (missed.length > 0) unmet.push({ criterion, blocking: emptySet, targetsMissed: missed });
        break;
      }
    }
  }
  return unmet;
}

/** A criterion in words, for the UI and the escalation that lists what blocks a phase. */
export function describeCriterion(
  criterion: ExitCriterion,
  stateLabel: (kind: 'clue' | 'problem', state: string) => Label,
): Label {
  switch (criterion.kind) {
    case 'noCluesIn':
    case 'noProblemsIn': {
      const kind = criterion.kind === 'noCluesIn' ? 'clue' : 'problem';
      const names = criterion.states.map((s) => stateLabel(kind, s));
      return kind === 'clue'
        ? { zh: `没有处于“${names.map((n) => n.zh).join('、')}”的线索`, en: `No clue left in ${names.map((n) => n.en).join(', ')}` }
        : { zh: `没有处于“${names.map((n) => n.zh).join('、')}”的问题`, en: `No problem left in ${names.map((n) => n.en).join(', ')}` };
    }
    case 'responsibilityComplete':
      return { zh: '责任清单完整：每条在办线索和问题都有责任单位和承办人', en: 'Responsibility list complete: every open clue and problem has a unit and an assignee' };
    case 'noOpenEscalations': {
      // By the rung's name, the level beside it: "3级" alone told nobody it was 严重超期. The top rung has nothing above it.
      const level = criterion.atOrAbove;
      const { en } = escalationLevelNamed(level);
      const zh = `${quotedZh(escalationLevelLabels[level].zh)}（${level}级）`;
      return level === 3
        ? { zh: `没有未处理的${zh}督办`, en: `No open escalation at ${en}` }
        : { zh: `没有未处理的${zh}及以上督办`, en: `No open escalation at ${en} or above` };
    }
    case 'unitTargetsMet':
      return { zh: '各单位完成本阶段目标', en: "Every unit has met its targets for the phase" };
  }
}
