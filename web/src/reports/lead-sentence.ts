import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { quotedZh } from '../../../engine/labels';
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
  /** The report's category: `none` for the items with no category, whose clues it then names as such rather than as a category (“未分类”类). */
  readonly categoryId?: Report['categoryId'];
  readonly span: { readonly from: string };
  readonly total: { readonly figures: Readonly<Record<string, number>> };
}

/** A clause of the sentence, or null when every figure it would tell is zero; `sep` joins it to the clause before it. */
type Clause = { readonly sep: string; readonly text: string | null };

/** The clauses told, joined; null when none is. */
function joined(clauses: readonly Clause[]): string | null {
  const told = clauses.filter((clause): clause is { sep: string; text: string } => clause.text !== null);
  return told.length === 0 ? null : told.map((clause, i) => (i === 0 ? clause.text : `${clause.sep}${clause.text}`)).join('');
}

/** "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** An English clause's figure: the first of a clause says its verb ("30 criminal cases were solved"), the later ones share it ("1,103 suspects caught"). */
interface Told {
  readonly first: string;
  readonly later: string;
}

/** The figures of a clause that are not zero, the first with the clause's verb; null when all are zero. */
function clauseOf(items: readonly (Told | null)[]): string | null {
  const told = items.filter((item) => item !== null);
  return told.length === 0 ? null : listed(told.map((item, i) => (i === 0 ? item.first : item.later)));
}

/**
 * The opening sentences of a release, built from the figures: "专项行动开展以来，共打掉……",
 * then the online figures, "立案侦查……". A figure of zero is left out, as a
 * release leaves out what a branch did not do (汉台分局共破获刑事案件3起, not
 * 打掉黑社会性质组织0个、恶势力犯罪集团0个…); a report with nothing to tell says so.
 */
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
  // The figures it tells are the clues' (cases, suspects, money): the items with no category are told as 未分类线索.
  const uncategorised = report.categoryId === 'none';
  if (lang() === 'zh') return inChinese(f, when, `${unitName ?? ''}${uncategorised ? '未分类线索' : categoryName === undefined ? '' : `${quotedZh(categoryName)}类`}`);
  const named = [unitName, uncategorised ? 'uncategorised clues' : categoryName].filter((name) => name !== undefined);
  return inEnglish(f, named.length === 0 ? when : `${when} (${named.join(', ')})`);
}

/** 打击整治阶段，汉台分局“电信网络诈骗”类共打掉…: who and what after when, as a release words a branch's figures. */
function inChinese(f: (figure: Figure) => number, when: string, who: string): string {
  const item = (figure: Figure, text: (n: string) => string) => (f(figure) === 0 ? null : text(count(f(figure))));
  const money = (figure: Figure, text: (yuan: string) => string) => (f(figure) === 0 ? null : text(moneyText(f(figure))));
  const clause = (sep: string, items: readonly (string | null)[], join: string, verb = ''): Clause => {
    const told = items.filter((text) => text !== null);
    return { sep, text: told.length === 0 ? null : `${verb}${told.join(join)}` };
  };
  const results = joined([
    clause('', [item('mafiaBroken', (n) => `黑社会性质组织${n}个`), item('criminalGroupsBroken', (n) => `恶势力犯罪集团${n}个`), item('criminalGangsBroken', (n) => `恶势力犯罪团伙${n}个`)], '、', '打掉'),
    clause('；', [item('casesSolved', (n) => `破获刑事案件${n}起`), item('suspectsCaught', (n) => `抓获犯罪嫌疑人${n}人`), item('criminallyDetained', (n) => `刑事拘留${n}人`), item('arrested', (n) => `逮捕${n}人`), item('sentForProsecution', (n) => `移送起诉${n}人`)], '，'),
    clause('；', [item('gunsSeized', (n) => `缴获枪支${n}支`), money('assetsSeizedYuan', (yuan) => `查封冻结扣押涉案资产${yuan}`)], '，'),
  ]);
  // The release goes on to the online figures (立涉网络违法犯罪案件…返还群众被骗资金), in its own words: a summary
  // written from this report reads as one the bureau publishes.
  const online = joined([
    clause('', [item('casesFiled', (n) => `立案侦查${n}起`), money('moneyInvolvedYuan', (yuan) => `涉案资金${yuan}`)], '，'),
    clause('；', [
      item('victimsWarned', (n) => `预警劝阻受骗群众${n}人次`),
      money('moneyStoppedYuan', (yuan) => `紧急止付涉案资金${yuan}`),
      money('moneyFrozenYuan', (yuan) => `冻结涉案资金${yuan}`),
      money('moneyReturnedYuan', (yuan) => `返还群众被骗资金${yuan}`),
    ], '，'),
  ]);
  const opening = `${when}，${who}`;
  if (results === null && online === null) return `${opening}尚无战果记录。`;
  return [results, online].filter((sentence) => sentence !== null).map((sentence, i) => `${i === 0 ? `${opening}共` : ''}${sentence}。`).join('');
}

