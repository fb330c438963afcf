import { describe, expect, test } from 'vitest';
import type { Figure } from './figures';
import { setLang } from '../i18n/i18n';
import { leadSentence, type LeadOf } from './lead-sentence';

const report = (figures: Partial<Record<Figure, number>>): LeadOf => ({ phase: 'crackdown', span: { from: '2026-04-01T00:00:00.000Z' }, total: { figures } });

describe('the lead sentence of a report', () => {
  test('in English, each count agrees with its number', () => {
    setLang('en');
    const one = leadSentence(report({ mafiaBroken: 1, criminalGroupsBroken: 1, criminalGangsBroken: 1, casesSolved: 1, suspectsCaught: 1, gunsSeized: 1 }));
    expect(one).toContain('1 mafia-type organisation, 1 criminal group and 1 criminal gang were broken');
    expect(one).toContain('1 criminal case was solved and 1 suspect caught');
    expect(one).toContain('1 gun was seized');
    const many = leadSentence(report({ mafiaBroken: 0, criminalGroupsBroken: 2, criminalGangsBroken: 5, casesSolved: 30, suspectsCaught: 1103, gunsSeized: 6 }));
    expect(many).toContain('In the crackdown phase, 2 criminal groups and 5 criminal gangs were broken');
    expect(many).toContain('30 criminal cases were solved and 1,103 suspects caught');
    expect(many).toContain('6 guns were seized');
  });

  test('in Chinese, as the bureau’s releases word it', () => {
    setLang('zh');
    const release = { mafiaBroken: 9, criminalGroupsBroken: 28, criminalGangsBroken: 20, casesSolved: 1103, suspectsCaught: 1988, criminallyDetained: 1634, arrested: 1267, sentForProsecution: 1653, gunsSeized: 40, assetsSeizedYuan: 2_101_000_000 };
    expect(leadSentence(report(release))).toBe(
      '打击整治阶段，共打掉黑社会性质组织9个、恶势力犯罪集团28个、恶势力犯罪团伙20个；破获刑事案件1,103起，抓获犯罪嫌疑人1,988人，刑事拘留1,634人，逮捕1,267人，移送起诉1,653人；缴获枪支40支，查封冻结扣押涉案资产21.01亿元。',
    );
    setLang('en');
    expect(leadSentence(report(release))).toBe(
      'In the crackdown phase, 9 mafia-type organisations, 28 criminal groups and 20 criminal gangs were broken; 1,103 criminal cases were solved, 1,988 suspects caught, 1,634 criminally detained, 1,267 arrested and 1,653 sent for prosecution; 40 guns were seized and assets of 2.101 billion yuan sealed, frozen or seized.',
    );
  });

  test('leaves out a figure of zero, as a release leaves out what a branch did not do, and says when there is nothing to tell', () => {
    setLang('zh');
    const some = { criminalGangsBroken: 2, suspectsCaught: 12, arrested: 3, assetsSeizedYuan: 42_000, victimsWarned: 5 };
    expect(leadSentence(report(some))).toBe('打击整治阶段，共打掉恶势力犯罪团伙2个；抓获犯罪嫌疑人12人，逮捕3人；查封冻结扣押涉案资产4.2万元。预警劝阻受骗群众5人次。');
    expect(leadSentence({ ...report({ casesSolved: 3 }), unitName: '汉台分局' })).toBe('打击整治阶段，汉台分局共破获刑事案件3起。');
    // Only online figures: the opening goes with them.
    expect(leadSentence(report({ casesFiled: 2, moneyFrozenYuan: 500 }))).toBe('打击整治阶段，共立案侦查2起；冻结涉案资金500元。');
    expect(leadSentence({ ...report({}), unitName: '汉台分局' })).toBe('打击整治阶段，汉台分局尚无战果记录。');
    setLang('en');
    expect(leadSentence(report(some))).toBe(
      'In the crackdown phase, 2 criminal gangs were broken; 12 suspects were caught and 3 arrested; assets of 42,000 yuan were sealed, frozen or seized. 5 would-be victims were warned.',
    );
    expect(leadSentence(report({ criminalGroupsBroken: 1, arrested: 1 }))).toBe('In the crackdown phase, 1 criminal group was broken; 1 suspect was arrested.');
    expect(leadSentence(report({ casesFiled: 2, moneyFrozenYuan: 500 }))).toBe('In the crackdown phase, 2 cases were filed, and 500 yuan was frozen.');
    expect(leadSentence(report({ mafiaBroken: 1, moneyStoppedYuan: 6_950_000, moneyReturnedYuan: 1_000 }))).toBe(
      'In the crackdown phase, 1 mafia-type organisation was broken. 6.95 million yuan was stopped and 1,000 yuan returned to victims.',
    );
    expect(leadSentence({ ...report({}), unitName: 'Hantai Branch' })).toBe('In the crackdown phase (Hantai Branch), no results are recorded yet.');
  });

  test("goes on to the online figures, as the release's second sentence does: cases filed, money involved, warnings and money stopped, frozen and returned", () => {
    // The release's own online figures, a first sentence before them (811 solved): 1,659 cases filed, 42.6 million involved, 21,000 warned, 11.2 million stopped, 19.3 million frozen, 3.35 million returned.
    const online = { casesSolved: 811, casesFiled: 1659, moneyInvolvedYuan: 42_600_000, victimsWarned: 21_000, moneyStoppedYuan: 11_200_000, moneyFrozenYuan: 19_300_000, moneyReturnedYuan: 3_350_000 };
    setLang('zh');
    expect(leadSentence(report(online))).toMatch(/。立案侦查1,659起，涉案资金4,260万元；预警劝阻受骗群众21,000人次，紧急止付涉案资金1,120万元，冻结涉案资金1,930万元，返还群众被骗资金335万元。$/);
    setLang('en');
    expect(leadSentence(report(online))).toMatch(
      /\. 1,659 cases were filed, involving 42\.6 million yuan; 21,000 would-be victims were warned, and 11\.2 million yuan was stopped, 19\.3 million yuan frozen and 3\.35 million yuan returned to victims\.$/,
    );
    expect(leadSentence(report({ casesFiled: 1, victimsWarned: 1 }))).toContain('1 case was filed; 1 would-be victim was warned');
  });

  test("a scoped report names its unit and category", () => {
    setLang('zh');
    expect(leadSentence(report({ casesSolved: 3 }))).toMatch(/^打击整治阶段，共破获/);
    expect(leadSentence({ ...report({ casesSolved: 3 }), unitName: '汉台分局' })).toMatch(/^打击整治阶段，汉台分局共破获/);
    expect(leadSentence({ ...report({ casesSolved: 3 }), unitName: '汉台分局', categoryName: '电信网络诈骗' })).toMatch(/^打击整治阶段，汉台分局“电信网络诈骗”类共破获/);
    expect(leadSentence({ ...report({ casesFiled: 1 }), unitName: '佛坪县公安局', categoryName: '网络“套路贷”' })).toBe('打击整治阶段，佛坪县公安局“网络‘套路贷’”类共立案侦查1起。');
    setLang('en');
    expect(leadSentence({ ...report({ casesSolved: 3 }), unitName: 'Hantai Branch' })).toMatch(/^In the crackdown phase \(Hantai Branch\), 3 criminal cases were solved\.$/);
    expect(leadSentence({ ...report({ casesSolved: 3 }), categoryName: 'Telecom fraud' })).toMatch(/^In the crackdown phase \(Telecom fraud\), 3 criminal/);
  });

  test('the report of the items with no category names their clues, not a category called 未分类', () => {
    setLang('zh');
    expect(leadSentence({ ...report({ casesSolved: 3 }), unitName: '汉台分局', categoryName: '未分类', categoryId: 'none' })).toMatch(/^打击整治阶段，汉台分局未分类线索共破获/);
    setLang('en');
    expect(leadSentence({ ...report({ casesSolved: 3 }), categoryName: 'Uncategorised', categoryId: 'none' })).toMatch(/^In the crackdown phase \(uncategorised clues\), 3 criminal/);
  });
});
