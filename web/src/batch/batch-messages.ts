import type { Label } from '../../../engine/labels';
import { trFilled } from '../i18n/i18n';

/** The texts of a list's batch (批量处理): the selection, its bar, the dialog and what it did. */
export const batchMessages = {
  selectRow: { zh: '选择 {item}', en: 'Select {item}' },
  // Why a row's box cannot be ticked: it was greyed out with no word of why (a clue sent for prosecution, in a lead's list).
  notSelectable: { zh: '此项没有您可批量办理的操作（如已办结，或不由您办理）', en: 'Nothing you may do to this item in a batch (it is closed, say, or not yours to move)' },
  selectPage: { zh: '选择本页全部可处理事项', en: 'Select every item on this page you may change' },
  selected: { zh: '已选 {n} 项', en: '{n} selected' },
  selectAll: { zh: '选择全部 {n} 项', en: 'Select all {n}' },
  selectAllUpTo: { zh: '选择全部可处理事项（至多 {n} 项）', en: 'Select all you may change (up to {n})' },
  selectingAll: { zh: '正在选择…', en: 'Selecting…' },
  tooManyToSelect: { zh: '筛选结果超过 {max} 项，请缩小筛选范围后再全选', en: 'More than {max} match: narrow the filters to select them all' },
  clear: { zh: '取消选择', en: 'Clear selection' },
  assign: { zh: '分派承办人', en: 'Assign' },
  transfer: { zh: '移交', en: 'Transfer' },
  extend: { zh: '延期', en: 'Extend' },
  requestExtension: { zh: '申请延期', en: 'Ask for more time' },
  moveTo: { zh: '变更状态…', en: 'Move to…' },
  // Beside the move select once a state is chosen with the keyboard: browsing the states opens nothing, this does.
  moveGo: { zh: '变更为“{state}”…', en: 'Move to {state}…' },
  withCount: { zh: '{label}（{n}）', en: '{label} ({n})' },
  oneByOne: { zh: '{label}（需逐项填写各自信息，请逐项办理）', en: '{label} (each needs its own details, such as a case number: move them one by one)' },
  assignTitle: { zh: '批量分派承办人', en: 'Assign several items' },
  transferTitle: { zh: '批量移交', en: 'Transfer several items' },
  extendTitle: { zh: '批量延期', en: "Extend several items' deadlines" },
  requestExtensionTitle: { zh: '批量申请延期', en: 'Ask for more time for several items' },
  requestHint: { zh: '申请交单位负责人或专项办审批，批准前原期限不变。', en: 'A unit lead or the office decides on each; until then the deadlines stand.' },
  moveTitle: { zh: '批量变更为“{state}”', en: 'Move several items to {state}' },
  willChange: { zh: '将处理 {n} 项。', en: '{n} items will be changed.' },
  willChangeOne: { zh: '将处理 1 项。', en: '1 item will be changed.' },
  // The items selected that the change is not the user's to take: named, and kept selected (see keptSelected), so that
  // a drop of ticked cards on a column only some may enter does not quietly lose the others from the selection.
  skipped: { zh: '另有 {n} 项您无权或无法执行此操作，不会提交，完成后仍保持选中：', en: '{n} more cannot take this change from you: they are not sent, and stay selected after the batch:' },
  skippedMove: { zh: '另有 {n} 项不能移至“{state}”，不会提交，完成后仍保持选中：', en: '{n} more may not move to {state}: they are not sent, and stay selected after the batch:' },
  skippedMore: { zh: '……另有 {n} 项', en: '… and {n} more' },
  eachOnItsOwn: {
    zh: '每项单独判定、单独留痕：他人已修改或不符合规则的事项保持不变，并在结果中说明原因。',
    en: 'Each item is decided and logged on its own: one changed by someone else meanwhile, or that the rules refuse, stays as it was, and the result says why.',
  },
  onlyUnassigned: { zh: '仅用于尚未指定承办人的 {n} 项', en: 'Only for the {n} without an assignee' },
  onlySome: { zh: '仅用于需要此项的 {n} 项', en: 'Only for the {n} that need it' },
  untilHint: {
    zh: '新期限为所选日期当天 24:00，须晚于各项现期限，最晚为专项行动最后一天（{last}）。',
    en: "Due at the end of the chosen day: later than each item's deadline now, at the latest the campaign's last day ({last}).",
  },
  largeBatch: {
    zh: '将一次处理 {n} 项，涉及{units}。批量处理不能整批撤销：每项变更单独记入审计日志，如需改回只能逐项办理。',
    en: '{n} items change at once, in {units}. A batch cannot be undone as a whole: each change is logged on its own, and putting one back is done item by item.',
  },
  units: { zh: ' {n} 个单位（{list}）', en: '{n} units ({list})' },
  unitCount: { zh: '{name} {n} 项', en: '{name}: {n}' },
  unitsMore: { zh: '等', en: ', …' },
  confirm: { zh: '我已核对所选事项，确认处理这 {n} 项', en: 'I have checked the selection: change these {n} items' },
  confirmFirst: { zh: '请先核对并勾选确认', en: 'Check the selection and tick to confirm first' },
  sending: { zh: '正在提交 {done}/{n}…', en: 'Sending {done} of {n}…' },
  submit: { zh: '提交', en: 'Apply' },
  resultTitle: { zh: '批量处理结果', en: 'What the batch did' },
  changed: { zh: '已处理 {n} 项', en: '{n} changed' },
  refused: { zh: '{n} 项未处理：', en: '{n} left as they were:' },
  refusedOne: { zh: '1 项未处理：', en: '1 left as it was:' },
  allChanged: { zh: '全部处理完成。', en: 'every item was changed.' },
  stopped: { zh: '提交中断：{reason}。已提交的结果如下，其余事项未处理。', en: 'Sending stopped: {reason}. What was sent is below; the rest were not changed.' },
  stoppedUnanswered: { zh: '提交中断：{reason}。已收到答复的结果如下。', en: 'Sending stopped: {reason}. What was answered is below.' },
  unknown: {
    zh: '以下 {n} 项已提交，但未收到服务器答复，可能已处理：请先查看其现状，再决定是否重新处理。',
    en: 'These {n} items were sent but no answer came: they may have been changed. Look at them as they are now before changing them again.',
  },
  unknownOne: {
    zh: '以下 1 项已提交，但未收到服务器答复，可能已处理：请先查看其现状，再决定是否重新处理。',
    en: 'This item was sent but no answer came: it may have been changed. Look at it as it is now before changing it again.',
  },
  // Said only when there were some: "any after them were not sent" read as if items had been left out of a batch that had none.
  notSent: { zh: '其后的 {n} 项未提交。', en: 'The {n} after them were not sent.' },
  close: { zh: '关闭', en: 'Close' },
  // A batch that left some items: sent again with the same change and all that was typed, or kept selected once closed.
  retry: { zh: '重试未完成的 {n} 项', en: 'Retry the {n} left' },
  retryOne: { zh: '重试未完成的 1 项', en: 'Retry the one left' },
  leftSelected: {
    zh: '关闭后，未完成的 {n} 项仍保持选中；对其再次执行同一操作时，将自动填入本次填写的内容。',
    en: 'Once closed, the {n} left stay selected, and the same change made to them again starts from what you typed.',
  },
  leftSelectedOne: {
    zh: '关闭后，未完成的 1 项仍保持选中；对其再次执行同一操作时，将自动填入本次填写的内容。',
    en: 'Once closed, the one left stays selected, and the same change made to it again starts from what you typed.',
  },
  staleRetry: {
    zh: '其中 {n} 项已被他人修改：重试将对其最新状态执行本次操作，覆盖他人所作的相应修改；如需先查看，请点击事项编号。',
    en: '{n} of them were changed by someone else: a retry makes this change to them as they are now, over what the other person changed. Open an item by its number to look first.',
  },
  staleRetryOne: {
    zh: '其中 1 项已被他人修改：重试将对其最新状态执行本次操作，覆盖他人所作的相应修改；如需先查看，请点击事项编号。',
    en: 'One of them was changed by someone else: a retry makes this change to it as it is now, over what the other person changed. Open it by its number to look first.',
  },
  restored: { zh: '已填入上次为所选事项填写的内容。', en: 'Filled in with what you typed for these items before.' },
  noneChanged: { zh: '未作任何更改：请按标出的字段修改后再提交。', en: 'Nothing was changed: correct the field marked and apply again.' },
  // A retry refused for what was typed: the items the batch changed before it stay changed; only those left wait on the text.
  retryNoneChanged: {
    zh: '重试未作任何更改（此前已处理的事项不受影响）：请按标出的字段修改后再提交。',
    en: 'The retry changed nothing (items changed before stay changed): correct the field marked and apply again.',
  },
} satisfies Record<string, Label>;

export type BatchMessageKey = keyof typeof batchMessages;

/** A text of the batch in the current language, with {placeholders} filled in. */
export function bt(key: BatchMessageKey, values: Record<string, string | number> = {}): string {
  return trFilled(batchMessages[key], values);
}
