import type { Label } from '../../../engine/labels';
import { tr } from '../i18n/i18n';

/** The texts of the battle map and the wall. */
export const battleMapMessages = {
  title: { zh: '挂图作战', en: 'Battle map' },
  measure: { zh: '着色指标', en: 'Colour by' },
  measureOpen: { zh: '在办线索', en: 'Open clues' },
  measureSolveRate: { zh: '破案率', en: 'Solve rate' },
  measureOverdue: { zh: '超期线索', en: 'Overdue clues' },
  noValue: { zh: '无数据', en: 'No data' },
  // The map counts every clue the campaign has (api/services/battle-map.ts): a phase's report counts those of its span.
  // It counts them by their state now, so a case merged (并案) into another is not in a unit's rate, where the report
  // (and the wall's key figures, taken from it) count what happened: said here, so the two rates are not read as one.
  solveRateHint: {
    zh: '各单位破案率 = 已破案 ÷ 已立案，按线索当前状态（已并案的不计），全程合计',
    en: "Units' solve rate = solved ÷ filed, by the clues' state now (merged ones not counted), all phases",
  },
  counties: { zh: '县区分局', en: 'County branches' },
  detachments: { zh: '市局支队', en: 'City detachments' },
  unitsOffMap: { zh: '地图外的单位', en: 'Units not on the map' },
  /** The wall's map panel of a campaign without a map, where every unit is a tile. */
  allUnits: { zh: '各单位', en: 'Units' },
  noMap: { zh: '本专项行动没有配置地图', en: 'This campaign has no map' },
  noMapSettings: { zh: '在专项配置中上传地图', en: 'Upload one in the campaign settings' },
  mapHint: {
    zh: '点击县区、支队、表格或阶段，打开对应看板；点击表格的单位或类别名称，打开其阶段报告',
    en: 'Click a county, detachment, cell or phase to open the board filtered to it; a unit or category name in the table opens its report',
  },
  mapHintScoped: {
    zh: '点击本单位及下级单位的县区、支队或表格，或点击阶段，打开对应看板（其他单位只显示数字）；点击表格的单位或类别名称，打开其阶段报告',
    en: 'Click a county, detachment or cell of your units, or a phase, to open the board filtered to it (other units show figures only); a unit or category name in the table opens its report',
  },
  grid: { zh: '单位 × 类别', en: 'Unit × category' },
  gridHint: { zh: '在办 / 总数', en: 'open / total' },
  report: { zh: '查看阶段报告', en: 'Open its completion report' },
  total: { zh: '合计', en: 'Total' },
  timeline: { zh: '阶段进度', en: 'Phases' },
  today: { zh: '今天', en: 'Today' },
  // A concluded campaign's map stands at its conclusion, not today: its marker says so.
  concludedOn: { zh: '结束于', en: 'Concluded' },
  entered: { zh: '进入', en: 'entered' },
  // A phase run past its window before the office advanced it (or still not advanced): its bar's hatched extension.
  overrun: { zh: '超期', en: 'Overrun' },
  overrunTitle: { zh: '{phase}超期：窗口 {ended} 结束，延续至 {to}', en: '{phase} overran: its window ended {ended}, it ran on to {to}' },
  current: { zh: '当前', en: 'current' },
  targets: { zh: '目标完成情况', en: 'Targets' },
  noTargets: { zh: '本阶段未设目标', en: 'No targets for this phase' },
  targetsNotStarted: { zh: '专项行动尚未开始：摸排核查阶段开始后，在此对照各单位目标', en: 'The campaign has not begun: once the survey starts, its targets are shown here against what each unit does' },
  openBoard: { zh: '打开看板', en: 'Open the board' },
  wall: { zh: '大屏模式', en: 'Wall mode' },
  fullScreen: { zh: '全屏', en: 'Full screen' },
  leaveWall: { zh: '退出大屏', en: 'Leave wall mode' },
  // The wall's key figures count every phase so far; the phase named in its head is the one under way.
  scopeWhole: { zh: '全程（各阶段合计）', en: 'Whole campaign (all phases)' },
  asOf: { zh: '截至', en: 'as of' },
  currentPhase: { zh: '当前阶段', en: 'Current phase' },
  live: { zh: '实时', en: 'Live' },
  offline: { zh: '连接中断，正在重连', en: 'Connection lost, reconnecting' },
  stale: { zh: '数据未能更新，稍后自动重试', en: 'Could not update the figures; trying again shortly' },
  clues: { zh: '线索总数', en: 'Clues' },
  open: { zh: '在办', en: 'Open' },
  overdue: { zh: '超期', en: 'Overdue' },
  filed: { zh: '立案', en: 'Filed' },
  solved: { zh: '破案', en: 'Solved' },
  solveRate: { zh: '破案率', en: 'Solve rate' },
  suspectsCaught: { zh: '抓获犯罪嫌疑人', en: 'Suspects caught' },
  // The mafia-type organisations (涉黑) with the criminal groups and gangs (涉恶): the figure counts all three, as the report's do together.
  gangsBroken: { zh: '打掉涉黑涉恶组织', en: 'Organised crime groups broken' },
  moneyFrozen: { zh: '冻结涉案资金', en: 'Money frozen' },
  loadFailed: { zh: '作战图加载失败', en: 'The battle map could not be loaded' },
  subUnitsOne: { zh: '（含下属单位 1 个）', en: ' (with its sub-unit)' },
  subUnitsMany: { zh: '（含下属单位 {n} 个）', en: ' (with its {n} sub-units)' },
  typicalCases: { zh: '典型案例', en: 'Typical cases' },
  typicalTag: { zh: '典型案例', en: 'Typical case' },
  typicalTotal: { zh: '共 {n} 例', en: '{n} in all' },
  typicalAll: { zh: '在阶段报告中查看全部', en: 'See them all in the report' },
  targetsInReport: { zh: '各阶段目标见阶段报告', en: 'Every phase’s targets are in its report' },
  typicalChosen: { zh: '选定于', en: 'chosen' },
  typicalNone: { zh: '尚未选定典型案例', en: 'No typical case chosen yet' },
  typicalFailed: { zh: '典型案例加载失败', en: 'The typical cases could not be loaded' },
} satisfies Record<string, Label>;

export type BattleMapMessageKey = keyof typeof battleMapMessages;

/** A text of the battle map in the current language. */
export function bt(key: BattleMapMessageKey): string {
  return tr(battleMapMessages[key]);
}
