import type { Actor } from '../actor';
import { allowedChangesOf, allowedMovesOf } from '../item/allowed-moves';
import { creationRefusal } from '../item/create';
import { decideItem, dueAtFor } from '../item/decide';
import { noFactsNeeded, type ItemFacts, type ItemKind } from '../item/kind';
import { deriveMoveTable } from '../item/move-table';
import { replayItem, type CreateEvent } from '../item/replay';
import { pureInitial, pureStepper } from '../item/pure-step';
import type { Decision, ItemRecord, ItemRulesContext, MoveRequest, Refused } from '../item/types';
import { problemChecks } from './problem.checks';
import { problemStateLabels } from './problem.labels';
import { problemMachine } from './problem.machine';
import {
  problemPayloadSchemas,
  type ProblemContext,
  type ProblemEvent,
  type ProblemEventType,
  type ProblemFields,
  type ProblemState,
} from './problem.model';

const pureStep = pureStepper(problemMachine);
const initialOf = pureInitial(problemMachine);

const problemNeeds: Record<ProblemEventType, readonly string[]> = {
  'problem.rectify': [],
  'problem.complete': ['rectification'],
  'problem.verify': [],
  'problem.reject': ['reason'],
  'problem.transfer': ['unitId', 'reason'],
  'problem.assign': ['assigneeId'],
  'problem.edit': [],
  'problem.note': ['text'],
  'problem.attach': ['file'],
  'problem.detach': ['attachmentId', 'reason'],
  'problem.extend': ['until', 'reason'],
  'problem.requestExtension': ['until', 'reason'],
  'problem.declineExtension': ['reason'],
};
const needsAssignee = ['assigneeId'] as const;

export const problemKind: ItemKind<ProblemState, ProblemContext, ProblemEventType, ProblemEvent> = {
  name: 'problem',
  machine: problemMachine,
  table: deriveMoveTable<ProblemState, ProblemEventType>(problemMachine),
  stateLabels: problemStateLabels,
  checks: problemChecks,
  whoGuards: { actorMayMove: 'mover', actorIsLeadOrOffice: 'leadOrOffice', actorIsOffice: 'office' },
  payloadSchemas: problemPayloadSchemas,
  needs: (edge, hasAssignee) => (edge.event === 'problem.rectify' && !hasAssignee ? needsAssignee : problemNeeds[edge.event]),
  // 销号 closes the problem for good: asked to confirm, with the office's check of the rectification (验收意见) to note.
  offers: { 'problem.verify': ['note'] },
  attachFacts: () => noFactsNeeded,
  initial: (input) => {
    const snapshot = initialOf(input);
    return { state: snapshot.value, context: snapshot.context };
  },
  step: (state, context, event) => {
    const next = pureStep(state, context, event);
    return next === null ? null : { state: next.value, context: next.context };
  },
};

export type ProblemRecord = ItemRecord<ProblemState, ProblemContext>;
export type ProblemDecision = Decision<ProblemState, ProblemContext, ProblemEvent>;
export type ProblemRequest = MoveRequest<ProblemState, ProblemEventType>;

/** Decides a request about a problem. See `decideItem`. */
export function decideProblem(
  problem: ProblemRecord,
  actor: Actor,
  request: ProblemRequest,
  rules: ItemRulesContext,
  now: Date,
  facts?: ItemFacts,
): ProblemDecision {
  return decideItem(problemKind, problem, actor, request, rules, now, facts);
}

export const allowedProblemMoves = allowedMovesOf(problemKind);
/** The changes that keep the state an actor may make on a problem now. See `allowedChangesOf`. */
export const allowedProblemChanges = allowedChangesOf(problemKind);

export interface NewProblem {
  readonly campaignId: number;
  readonly unitId: string;
  readonly assigneeId: number | null;
  readonly fields: ProblemFields;
}

export type ProblemCreated = {
  readonly ok: true;
  readonly record: ProblemRecord;
  readonly event: CreateEvent<ProblemContext>;
};

/** Decides the creation of a problem: it starts in identified, due within that state's time limit. */
export function createProblem(
  id: number,
  input: NewProblem,
  actor: Actor,
  rules: ItemRulesContext,
  now: Date,
): ProblemCreated | Refused {
  const refused = creationRefusal(actor, input, rules.campaignConcluded);
  if (refused !== null) return refused;
  const at = now.toISOString();
  const dueAt = dueAtFor('identified', rules, now);
  const context: ProblemContext = {
    campaignId: input.campaignId,
    unitId: input.unitId,
    assigneeId: input.assigneeId,
    ...input.fields,
    rectification: null,
    rejection: null,
    identifiedAt: at,
    enteredAt: at,
    dueAt,
  };
  const initial = problemKind.initial(context);
  return {
    ok: true,
    record: { id, state: initial.state, context: initial.context, version: 1 },
    event: { type: 'problem.create', input: context, meta: { itemId: id, actor, at, dueAt, campaignConcluded: false } },
  };
}

export function replayProblem(events: readonly unknown[]) {
  return replayItem(problemKind, events);
}
