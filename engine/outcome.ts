import { z } from 'zod';
import type { Label } from './labels';

/**
 * The figures a campaign reports upward, recorded on the move where they
 * happen (solved, prosecuted, rectified). Integers only; money in whole yuan.
 */
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const organisationTypes = ['mafia', 'criminalGroup', 'criminalGang', 'none'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const clueOutcomeSchema = z.strictObject({
  organisationType: z.enum(organisationTypes),
  suspectsCaught: count,
  criminallyDetained: count,
  arrested: count,
  gunsSeized: count,
  assetsSeizedYuan: count,
  moneyInvolvedYuan: count,
  moneyStoppedYuan: count,
  moneyFrozenYuan: count,
  moneyReturnedYuan: count,
  victimsWarned: count,
});
export type ClueOutcome = z.infer<typeof clueOutcomeSchema>;
export type ClueOutcomeFigure = Exclude<keyof ClueOutcome, 'organisationType'>;

export const prosecutionSchema = z.strictObject({ sentForProsecution: count });

export const rectificationSchema = z.strictObject({
  measures: z.string().trim().min(1).max(4000),
  websitesShutDown: count,
  accountsClosed: count,
});
export type Rectification = z.infer<typeof rectificationSchema>;

export const organisationTypeLabels: Record<OrganisationType, Label> = {
  mafia: { zh: '黑社会性质组织', en: 'Mafia-type organisation' },
  criminalGroup: { zh: '恶势力犯罪集团', en: 'Criminal group' },
  criminalGang: { zh: '恶势力犯罪团伙', en: 'Criminal gang' },
  none: { zh: '不涉及', en: 'None' },
};

export const outcomeFigureLabels: Record<ClueOutcomeFigure | 'sentForProsecution' | 'websitesShutDown' | 'accountsClosed', Label> = {
  suspectsCaught: { zh: '抓获犯罪嫌疑人（人）', en: 'Suspects caught' },
  criminallyDetained: { zh: '刑事拘留（人）', en: 'Criminally detained' },
  arrested: { zh: '逮捕（人）', en: 'Arrested' },
  sentForProsecution: { zh: '移送起诉（人）', en: 'Sent for prosecution' },
  gunsSeized: { zh: '缴获枪支（支）', en: 'Guns seized' },
  assetsSeizedYuan: { zh: '查封冻结扣押涉案资产（元）', en: 'Assets sealed, frozen or seized (yuan)' },
  moneyInvolvedYuan: { zh: '涉案金额（元）', en: 'Money involved (yuan)' },
  moneyStoppedYuan: { zh: '紧急止付（元）', en: 'Money stopped (yuan)' },
  moneyFrozenYuan: { zh: '冻结涉案资金（元）', en: 'Money frozen (yuan)' },
  moneyReturnedYuan: { zh: '返还群众被骗资金（元）', en: 'Money returned to victims (yuan)' },
  victimsWarned: { zh: '预警劝阻（人次）', en: 'Would-be victims warned' },
  websitesShutDown: { zh: '关停违规网站（个）', en: 'Violating websites shut down' },
  accountsClosed: { zh: '关停账号（个）', en: 'Accounts closed' },
};
