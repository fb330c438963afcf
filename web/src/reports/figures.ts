import type { Label } from '../../../engine/labels';
import { countFigures, deadlineFigures as engineDeadlineFigures, outcomeFigures as engineOutcomeFigures, type CountFigure, type DeadlineFigure, type OutcomeFigure } from '../../../engine/report/report';

export type Figure = CountFigure | OutcomeFigure | DeadlineFigure;

/** The work columns of the report tables (clues and cases as they moved), and the outcome columns: the engine's own lists. */
export const workFigures: readonly Figure[] = countFigures;
export const outcomeFigures: readonly Figure[] = engineOutcomeFigures;
/** The deadlines' columns (延期), for the office's oversight: a table of their own after the published figures. */
export const deadlineFigures: readonly Figure[] = engineDeadlineFigures;

export const allFigures: readonly Figure[] = [...workFigures, ...outcomeFigures, ...deadlineFigures];

export const isMoney = (figure: Figure) => figure.endsWith('Yuan');

/**
 * A headline card in the wording of the bureau's press releases:
 * "打掉恶势力犯罪团伙 N 个", "抓获犯罪嫌疑人 N 人". The unit (个, 人, 起)
 * follows the number in Chinese; money brings its own (万元, 亿元).
 */
export interface Headline {
  readonly figure: Figure;
  readonly label: Label;
  readonly unit: Label;
}

const none: Label = { zh: '', en: '' };

export const headlines: readonly Headline[] = [
  { figure: 'mafiaBroken', label: { zh: '打掉黑社会性质组织', en: 'Mafia-type organisations broken' }, unit: { zh: '个', en: '' } },
  { figure: 'criminalGroupsBroken', label: { zh: '打掉恶势力犯罪集团', en: 'Criminal groups broken' }, unit: { zh: '个', en: '' } },
  { figure: 'criminalGangsBroken', label: { zh: '打掉恶势力犯罪团伙', en: 'Criminal gangs broken' }, unit: { zh: '个', en: '' } },
  { figure: 'casesSolved', label: { zh: '破获刑事案件', en: 'Criminal cases solved' }, unit: { zh: '起', en: '' } },
  { figure: 'suspectsCaught', label: { zh: '抓获犯罪嫌疑人', en: 'Suspects caught' }, unit: { zh: '人', en: '' } },
  { figure: 'criminallyDetained', label: { zh: '刑事拘留', en: 'Criminally detained' }, unit: { zh: '人', en: '' } },
  { figure: 'arrested', label: { zh: '逮捕', en: 'Arrested' }, unit: { zh: '人', en: '' } },
  { figure: 'sentForProsecution', label: { zh: '移送起诉', en: 'Sent for prosecution' }, unit: { zh: '人', en: '' } },
  { figure: 'gunsSeized', label: { zh: '缴获枪支', en: 'Guns seized' }, unit: { zh: '支', en: '' } },
  { figure: 'assetsSeizedYuan', label: { zh: '查封冻结扣押涉案资产', en: 'Assets sealed, frozen or seized' }, unit: none },
  { figure: 'cluesFound', label: { zh: '发现线索', en: 'Clues found' }, unit: { zh: '条', en: '' } },
  { figure: 'casesFiled', label: { zh: '立案侦查', en: 'Cases filed' }, unit: { zh: '起', en: '' } },
  { figure: 'moneyInvolvedYuan', label: { zh: '涉案金额', en: 'Money involved' }, unit: none },
  { figure: 'victimsWarned', label: { zh: '预警劝阻', en: 'Would-be victims warned' }, unit: { zh: '人次', en: '' } },
  { figure: 'moneyStoppedYuan', label: { zh: '紧急止付', en: 'Money stopped' }, unit: none },
  { figure: 'moneyFrozenYuan', label: { zh: '冻结涉案资金', en: 'Money frozen' }, unit: none },
  { figure: 'moneyReturnedYuan', label: { zh: '返还群众被骗资金', en: 'Money returned to victims' }, unit: none },
  { figure: 'websitesShutDown', label: { zh: '关停违规网站', en: 'Violating websites shut down' }, unit: { zh: '个', en: '' } },
];
