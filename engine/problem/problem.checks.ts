import { refuse } from '../refusals';
import { attachmentChecks } from '../item/attachments';
import { extensionChecks } from '../item/extension';
import { campaignOpenCheck, sameAssignee, whoCheck, type Check } from '../item/checks';
import type { ProblemContext, ProblemEvent } from './problem.model';

const missingAssignee = refuse('payload_missing', [
  { field: 'assigneeId', message: { zh: '开始整改前须指定承办人', en: 'An assignee is needed before rectifying' } },
]);

/** The named rules of the problem machine. */
export const problemChecks = {
  campaignOpen: campaignOpenCheck<ProblemContext, ProblemEvent>(),
  actorMayMove: whoCheck<ProblemContext, ProblemEvent>('mover'),
  ...attachmentChecks<ProblemContext, ProblemEvent>(),
  ...extensionChecks<ProblemContext, ProblemEvent>(),
  actorIsLeadOrOffice: whoCheck<ProblemContext, ProblemEvent>('leadOrOffice'),
  actorIsOffice: whoCheck<ProblemContext, ProblemEvent>('office'),

  hasAssignee: (context, event) =>
    context.assigneeId !== null || (event.type === 'problem.rectify' && event.assigneeId !== undefined) ? null : missingAssignee,

  // An assignment to whoever has the item already changes nothing, yet as a change it would be logged and would
  // make every move and batch prepared on the item's version before it fail as "changed by someone else".
  assignToAnother: (context, event) =>
    event.type === 'problem.assign' && event.assigneeId === context.assigneeId ? sameAssignee(context.assigneeId) : null,

  transferToAnotherUnit: (context, event) =>
    event.type === 'problem.transfer' && event.unitId === context.unitId
      ? refuse('payload_invalid', [{ field: 'unitId', message: { zh: '已属于该单位', en: 'Already with this unit' } }])
      : null,
} satisfies Record<string, Check<ProblemContext, ProblemEvent>>;
