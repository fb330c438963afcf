import type { Label } from '../../../engine/labels';
import { trFilled } from '../i18n/i18n';

/** The texts of the list pages; column headings and list names come from the API's list contract, shared with the exports. */
export const listMessages = {
  lists: { zh: '三个清单', en: 'The three lists' },
  uncategorised: { zh: '未分类', en: 'Uncategorised' },
  allStates: { zh: '全部状态', en: 'All states' },
  allOpenStates: { zh: '全部在办状态', en: 'Every open state' },
  allAssignees: { zh: '全部承办人', en: 'Everyone' },
  unassigned: { zh: '未指定承办人', en: 'Unassigned' },
  overdueOnly: { zh: '仅看超期', en: 'Overdue only' },
  clearFilters: { zh: '清除筛选', en: 'Clear filters' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportXlsx: { zh: '导出 Excel', en: 'Export Excel' },
  print: { zh: '打印 / 存为 PDF', en: 'Print / save as PDF' },
  preparingPrint: { zh: '正在准备整份清单…', en: 'Preparing the whole list…' },
  printFailed: { zh: '未能读取整份清单，没有打印', en: 'The whole list could not be read, so nothing was printed' },
  printTooMany: { zh: '超过 {n} 条无法打印，请导出 Excel', en: 'Over {n} rows cannot be printed: export to Excel' },
  printedTotal: { zh: '共 {total} 条', en: '{total} in all' },
  printedPartly: { zh: '（仅本页；整份清单请用“{print}”按钮打印）', en: '(this page only: print the whole list with the “{print}” button)' },
  printTruncated: { zh: '仅打印前 {n} 条（共 {total} 条）；完整清单请导出 Excel。', en: 'Only the first {n} of {total} are printed; export to Excel for the whole list.' },
  previous: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  shown: { zh: '第 {from}–{to} 条，共 {total} 条', en: '{from}–{to} of {total}' },
  none: { zh: '没有符合条件的事项', en: 'Nothing matches these filters' },
  failed: { zh: '清单加载失败', en: 'The list could not be loaded' },
  openItems: { zh: '在办', en: 'open' },
  overdueItems: { zh: '超期', en: 'overdue' },
  nextDue: { zh: '最近时限', en: 'next due' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  filtersApplied: { zh: '筛选条件', en: 'Filters' },
  openOnBoard: { zh: '在看板中打开', en: 'Open on the board' },
  sortBy: { zh: '按{column}排序', en: 'Sort by {column}' },
} satisfies Record<string, Label>;

export type ListMessageKey = keyof typeof listMessages;

/** A text of the list pages in the current language, with {placeholders} filled in. */
export function lt(key: ListMessageKey, values: Record<string, string> = {}): string {
  return trFilled(listMessages[key], values);
}
