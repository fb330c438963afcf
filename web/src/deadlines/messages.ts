import type { Label } from '../../../engine/labels';
import { trFilled } from '../i18n/i18n';

/** The texts of a deadline extension (延期), in the drawer and its history. */
export const extensionMessages = {
  extend: { zh: '延期', en: 'Extend deadline' },
  title: { zh: '延长办理期限', en: 'Extend the deadline' },
  current: { zh: '现期限：{date}', en: 'Due now: {date}' },
  until: { zh: '延期至', en: 'New last day' },
  askedDayGone: { zh: '申请延至的 {date} 已过，请另选日期', en: 'The day asked for, {date}, has passed: choose another' },
  extendedTo: { zh: '延期至 {date}', en: 'extended to {date}' },
  quick: { zh: '+{n} 天', en: '+{n} days' },
  hint: {
    zh: '新期限为所选日期当天 24:00，最晚为专项行动最后一天（{last}）。原期限的督办随之办结，新期限到期未办结将重新督办。',
    en: "Due at the end of the chosen day, at the latest the campaign's last day ({last}). Escalations of the old deadline are settled; if the new one is missed, it escalates afresh.",
  },
  reason: { zh: '延期原因', en: 'Why more time is needed' },
  // As a text past its limit names it (see ui/text-limit.ts).
  reasonNoun: { zh: '延期原因', en: 'reason for more time' },
  save: { zh: '确认延期', en: 'Extend' },
  done: { zh: '已延期', en: 'Deadline extended' },
  ask: { zh: '申请延期', en: 'Ask for more time' },
  askTitle: { zh: '申请延长办理期限', en: 'Ask for a later deadline' },
  grantOvertaken: {
    zh: '您要批准的延期申请已不在等待：已被他人批准或不予延期，或申请人已撤回、重新申请。本次批准不会提交；如仍需延期，请取消后查看办理记录再决定。',
    en: 'The request you are granting is no longer waiting: someone else has granted or declined it, or its asker withdrew it or asked again. This grant will not be sent; to extend the deadline still, cancel and read the history first.',
  },
  grantAskedAgain: {
    zh: '申请人已重新申请，改为延至 {date}：本次批准不会提交。请取消后按新的申请审批。',
    en: 'Its asker has asked again, now until {date}: this grant will not be sent. Cancel and answer the new request.',
  },
  askReplaces: { zh: '已有一份待审批的申请（延至 {date}）：再次提交将替换它', en: 'A request is already waiting (to {date}): sending this one replaces it' },
  askHint: {
    zh: '申请交单位负责人或专项办审批，批准前原期限不变；新期限为所选日期当天 24:00，最晚为专项行动最后一天（{last}）。',
    en: "A unit lead or the office decides; until then the deadline stands. Due at the end of the chosen day, at the latest the campaign's last day ({last}).",
  },
  // A lead asks only once the item has had as many extensions in the state as the campaign allows, the office's counted too.
  askOfficeHint: {
    zh: '本事项在本状态的延期次数（含专项办所批）已达专项行动规定的上限，再次延期由专项办审批，批准前原期限不变；新期限为所选日期当天 24:00，最晚为专项行动最后一天（{last}）。',
    en: "This item has had as many extensions in this state as the campaign allows (the office's counted too): the office decides on another, and until then the deadline stands. Due at the end of the chosen day, at the latest the campaign's last day ({last}).",
  },
  askSave: { zh: '提交申请', en: 'Send the request' },
  asked: { zh: '已提交延期申请', en: 'Extension asked for' },
  askedChip: { zh: '申请延期', en: 'Time asked' },
  askedOnly: { zh: '只看申请延期', en: 'Time asked' },
  askedChipTitle: { zh: '申请延期至 {date}', en: 'Asks for more time, to {date}' },
  pending: { zh: '延期申请', en: 'More time asked:' },
  pendingLine: { zh: '至 {date}，{at} 提出', en: 'until {date}, asked {at}' },
  // A lead past the extensions the campaign allows them in the state: the request still waits on them, to decline only.
  officeGrants: {
    zh: '本事项在此状态的延期次数（含专项办所批）已达专项行动规定的上限：批准须由专项办决定，您可以不予延期。',
    en: 'This item has had as many extensions in this state as the campaign allows (the office’s counted too): the office decides whether to grant it; you may decline it.',
  },
  askedTo: { zh: '申请延期至 {date}', en: 'asks until {date}' },
  declinedAskedTo: { zh: '原申请延期至 {date}', en: 'had asked until {date}' },
  grant: { zh: '批准延期', en: 'Grant' },
  decline: { zh: '不予延期', en: 'Decline' },
  declineReason: { zh: '不予延期的理由', en: 'Reason for declining' },
  declineReasonNoun: { zh: '不予延期的理由', en: 'reason for declining' },
  declined: { zh: '已不予延期', en: 'Extension declined' },
  /** Beside the deadline in the drawer, while a refusal stands (see standingRefusal). */
  refusedTo: { zh: '延期申请（延至 {date}）未获批准', en: 'The request for more time (until {date}) was declined' },
  refused: { zh: '延期申请未获批准', en: 'The request for more time was declined' },
  extendedMark: { zh: '已延期 {n} 次', en: 'extended {n}×' },
  tooEarly: { zh: '须晚于现期限，且不早于今天', en: 'Later than the current deadline, and not before today' },
  tooLate: { zh: '不能晚于专项行动最后一天', en: "Not after the campaign's last day" },
  notBeforeToday: { zh: '不能早于今天', en: 'Not before today' },
  waitingTab: { zh: '延期申请', en: 'Extension requests' },
  waitingCount: { zh: '{n} 条延期申请待审批', en: 'extension requests to answer: {n}' },
  requestsFailed: { zh: '延期申请加载失败', en: 'The extension requests could not be loaded' },
  waitingNone: { zh: '没有待审批的延期申请', en: 'No request for more time is waiting' },
  waitingMine: { zh: '您提出、尚待单位负责人或专项办审批的延期申请', en: 'The requests you asked, waiting for a unit lead or the office' },
  waitingDue: { zh: '现期限 {date}', en: 'due {date}' },
  // Counted from the deadline beside it: "+29 天" was read as the "+7 天" the asker chose, which counts from today.
  waitingLater: { zh: '申请延至 {date}（比现期限晚 {n} 天）', en: 'asks until {date} ({n} days past the deadline)' },
  waitingLaterOne: { zh: '申请延至 {date}（比现期限晚 1 天）', en: 'asks until {date} (a day past the deadline)' },
  waitingFromToday: { zh: '申请延至 {date}（现期限已过，自今天起 {n} 天）', en: 'asks until {date} ({n} days from today: the deadline has passed)' },
  waitingFromTodayOne: { zh: '申请延至 {date}（现期限已过，自今天起 1 天）', en: 'asks until {date} (a day from today: the deadline has passed)' },
  waitingBy: { zh: '{name} 于 {at} 提出', en: 'asked by {name}, {at}' },
  waitingAnswer: { zh: '审批', en: 'Answer' },
  askedByMeTitle: { zh: '我提出、待专项办审批的申请', en: 'Your requests waiting on the office' },
  answeredTitle: { zh: '近两周的审批结果（我提出的）', en: 'Your requests answered in the last two weeks' },
  answeredGranted: { zh: '已批准，延期至 {date}', en: 'Granted: now due {date}' },
  answeredDeclined: { zh: '未予批准', en: 'Declined' },
  answeredEnded: { zh: '事项已移入下一状态，申请随之结束', en: 'Ended: the item moved on' },
  answeredWho: { zh: '{name} · {at}', en: '{name}, {at}' },
  waitingMost: { zh: '仅显示最早的 {n} 条；可在看板上勾选“只看申请延期”查看全部', en: 'Showing the oldest {n}; tick “Time asked” on the board to see them all' },
} satisfies Record<string, Label>;

export type ExtensionMessageKey = keyof typeof extensionMessages;

export function xm(key: ExtensionMessageKey, values: Record<string, string | number> = {}): string {
  return trFilled(extensionMessages[key], values);
}
