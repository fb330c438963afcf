import type { Label } from '../../../engine/labels';
import { tr } from '../i18n/i18n';

/** The texts of the reports page and the campaign navigation; figure headings come from the engine's report labels. */
export const reportMessages = {
  solveRateHint: {
    zh: '破案率 = 统计区间内破案数 ÷ 区间内立案数；破获此前立案的案件也计入，可超过 100%',
    en: 'Solve rate = cases solved ÷ cases filed in the span; cases filed earlier count when solved, so it can exceed 100%',
  },
  navBoard: { zh: '看板', en: 'Board' },
  navImport: { zh: '导入线索', en: 'Import clues' },
  navBattleMap: { zh: '作战图', en: 'Battle map' },
  navLists: { zh: '三个清单', en: 'Lists' },
  navReports: { zh: '阶段报告', en: 'Reports' },
  navWall: { zh: '大屏', en: 'Wall' },
  campaignNav: { zh: '专项行动页面', en: 'Campaign pages' },
  switchCampaign: { zh: '切换专项行动', en: 'Switch campaign' },
  campaignsFailed: { zh: '专项列表加载失败', en: 'The campaigns could not be loaded' },
  reportTitle: { zh: '阶段总结报告', en: 'Completion report' },
  // The tallies count a clue's create entry at the instant it was written, so a frozen report never changes when a late
  // import arrives; the board's phase filter reads the clue's own time found. Said here, where the two can disagree.
  cluesFoundNote: {
    zh: '发现线索按录入系统的时间统计：补录或导入的线索计入录入时所在区间（看板的“发现阶段”筛选按发现时间）。',
    en: "Clues found are counted by when they were entered into Battlemap: a clue entered or imported later counts in the period it was entered (the board's “Phase found” filter goes by the time found).",
  },
  // The survey counts from the campaign's creation (api/services/report.ts, phaseCountedFrom): its backlog, entered while
  // the campaign was being prepared (筹备), is the survey's. Said on the page, where the period read as starting later.
  surveyBacklogNote: {
    zh: '摸排核查阶段自专项行动创建（{created}）起统计：筹备期间录入或导入的线索计入本阶段，阶段自 {entered} 正式开始。',
    en: 'The survey counts from the campaign’s creation ({created}): clues entered or imported while it was being prepared count in it; the phase itself began on {entered}.',
  },
  scope: { zh: '统计范围', en: 'Scope' },
  scopePhase: { zh: '按阶段', en: 'Phase' },
  scopeWhole: { zh: '全程', en: 'Whole campaign' },
  scopeRange: { zh: '按时间段', en: 'Date range' },
  phase: { zh: '阶段', en: 'Phase' },
  phaseNotEntered: { zh: '（未开始）', en: ' (not started)' },
  from: { zh: '起', en: 'From' },
  to: { zh: '止', en: 'To' },
  rangeReversed: { zh: '“止”不能早于“起”', en: '“To” cannot be before “From”' },
  rangeOutside: { zh: '所选期间不在专项行动期间（{start} – {end}）内，没有可统计的数据', en: 'The dates chosen lie outside the campaign ({start} – {end}): there is nothing to count' },
  asOf: { zh: '截至', en: 'As of' },
  asOfHint: { zh: '按该时刻的数据重算', en: 'Recompute with the data as it stood then' },
  now: { zh: '现在', en: 'Now' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportXlsx: { zh: '导出 Excel', en: 'Export Excel' },
  print: { zh: '打印 / 存为 PDF', en: 'Print / save as PDF' },
  unit: { zh: '单位', en: 'Unit' },
  unitWithin: { zh: '含下属单位', en: 'with the units below it' },
  unitFrozenNote: {
    zh: '定稿报告为全专项口径，不按单位、类别定稿；本报告按所选单位、类别，由审计日志统计同一区间（日志只追加、不修改）。',
    en: 'Frozen reports cover the whole campaign, not each unit or category; this report counts the same period from the audit log (which is only ever appended to) for the unit and category chosen.',
  },
  span: { zh: '统计区间', en: 'Period' },
  spanOpen: { zh: '至今', en: 'now' },
  spanStart: { zh: '专项开始', en: 'the campaign’s start' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  dataAsOf: { zh: '数据截至', en: 'Data as of' },
  headline: { zh: '主要战果', en: 'Headline figures' },
  headlineLead: { zh: '专项行动开展以来', en: 'Since the campaign began' },
  rangeLead: { zh: '统计期内', en: 'In the period' },
  byUnit: { zh: '分单位统计', en: 'By unit' },
  byCategory: { zh: '分类别统计', en: 'By crime category' },
  typicalCases: { zh: '典型案例', en: 'Typical cases' },
  typicalCount: { zh: '本期选定典型案例 {n} 起，可供宣传曝光。', en: '{n} typical cases chosen in the period, for publication.' },
  typicalCountOne: { zh: '本期选定典型案例 1 起，可供宣传曝光。', en: 'One typical case chosen in the period, for publication.' },
  typicalNone: {
    zh: '本期尚未选定典型案例。单位负责人或专项办可在已破案线索的详情中“选为典型案例”。',
    en: 'No typical case was chosen in the period. A unit lead or the office chooses one from a solved clue’s details.',
  },
  typicalChosen: { zh: '选定于', en: 'chosen' },
  typicalFailed: { zh: '典型案例加载失败', en: 'The typical cases could not be loaded' },
  typicalExport: { zh: '导出典型案例', en: 'Export typical cases' },
  workTable: { zh: '线索办理', en: 'Clues and cases' },
  outcomeTable: { zh: '打击战果', en: 'Outcomes' },
  deadlineTable: { zh: '延期情况', en: 'Deadline extensions' },
  uncategorised: { zh: '未分类', en: 'Uncategorised' },
  charts: { zh: '图表', en: 'Charts' },
  unitsRanked: { zh: '各单位破案排名', en: 'Units ranked by cases solved' },
  solveFunnel: { zh: '从线索到起诉：区间内各环节数量', en: 'From clue to prosecution: each step in the period' },
  solveStepsNote: {
    zh: '各环节为统计区间内办理的数量，不是同一批线索的逐级转化：区间内立案、破案、移送起诉的也有此前发现或立案的线索，因此后一环节可以多于前一环节。',
    en: 'Each bar counts what was done at that step in the period, not one batch of clues followed through: cases filed, solved or sent for prosecution in it include clues found or filed before it, so a later step can count more than an earlier one.',
  },
  cumulativeFlow: { zh: '累积流图：各状态线索数（{phase}阶段窗口）', en: 'Cumulative flow: clues in each state ({phase} window)' },
  burndown: { zh: '燃尽图：在办线索与阶段窗口（{phase}阶段）', en: 'Burndown: open clues against the {phase} window' },
  // A phase the campaign has left is charted over the days it ran, to the advance, as its frozen report counts it: not its window, which the settings may have changed since.
  cumulativeFlowLeft: { zh: '累积流图：各状态线索数（{phase}阶段实际起止：{from} 至 {to}）', en: 'Cumulative flow: clues in each state (the {phase} phase as it ran, {from} to {to})' },
  burndownLeft: { zh: '燃尽图：在办线索（{phase}阶段实际起止：{from} 至 {to}）', en: 'Burndown: open clues (the {phase} phase as it ran, {from} to {to})' },
  // A phase under way past its window (not yet advanced) is charted on to today, as its report counts it, the window's end marked.
  cumulativeFlowOverdue: {
    zh: '累积流图：各状态线索数（{phase}阶段窗口 {from} 至 {ended}，已结束未推进，统计至 {to}）',
    en: 'Cumulative flow: clues in each state ({phase} window {from} to {ended}, ended but not yet advanced: counted to {to})',
  },
  burndownOverdue: {
    zh: '燃尽图：在办线索与阶段窗口（{phase}阶段窗口 {from} 至 {ended}，已结束未推进，统计至 {to}）',
    en: 'Burndown: open clues against the {phase} window ({from} to {ended}, ended but not yet advanced: counted to {to})',
  },
  cumulativeFlowRange: { zh: '累积流图：各状态线索数（{from} 至 {to}）', en: 'Cumulative flow: clues in each state ({from} to {to})' },
  burndownRange: { zh: '燃尽图：在办线索（{from} 至 {to}）', en: 'Burndown: open clues, {from} to {to}' },
  // A concluded campaign's range is charted to its conclusion, nothing counting after it: said in the caption and marked.
  cumulativeFlowConcluded: {
    zh: '累积流图：各状态线索数（{from} 至 {to}，专项行动已于 {to} 结束）',
    en: 'Cumulative flow: clues in each state ({from} to {to}; the campaign concluded on {to})',
  },
  burndownConcluded: { zh: '燃尽图：在办线索（{from} 至 {to}，专项行动已于 {to} 结束）', en: 'Burndown: open clues, {from} to {to} (the campaign concluded on {to})' },
  campaignConcluded: { zh: '专项行动结束', en: 'Campaign concluded' },
  openClues: { zh: '在办线索', en: 'Open clues' },
  idealLine: { zh: '理想进度', en: 'Ideal' },
  today: { zh: '今天', en: 'Today' },
  windowEnded: { zh: '计划截止', en: 'Window ended' },
  flowFailed: { zh: '流量图加载失败', en: 'The flow charts could not be loaded' },
  // The charts in words, for a screen reader (their drawing is read as a jumble of tick labels) and in a table beside each.
  chartData: { zh: '数据表', en: 'Data table' },
  chartDataWeekly: { zh: '每 7 天一行，末行为最新一天', en: 'One row every seven days; the last row is the latest day' },
  date: { zh: '日期', en: 'Date' },
  chartCount: { zh: '数量', en: 'Count' },
  unitsSummary: { zh: '破案最多的单位：{top}；共 {n} 个单位', en: 'Most cases solved: {top}; {n} units in all' },
  unitsSummaryOne: { zh: '破案最多的单位：{top}；共 1 个单位', en: 'Most cases solved: {top}; one unit in all' },
  unitSolvedFiled: { zh: '{unit} 破案 {solved} 起（立案 {filed} 起）', en: '{unit} {solved} solved ({filed} filed)' },
  flowSummary: { zh: '截至 {date}，共 {total} 条线索：{states}', en: 'As of {date}, {total} clues: {states}' },
  burndownSummary: {
    zh: '在办线索：阶段窗口开始时 {start} 条，{date} 为 {open} 条（理想进度 {ideal} 条）；窗口 {from} 至 {to}',
    en: 'Open clues: {start} as the window began, {open} on {date} (ideal: {ideal}); the window runs {from} to {to}',
  },
  burndownSummaryLeft: {
    zh: '在办线索：阶段开始时 {start} 条，{date} 为 {open} 条（理想进度 {ideal} 条）；该阶段实际 {from} 至 {to}（至推进到下一阶段）',
    en: 'Open clues: {start} as the phase began, {open} on {date} (ideal: {ideal}); the phase ran {from} to {to}, up to the advance out of it',
  },
  burndownSummaryOverdue: {
    zh: '在办线索：阶段窗口开始时 {start} 条，{date} 为 {open} 条（理想进度 {ideal} 条）；窗口 {from} 至 {ended} 已结束，该阶段尚未推进，统计至 {to}',
    en: 'Open clues: {start} as the window began, {open} on {date} (ideal: {ideal}); the window ran {from} to {ended} and has ended, the phase not yet advanced: counted to {to}',
  },
  burndownSummaryRange: {
    zh: '在办线索：统计期开始时 {start} 条，{date} 为 {open} 条（理想进度 {ideal} 条）；统计期 {from} 至 {to}',
    en: 'Open clues: {start} as the period began, {open} on {date} (ideal: {ideal}); the period runs {from} to {to}',
  },
  // The conclusion a sighted reader takes from the chart, said after the figures: above the ideal line is behind it.
  burndownWithPace: { zh: '{summary}；{pace}', en: '{summary}; {pace}' },
  burndownBehind: { zh: '在办比理想进度多 {n} 条，进度落后', en: '{n} more open than the ideal line: behind it' },
  burndownAhead: { zh: '在办比理想进度少 {n} 条，进度领先', en: '{n} fewer open than the ideal line: ahead of it' },
  burndownOnPace: { zh: '与理想进度持平', en: 'on the ideal line' },
  frozen: { zh: '定稿版本', en: 'Frozen version' },
  live: { zh: '实时', en: 'Live' },
  frozenAt: { zh: '定稿时间', en: 'Frozen at' },
  frozenHash: { zh: '校验值', en: 'Hash' },
  // The advance that froze the phase, from its audit entry (report-advance.tsx).
  advanceRecord: { zh: '阶段推进记录', en: 'Advance out of the phase' },
  advancedBy: { zh: '推进人', en: 'Advanced by' },
  advancedAt: { zh: '推进时间', en: 'Advanced at' },
  advanceActorUnknown: { zh: '未记录', en: 'Not recorded' },
  advanceUnmet: { zh: '推进时未满足的完成条件', en: 'Completion criteria unmet at the advance' },
  advanceAllMet: { zh: '无（完成条件均已满足）', en: 'None (every criterion was met)' },
  advanceUnmetUnknown: { zh: '未记录', en: 'Not recorded' },
  advanceBlocking: { zh: '{n} 项未达到', en: '{n} items short of it' },
  advanceBlockingOne: { zh: '1 项未达到', en: '1 item short of it' },
  advanceReason: { zh: '推进理由', en: 'Reason for advancing' },
  frozenSame: { zh: '与定稿一致', en: 'Same as frozen' },
  frozenDiffers: { zh: '项与定稿不一致', en: 'figures differ from the frozen version' },
  frozenPending: { zh: '该阶段尚未结束；专项办推进到下一阶段时，本阶段报告即定稿', en: 'This phase has not ended; its report is frozen when the office advances out of it' },
  // A unit's or a category's report is not frozen itself (unitFrozenNote): it says its figures are provisional all the same.
  frozenPendingScoped: {
    zh: '该阶段尚未结束，本报告数字仍会变化；专项办推进到下一阶段时，全专项本阶段报告即定稿',
    en: 'This phase has not ended, and these figures may still change; the whole campaign’s report of it is frozen when the office advances out of it',
  },
  frozenMissing: {
    zh: '该阶段已结束，但未找到定稿报告（定稿在专项办推进阶段时生成）',
    en: 'This phase has ended but no frozen report was found (a report is frozen when the office advances out of its phase)',
  },
  // A phase's targets, each unit's against what it did in the phase (report-targets.tsx).
  targets: { zh: '阶段目标完成情况', en: 'Targets for the phase' },
  targetsNone: { zh: '本阶段未设定单位目标。', en: 'No unit has a target for this phase.' },
  targetsNoneUnit: { zh: '本单位本阶段未设定目标。', en: 'This unit has no target for this phase.' },
  targetsFrozenNote: {
    zh: '本阶段已结束：目标与完成数为定稿时（{at}）所记，此后的单位调整和目标变更不改变它们。',
    en: 'This phase has ended: its targets and what was done are as frozen ({at}); units reorganised or targets changed since do not change them.',
  },
  targetsWithinNote: {
    zh: '单位的“完成”含其下属单位（如派出所）的工作，下方分单位统计中下属单位另列一行。',
    en: "A unit's “Done” includes the work of the units under it (its police stations, say), which the table by unit below lists in rows of their own.",
  },
  targetsSet: { zh: '在专项配置中设定目标', en: 'Set targets in the settings' },
  targetsTally: { zh: '共 {total} 项目标：已达标 {met} 项，尚未达标 {missed} 项（阶段进行中）。', en: '{total} targets: {met} met so far, {missed} not yet (the phase is under way).' },
  targetsTallyEnded: { zh: '共 {total} 项目标：达标 {met} 项，未达标 {missed} 项。', en: '{total} targets: {met} met, {missed} missed.' },
  targetsTallyOne: { zh: '共 1 项目标：已达标 {met} 项，尚未达标 {missed} 项（阶段进行中）。', en: 'One target: {met} met so far, {missed} not yet (the phase is under way).' },
  targetsTallyEndedOne: { zh: '共 1 项目标：达标 {met} 项，未达标 {missed} 项。', en: 'One target: {met} met, {missed} missed.' },
  targetUnit: { zh: '单位', en: 'Unit' },
  targetMetric: { zh: '指标', en: 'Measure' },
  targetValue: { zh: '目标', en: 'Target' },
  targetActual: { zh: '完成', en: 'Done' },
  targetShare: { zh: '完成率', en: 'Share' },
  targetResult: { zh: '结果', en: 'Result' },
  targetMet: { zh: '达标', en: 'Met' },
  targetMissedBy: { zh: '未达标（差 {n}）', en: 'Missed by {n}' },
  targetToGo: { zh: '尚差 {n}', en: '{n} to go' },
  difference: { zh: '差异', en: 'Difference' },
  frozenLineSame: { zh: '一致', en: 'Same' },
  // A value one side alone has, as a solve rate where the other counted no case filed (frozen-lines.ts).
  frozenLineFrozenOnly: { zh: '仅定稿', en: 'Frozen only' },
  frozenLineLiveOnly: { zh: '仅实时', en: 'Live only' },
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
