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
  solveRate: { zh: '破案率', en: 'Solve rate' },
  medianDaysToSolve: { zh: '发现至破案中位天数', en: 'Median days found → solved' },
  // Clues and problems together (the table beside them counts both): "（条）" alone read as clues, and disagreed with the clue board by the problems.
  openAtEnd: { zh: '期末在办线索和问题（条/个）', en: 'Clues and problems open at end' },
  overdueAtEnd: { zh: '期末超期线索和问题（条/个）', en: 'Clues and problems overdue at end' },
} as const satisfies Record<string, Label>;

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
