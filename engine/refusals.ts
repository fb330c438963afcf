import type { UnmetCriterion } from './campaign/exit-criteria';
import type { Label } from './labels';

/**
 * Every reason the engine can refuse a request, each with one meaning.
 *
 * `who` codes are about the person asking (answered 403 by the API); `move`
 * codes are about the request itself (answered 422).
 */
export const refusalCodes = {
  role_forbidden: 'who',
  out_of_scope: 'who',
  not_assignee: 'who',
  move_not_allowed: 'move',
  item_closed: 'move',
  payload_missing: 'move',
  payload_invalid: 'move',
  campaign_concluded: 'move',
  merge_target_invalid: 'move',
  window_not_open: 'move',
  exit_criteria_unmet: 'move',
} as const;

export type RefusalCode = keyof typeof refusalCodes;
export type RefusalClass = (typeof refusalCodes)[RefusalCode];

/** One field of a request that is missing or invalid, and why. */
export interface FieldIssue {
  readonly field: string;
  readonly message: Label;
}

/** A refusal: the code, a reason in both languages, and the fields at fault. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly reason: Label;
  readonly fields?: readonly FieldIssue[];
  /** For exit_criteria_unmet: which criteria do not hold and what blocks them. */
  readonly unmet?: readonly UnmetCriterion[];
}

export const refusalLabels: Record<RefusalCode, Label> = {
  role_forbidden: { zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  out_of_scope: { zh: '该事项不属于您的单位', en: 'This item is outside your unit' },
  not_assignee: { zh: '该事项未分配给您', en: 'This item is not assigned to you' },
  move_not_allowed: { zh: '不能从当前状态移到该状态', en: 'This move is not allowed from the current state' },
  item_closed: { zh: '该事项已办结，不能再变更', en: 'This item is closed and cannot change' },
  payload_missing: { zh: '缺少必填信息', en: 'Required information is missing' },
  payload_invalid: { zh: '填写的信息有误', en: 'Some information is invalid' },
  campaign_concluded: { zh: '专项行动已结束，不能再变更', en: 'The campaign has concluded; nothing can change' },
  merge_target_invalid: { zh: '不能并入该线索', en: 'This clue cannot be merged into that one' },
  window_not_open: { zh: '下一阶段的时间窗口尚未开启', en: "The next phase's window is not open" },
  exit_criteria_unmet: { zh: '本阶段的完成条件尚未满足', en: "This phase's exit criteria are not met" },
};

/** Builds a refusal with its standard reason, optionally with a more specific one. */
export function refuse(code: RefusalCode, fields?: readonly FieldIssue[], reason?: Label): Refusal {
  return fields === undefined
    ? { code, reason: reason ?? refusalLabels[code] }
    : { code, reason: reason ?? refusalLabels[code], fields };
}
