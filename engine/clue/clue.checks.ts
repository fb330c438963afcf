import { refuse } from '../refusals';
import { attachmentChecks } from '../item/attachments';
import { extensionChecks } from '../item/extension';
import { campaignOpenCheck, sameAssignee, standardRefusal, whoCheck, type Check } from '../item/checks';
import type { Label } from '../labels';
import { typicalCaseOf, type ClueContext, type ClueEvent, type ClueEventType } from './clue.model';
import { mergedBackLabel, mergeRefusalLabels } from './merge.labels';

/** A merge refused for its target: the clue number is what to fix, so the refusal names that field. */
export const targetRefused = (reason: Label) => refuse('merge_target_invalid', [{ field: 'targetId', message: reason }], reason);

const missingAssignee = refuse('payload_missing', [
  { field: 'assigneeId', message: { zh: '开始核查前须指定承办人', en: 'An assignee is needed before verifying' } },
]);

/** More sent for prosecution than the suspects caught: said at the figure (and only there), with the number caught to compare it with. */
function moreProsecutedThanCaught(caught: number) {
  const reason = { zh: `不能多于破案时抓获的犯罪嫌疑人数（${caught} 人）`, en: `No more than the ${caught} suspects caught when solved` };
  return refuse('payload_invalid', [{ field: 'sentForProsecution', message: reason }], reason);
}

/** The named rules of the clue machine. */
export const clueChecks = {
  campaignOpen: campaignOpenCheck<ClueContext, ClueEvent>(),
  actorMayMove: whoCheck<ClueContext, ClueEvent>('mover'),
  ...attachmentChecks<ClueContext, ClueEvent>(),
  ...extensionChecks<ClueContext, ClueEvent>(),
  actorIsLeadOrOffice: whoCheck<ClueContext, ClueEvent>('leadOrOffice'),
  actorInScope: whoCheck<ClueContext, ClueEvent>('scope'),

  hasAssignee: (context, event) =>
    context.assigneeId !== null || (event.type === 'clue.verify' && event.assigneeId !== undefined) ? null : missingAssignee,

  /**
   * Merging across units is the office's call: it decides which unit keeps the lead. Said at the clue number, the
   * field to change: a lead above several units may merge within one of them.
   */
  mergeAcrossUnitsByOffice: (context, event) =>
    event.type === 'clue.merge' && event.target.unitId !== context.unitId && event.meta.actor.role !== 'office'
      ? refuse('role_forbidden', [{ field: 'targetId', message: mergeRefusalLabels.acrossUnits }], mergeRefusalLabels.acrossUnits)
      : null,

  /** Into another clue of the same campaign, never itself, never one already merged, no cycles. */
  mergeTargetValid: (context, event) => {
    if (event.type !== 'clue.merge') return standardRefusal('merge_target_invalid');
    const { target, meta } = event;
    if (target.id === meta.itemId) return targetRefused(mergeRefusalLabels.itself);
    // The other way round already: said as such, not as a merge into itself (which the user had not asked for).
    if (target.chain.includes(meta.itemId)) return targetRefused(mergedBackLabel(target.id));
    if (target.campaignId !== context.campaignId) return targetRefused(mergeRefusalLabels.otherCampaign);
    if (target.state === 'merged') return targetRefused(mergeRefusalLabels.targetMerged);
    return null;
  },

  /** Only a typical case can be withdrawn as one. */
  isTypical: (context) =>
    typicalCaseOf(context) === null
      ? refuse('move_not_allowed', undefined, { zh: '该线索不是典型案例', en: 'This clue is not a typical case' })
      : null,

  // An assignment to whoever has the item already changes nothing, yet as a change it would be logged and would
  // make every move and batch prepared on the item's version before it fail as "changed by someone else".
  assignToAnother: (context, event) =>
    event.type === 'clue.assign' && event.assigneeId === context.assigneeId ? sameAssignee(context.assigneeId) : null,

  transferToAnotherUnit: (context, event) =>
    event.type === 'clue.transfer' && event.unitId === context.unitId
      ? refuse('payload_invalid', [{ field: 'unitId', message: { zh: '已属于该单位', en: 'Already with this unit' } }])
      : null,
} satisfies Record<string, Check<ClueContext, ClueEvent>>;

export type ClueGuardName = keyof typeof clueChecks;

/**
 * Rules of a clue's moves checked when a move is decided, not when its log is
 * replayed (see ItemKind's decisionChecks): each came after entries it would
 * have refused may have been logged, and those must replay as they were.
 */
export const clueDecisionChecks: Readonly<Partial<Record<ClueEventType, Check<ClueContext, ClueEvent>>>> = {
  /**
   * Those sent for prosecution are among the suspects caught, as the outcome recorded when the case was solved says:
   * the dialog's "抓获 3 人" and "移送起诉 10 人" would otherwise both reach the bureau's published totals. A clue
   * with no outcome recorded has nothing to be checked against.
   */
  'clue.prosecute': (context, event) => {
    if (event.type !== 'clue.prosecute' || context.outcome === null) return null;
    const caught = context.outcome.suspectsCaught;
    return event.sentForProsecution > caught ? moreProsecutedThanCaught(caught) : null;
  },
};