function inEnglish(f: (figure: Figure) => number, scope: string): string {
  // "30 criminal cases were solved", later "1,103 suspects caught"; `laterNoun` false: "1,634 criminally detained".
  const item = (figure: Figure, one: string, other: string, done: string, laterNoun = true): Told | null =>
    f(figure) === 0 ? null : { first: `${countedWas(f(figure), one, other)} ${done}`, later: `${laterNoun ? counted(f(figure), one, other) : count(f(figure))} ${done}` };
  const money = (figure: Figure, what: (yuan: string) => string, verb: 'was' | 'were', done: string): Told | null =>
    f(figure) === 0 ? null : { first: `${what(moneyText(f(figure)))} ${verb} ${done}`, later: `${what(moneyText(f(figure)))} ${done}` };
  // Three kinds of group broken are one subject: "were", unless one group alone was.
  const groups = (
    [
      ['mafiaBroken', 'mafia-type organisation', 'mafia-type organisations'],
      ['criminalGroupsBroken', 'criminal group', 'criminal groups'],
      ['criminalGangsBroken', 'criminal gang', 'criminal gangs'],
    ] as const
  ).filter(([figure]) => f(figure) !== 0);
  const broken = groups.map(([figure, one, other]) => counted(f(figure), one, other));
  const alone = groups.length === 1 && groups[0] !== undefined && english.select(f(groups[0][0])) === 'one';
  const results = joined([
    { sep: '', text: broken.length === 0 ? null : `${listed(broken)} ${alone ? 'was' : 'were'} broken` },
    {
      sep: '; ',
      text: clauseOf([
        item('casesSolved', 'criminal case', 'criminal cases', 'solved'),
        item('suspectsCaught', 'suspect', 'suspects', 'caught'),
        item('criminallyDetained', 'suspect', 'suspects', 'criminally detained', false),
        item('arrested', 'suspect', 'suspects', 'arrested', false),
        item('sentForProsecution', 'suspect', 'suspects', 'sent for prosecution', false),
      ]),
    },
    { sep: '; ', text: clauseOf([item('gunsSeized', 'gun', 'guns', 'seized'), money('assetsSeizedYuan', (yuan) => `assets of ${yuan}`, 'were', 'sealed, frozen or seized')]) },
  ]);
  const filed = f('casesFiled');
  const involved = f('moneyInvolvedYuan');
  const online = joined([
    // The money involved is the cases' own ("3 cases were filed, involving 4.2 million yuan"), told alone only without them.
    { sep: '', text: filed !== 0 ? `${countedWas(filed, 'case', 'cases')} filed${involved === 0 ? '' : `, involving ${moneyText(involved)}`}` : clauseOf([money('moneyInvolvedYuan', (yuan) => yuan, 'was', 'involved in cases')]) },
    { sep: '; ', text: clauseOf([item('victimsWarned', 'would-be victim', 'would-be victims', 'warned')]) },
    {
      sep: ', and ',
      text: clauseOf([
        money('moneyStoppedYuan', (yuan) => yuan, 'was', 'stopped'),
        money('moneyFrozenYuan', (yuan) => yuan, 'was', 'frozen'),
        money('moneyReturnedYuan', (yuan) => yuan, 'was', 'returned to victims'),
      ]),
    },
  ]);
  if (results === null && online === null) return `${scope}, no results are recorded yet.`;
  // The online sentence opens with a number ("1,659 cases", "11.2 million yuan"), never a word to capitalise.
  return [results, online].filter((sentence) => sentence !== null).map((sentence, i) => (i === 0 ? `${scope}, ${sentence}.` : ` ${sentence}.`)).join('');
}
