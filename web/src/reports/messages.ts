import type { Label } from '../../../engine/labels';
import { tr } from '../i18n/i18n';

/** The texts of the reports page and the campaign navigation; figure headings come from the engine's report labels. */
export const reportMessages = {
  navBoard: { zh: '看板', en: 'Board' },
  navImport: { zh: '导入线索', en: 'Import clues' },
  navBattleMap: { zh: '作战图', en: 'Battle map' },
  navReports: { zh: '阶段报告', en: 'Reports' },
  navWall: { zh: '大屏', en: 'Wall' },
  campaignNav: { zh: '专项行动页面', en: 'Campaign pages' },
  reportTitle: { zh: '阶段总结报告', en: 'Completion report' },
  scope: { zh: '统计范围', en: 'Scope' },
  scopePhase: { zh: '按阶段', en: 'Phase' },
  scopeWhole: { zh: '全程', en: 'Whole campaign' },
  scopeRange: { zh: '按时间段', en: 'Date range' },
  phase: { zh: '阶段', en: 'Phase' },
  phaseNotEntered: { zh: '（未开始）', en: ' (not started)' },
  from: { zh: '起', en: 'From' },
  to: { zh: '止', en: 'To' },
  asOf: { zh: '截至', en: 'As of' },
  asOfHint: { zh: '按该时刻的数据重算', en: 'Recompute with the data as it stood then' },
  now: { zh: '现在', en: 'Now' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportXlsx: { zh: '导出 Excel', en: 'Export Excel' },
  print: { zh: '打印 / 存为 PDF', en: 'Print / save as PDF' },
  span: { zh: '统计区间', en: 'Period' },
  spanOpen: { zh: '至今', en: 'now' },
  spanStart: { zh: '开始', en: 'start' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  dataAsOf: { zh: '数据截至', en: 'Data as of' },
  headline: { zh: '主要战果', en: 'Headline figures' },
  headlineLead: { zh: '专项行动开展以来', en: 'Since the campaign began' },
  phaseLead: { zh: '阶段', en: 'phase' },
  rangeLead: { zh: '统计期内', en: 'In the period' },
  byUnit: { zh: '分单位统计', en: 'By unit' },
  byCategory: { zh: '分类别统计', en: 'By crime category' },
  workTable: { zh: '线索办理', en: 'Clues and cases' },
  outcomeTable: { zh: '打击战果', en: 'Outcomes' },
  uncategorised: { zh: '未分类', en: 'Uncategorised' },
  charts: { zh: '图表', en: 'Charts' },
  unitsRanked: { zh: '各单位破案排名', en: 'Units ranked by cases solved' },
  solveFunnel: { zh: '从线索到起诉', en: 'From clue to prosecution' },
  escalations: { zh: '督办', en: 'Escalations' },
  escalationLevel1: { zh: '临期提醒', en: 'Due soon' },
  escalationLevel2: { zh: '超期督办', en: 'Overdue' },
  escalationLevel3: { zh: '严重超期', en: 'Long overdue' },
  frozen: { zh: '定稿版本', en: 'Frozen version' },
  live: { zh: '实时', en: 'Live' },
  frozenAt: { zh: '定稿时间', en: 'Frozen at' },
  frozenHash: { zh: '校验值', en: 'Hash' },
  frozenSame: { zh: '与定稿一致', en: 'Same as frozen' },
  frozenDiffers: { zh: '项与定稿不一致', en: 'figures differ from the frozen version' },
  frozenPending: { zh: '该阶段尚未结束，结束时将自动定稿', en: 'This phase has not ended; its report is frozen when the office advances out of it' },
  frozenMissing: {
    zh: '该阶段已结束，但未找到定稿报告（定稿在专项办推进阶段时生成）',
    en: 'This phase has ended but no frozen report was found (a report is frozen when the office advances out of its phase)',
  },
  difference: { zh: '差异', en: 'Difference' },
  figure: { zh: '指标', en: 'Figure' },
  noData: { zh: '无数据', en: 'No data' },
  reportFailed: { zh: '报告加载失败', en: 'The report could not be loaded' },
  days: { zh: '天', en: 'days' },
} satisfies Record<string, Label>;

export type ReportMessageKey = keyof typeof reportMessages;

/** A text of the reports page in the current language. */
export function rt(key: ReportMessageKey): string {
  return tr(reportMessages[key]);
}
