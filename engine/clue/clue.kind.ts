import type { Actor } from '../actor';
import { refuse } from '../refusals';
import { allowedChangesOf, allowedMovesOf } from '../item/allowed-moves';
import { creationRefusal } from '../item/create';
import { dueAtFor, decideItem } from '../item/decide';
import { noFactsNeeded, type ItemFacts, type ItemKind } from '../item/kind';
import { deriveMoveTable } from '../item/move-table';
import { replayItem, type CreateEvent } from '../item/replay';
import { pureInitial, pureStepper } from '../item/pure-step';
import type { Decision, ItemRecord, ItemRulesContext, MoveRequest, Refused } from '../item/types';
import { clueChecks, clueDecisionChecks, targetRefused } from './clue.checks';
import { clueStateLabels } from './clue.labels';
import { clueMachine } from './clue.machine';
import { mergeRefusalLabels } from './merge.labels';
import {
  cluePayloadSchemas,
  type ClueContext,
  type ClueEvent,
  type ClueEventType,
  type ClueFields,
  type CluePayload,
  type ClueState,
} from './clue.model';

const pureStep = pureStepper(clueMachine);
const initialOf = pureInitial(clueMachine);

/** The fields each move asks for; fixed except that verifying asks for an assignee only when there is none. */
const clueNeeds: Record<ClueEventType, readonly string[]> = {
  'clue.verify': [],
  'clue.file': ['caseNumber', 'conclusion'],
  'clue.solve': ['outcome'],
  'clue.prosecute': ['sentForProsecution'],
  'clue.dismiss': ['conclusion'],
  'clue.reopen': ['reason'],
  'clue.merge': ['targetId'],
  'clue.absorb': ['sourceId'],
  'clue.transfer': ['unitId', 'reason'],
  'clue.assign': ['assigneeId'],
  'clue.edit': [],
  'clue.note': ['text'],
  'clue.markTypical': ['summary'],
  'clue.unmarkTypical': ['reason'],
  'clue.attach': ['file'],
  'clue.detach': ['attachmentId', 'reason'],
  'clue.extend': ['until', 'reason'],
  'clue.requestExtension': ['until', 'reason'],
  'clue.declineExtension': ['reason'],
};
const needsAssignee = ['assigneeId'] as const;

const mergeTargetMissing = targetRefused(mergeRefusalLabels.missing);

export const clueKind: ItemKind<ClueState, ClueContext, ClueEventType, ClueEvent> = {
  name: 'clue',
  machine: clueMachine,
  table: deriveMoveTable<ClueState, ClueEventType>(clueMachine),
  stateLabels: clueStateLabels,
  checks: clueChecks,
  decisionChecks: clueDecisionChecks,
  whoGuards: { actorMayMove: 'mover', actorIsLeadOrOffice: 'leadOrOffice', actorInScope: 'scope' },
  payloadSchemas: cluePayloadSchemas,
  needs: (edge, hasAssignee) => (edge.event === 'clue.verify' && !hasAssignee ? needsAssignee : clueNeeds[edge.event]),
  attachFacts: (eventType, payload, facts: ItemFacts) => {
    if (eventType !== 'clue.merge') return noFactsNeeded;
    const target = facts.mergeTarget;
    if (target === undefined || target.id !== (payload as CluePayload<'clue.merge'>).targetId) {
      return { ok: false, refusal: mergeTargetMissing };
    }
    return { ok: true, facts: { target } };
  },
  initial: (input) => {
    const snapshot = initialOf(input);
    return { state: snapshot.value, context: snapshot.context };
  },
  step: (state, context, event) => {
    const next = pureStep(state, context, event);
    return next === null ? null : { state: next.value, context: next.context };
  },
};

export type ClueRecord = ItemRecord<ClueState, ClueContext>;
export type ClueDecision = Decision<ClueState, ClueContext, ClueEvent>;
export type ClueRequest = MoveRequest<ClueState, ClueEventType>;

/** Decides a request about a clue. See `decideItem`. */
export function decideClue(
  clue: ClueRecord,
  actor: Actor,
  request: ClueRequest,
  rules: ItemRulesContext,
  now: Date,
  facts?: ItemFacts,
): ClueDecision {
  return decideItem(clueKind, clue, actor, request, rules, now, facts);
}

/** The moves an actor may request on a clue now, with the fields each asks for. */
export const allowedClueMoves = allowedMovesOf(clueKind);
/** The changes that keep the state an actor may make on a clue now. See `allowedChangesOf`. */
export const allowedClueChanges = allowedChangesOf(clueKind);

/** What a new clue starts with. */
export interface NewClue {
  readonly campaignId: number;
  readonly unitId: string;
  readonly assigneeId: number | null;
  readonly fields: ClueFields;
  /**
   * When the source (a 110 or 12337 platform, a re-examined case) received
   * the lead, if earlier than its entry here: reports count days to solve
   * from it. The found state's time limit still runs from entry.
   */
  readonly foundAt?: Date;
}

export type ClueCreated = { readonly ok: true; readonly record: ClueRecord; readonly event: CreateEvent<ClueContext> };

/** Decides the creation of a clue with a given id: it starts in found, due within the found time limit. */
export function createClue(
  id: number,
  input: NewClue,
  actor: Actor,
  rules: ItemRulesContext,
  now: Date,
): ClueCreated | Refused {
  const refused = creationRefusal(actor, input, rules.campaignConcluded);
  if (refused !== null) return refused;
  if (input.foundAt !== undefined && !(input.foundAt.getTime() <= now.getTime())) {
    const future = { zh: '发现时间不能晚于现在', en: 'The time found cannot be in the future' };
    return { ok: false, refusal: refuse('payload_invalid', [{ field: 'foundAt', message: future }], future) };
  }
  const at = now.toISOString();
  const dueAt = dueAtFor('found', rules, now);
  const context: ClueContext = {
    campaignId: input.campaignId,
    unitId: input.unitId,
    assigneeId: input.assigneeId,
    ...input.fields,
    caseNumber: null,
    conclusion: null,
    outcome: null,
    sentForProsecution: null,
    mergedInto: null,
    absorbed: [],
    foundAt: input.foundAt?.toISOString() ?? at,
    enteredAt: at,
    dueAt,
  };
  const initial = clueKind.initial(context);
  return {
    ok: true,
    record: { id, state: initial.state, context: initial.context, version: 1 },
    event: { type: 'clue.create', input: context, meta: { itemId: id, actor, at, dueAt, campaignConcluded: false } },
  };
}

/** Rebuilds a clue from its audit events. */
export function replayClue(events: readonly unknown[]) {
  return replayItem(clueKind, events);
}
