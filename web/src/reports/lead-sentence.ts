import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { lang, tr } from '../i18n/i18n';
import type { Report } from './api';
import type { Figure } from './figures';
import { count, moneyText } from './format';
import { rt } from './messages';

const english = new Intl.PluralRules('en');

/** "1 gun", "6 guns": English names what it counts in the number's plural form. */
function counted(value: number, one: string, other: string): string {
  return `${count(value)} ${english.select(value) === 'one' ? one : other}`;
}

/** "1 gun was", "6 guns were". */
function countedWas(value: number, one: string, other: string): string {
  return `${counted(value, one, other)} ${english.select(value) === 'one' ? 'was' : 'were'}`;
}

/** What the sentence reads of a report: its phase or span, the unit and category it is of (if scoped), and its total figures. */
export interface LeadOf {
  readonly phase: Report['phase'];
  /** The name of the unit a branch's report is of; absent for the whole campaign. */
  readonly unitName?: string | undefined;
  /** The name of the crime category a category's report is of; absent for every category. */
  readonly categoryName?: string | undefined;
  readonly span: { readonly from: string };
  readonly total: { readonly figures: Readonly<Record<string, number>> };
}

/** The opening sentences of a release, built from the figures: "专项行动开展以来，共打掉……", then the online figures, "立案侦查……". */
export function leadSentence(report: LeadOf): string {
  const f = (figure: Figure) => report.total.figures[figure] ?? 0;
  const when =
    report.phase !== null
      ? lang() === 'zh'
        ? `${tr(campaignStateLabels[report.phase])}阶段`
        : `In the ${tr(campaignStateLabels[report.phase]).toLowerCase()} phase`
      : report.span.from.startsWith('0000')
        ? rt('headlineLead')
        : rt('rangeLead');
  const { unitName, categoryName } = report;
  if (lang() === 'zh') {
    // 打击整治阶段，汉台分局“电信网络诈骗”类共打掉…: who and what after when, as a release words a branch's figures.
    const who = `${unitName ?? ''}${categoryName === undefined ? '' : `“${categoryName}”类`}`;
    return (
      `${when}，${who}共打掉黑社会性质组织${count(f('mafiaBroken'))}个、恶势力犯罪集团${count(f('criminalGroupsBroken'))}个、恶势力犯罪团伙${count(f('criminalGangsBroken'))}个；` +
      `破获刑事案件${count(f('casesSolved'))}起，抓获犯罪嫌疑人${count(f('suspectsCaught'))}人，刑事拘留${count(f('criminallyDetained'))}人，逮捕${count(f('arrested'))}人，移送起诉${count(f('sentForProsecution'))}人；` +
      `缴获枪支${count(f('gunsSeized'))}支，查封冻结扣押涉案资产${moneyText(f('assetsSeizedYuan'))}。` +
      // The release goes on to the online figures (立涉网络违法犯罪案件…返还群众被骗资金), in its own words: a summary
      // written from this report reads as one the bureau publishes.
      `立案侦查${count(f('casesFiled'))}起，涉案资金${moneyText(f('moneyInvolvedYuan'))}；预警劝阻受骗群众${count(f('victimsWarned'))}人次，` +
      `紧急止付涉案资金${moneyText(f('moneyStoppedYuan'))}，冻结涉案资金${moneyText(f('moneyFrozenYuan'))}，返还群众被骗资金${moneyText(f('moneyReturnedYuan'))}。`
    );
  }
  const named = [unitName, categoryName].filter((name) => name !== undefined);
  const scope = named.length === 0 ? when : `${when} (${named.join(', ')})`;
  // Three kinds of group broken are one subject ("were"); each later clause agrees with its own number.
  return (
    `${scope}, ${counted(f('mafiaBroken'), 'mafia-type organisation', 'mafia-type organisations')}, ` +
    `${counted(f('criminalGroupsBroken'), 'criminal group', 'criminal groups')} and ${counted(f('criminalGangsBroken'), 'criminal gang', 'criminal gangs')} were broken; ` +
    `${countedWas(f('casesSolved'), 'criminal case', 'criminal cases')} solved, ${counted(f('suspectsCaught'), 'suspect', 'suspects')} caught, ` +
    `${count(f('criminallyDetained'))} criminally detained, ${count(f('arrested'))} arrested and ${count(f('sentForProsecution'))} sent for prosecution; ` +
    `${countedWas(f('gunsSeized'), 'gun', 'guns')} seized and assets of ${moneyText(f('assetsSeizedYuan'))} sealed, frozen or seized. ` +
    `${countedWas(f('casesFiled'), 'case', 'cases')} filed, involving ${moneyText(f('moneyInvolvedYuan'))}; ` +
    `${countedWas(f('victimsWarned'), 'would-be victim', 'would-be victims')} warned, and ${moneyText(f('moneyStoppedYuan'))} was stopped, ` +
    `${moneyText(f('moneyFrozenYuan'))} frozen and ${moneyText(f('moneyReturnedYuan'))} returned to victims.`
  );
}
