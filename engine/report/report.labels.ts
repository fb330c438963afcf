import type { Label } from '../labels';
import { outcomeFigureLabels } from '../outcome';
import type { CountFigure, DeadlineFigure, OutcomeFigure } from './report';

/** Column headings of the completion report, as the bureau's releases word them. */
export const reportFigureLabels: Record<CountFigure | OutcomeFigure | DeadlineFigure, Label> = {
  cluesFound: { zh: '发现线索（条）', en: 'Clues found' },
  cluesVerified: { zh: '核查线索（条）', en: 'Clues verified' },
  cluesUnfounded: { zh: '查否线索（条）', en: 'Clues unfounded' },
  casesFiled: { zh: '立案（起）', en: 'Cases filed' },
  casesSolved: { zh: '破案（起）', en: 'Cases solved' },
  sentForProsecutionCases: { zh: '移送起诉案件（起）', en: 'Cases sent for prosecution' },
  cluesMerged: { zh: '并案线索（条）', en: 'Clues merged' },
  problemsFound: { zh: '排查问题（个）', en: 'Problems found' },
  problemsRectified: { zh: '整改问题（个）', en: 'Problems rectified' },
  problemsVerified: { zh: '验收问题（个）', en: 'Problems verified' },
  mafiaBroken: { zh: '打掉黑社会性质组织（个）', en: 'Mafia-type organisations broken' },
  criminalGroupsBroken: { zh: '打掉恶势力犯罪集团（个）', en: 'Criminal groups broken' },
  criminalGangsBroken: { zh: '打掉恶势力犯罪团伙（个）', en: 'Criminal gangs broken' },
  suspectsCaught: outcomeFigureLabels.suspectsCaught,
  criminallyDetained: outcomeFigureLabels.criminallyDetained,
  arrested: outcomeFigureLabels.arrested,
  sentForProsecution: outcomeFigureLabels.sentForProsecution,
  gunsSeized: outcomeFigureLabels.gunsSeized,
  assetsSeizedYuan: outcomeFigureLabels.assetsSeizedYuan,
  moneyInvolvedYuan: outcomeFigureLabels.moneyInvolvedYuan,
  moneyStoppedYuan: outcomeFigureLabels.moneyStoppedYuan,
  moneyFrozenYuan: outcomeFigureLabels.moneyFrozenYuan,
  moneyReturnedYuan: outcomeFigureLabels.moneyReturnedYuan,
  victimsWarned: outcomeFigureLabels.victimsWarned,
  websitesShutDown: outcomeFigureLabels.websitesShutDown,
  accountsClosed: outcomeFigureLabels.accountsClosed,
  extensionsGranted: { zh: '延期（次）', en: 'Extensions given' },
  extensionsAsked: { zh: '申请延期（次）', en: 'Extensions asked for' },
  extensionsDeclined: { zh: '不予延期（次）', en: 'Requests declined' },
};

export const reportColumnLabels = {
  scope: { zh: '范围', en: 'Scope' },
  total: { zh: '合计', en: 'Total' },
  // Its definition in its heading, on the page, on paper and in the files alike: a phase's rate passes 100% where more
  // cases are solved in it than filed in it, and read bare, "200%" looked like a wrong figure.
  solveRate: { zh: '破案率（破案÷立案）', en: 'Solve rate (solved ÷ filed)' },
  medianDaysToSolve: { zh: '发现至破案中位天数', en: 'Median days found → solved' },
  // Clues and problems together (the table beside them counts both): "（条）" alone read as clues, and disagreed with the clue board by the problems.
  openAtEnd: { zh: '期末在办线索和问题（条/个）', en: 'Clues and problems open at end' },
  overdueAtEnd: { zh: '期末超期线索和问题（条/个）', en: 'Clues and problems overdue at end' },
} as const satisfies Record<string, Label>;

/**
 * What the solve rate is, said under each table that shows it (and above an exported workbook's): the bureau's rate of a
 * period, cases solved in it over cases filed in it, as its releases set 811 solved beside 1,659 filed in a year. The
 * solved include cases filed before the period, so a unit's rate can pass 100% (the page marks those values). Not
 * capped: that is the figure the bureau publishes.
 */
export const solveRateNote = {
  zh: '破案率 = 统计区间内破案数 ÷ 同期立案数。区间内破获的案件也包括此前立案的案件，因此破案数可以多于立案数，破案率可能超过 100%，并非数据有误。',
  en: 'Solve rate = cases solved in the period ÷ cases filed in the same period. Cases solved in the period include cases filed before it, so more cases can be solved than filed and the rate can exceed 100%; such a figure is not an error.',
} as const satisfies Label;

/**
 * The escalations a report counts by level, named as the ladder's rungs are (its heading on the page, and above the
 * table of an exported workbook or the printed report, say them alike).
 */
export const reportEscalationLabels = {
  escalations: { zh: '督办', en: 'Escalations' },
  1: { zh: '临期提醒', en: 'Due soon' },
  2: { zh: '超期督办', en: 'Overdue' },
  3: { zh: '严重超期', en: 'Long overdue' },
} as const satisfies Record<string | number, Label>;
