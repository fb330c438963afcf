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
    expect(one).toContain('1 criminal case was solved, 1 suspect caught');
    expect(one).toContain('1 gun was seized');
    const many = leadSentence(report({ mafiaBroken: 0, criminalGroupsBroken: 2, criminalGangsBroken: 5, casesSolved: 30, suspectsCaught: 1103, gunsSeized: 6 }));
    expect(many).toContain('In the crackdown phase, 0 mafia-type organisations, 2 criminal groups and 5 criminal gangs were broken');
    expect(many).toContain('30 criminal cases were solved, 1,103 suspects caught');
    expect(many).toContain('6 guns were seized');
  });

  test('in Chinese, as the bureau’s releases word it', () => {
    setLang('zh');
    expect(leadSentence(report({ mafiaBroken: 1, casesSolved: 30, gunsSeized: 6 }))).toMatch(/^打击整治阶段，共打掉黑社会性质组织1个、恶势力犯罪集团0个、恶势力犯罪团伙0个；破获刑事案件30起，.*缴获枪支6支，/);
  });

  test("goes on to the online figures, as the release's second sentence does: cases filed, money involved, warnings and money stopped, frozen and returned", () => {
    // The release's own figures: 1,659 cases filed, 42.6 million involved, 21,000 warned, 11.2 million stopped, 19.3 million frozen, 3.35 million returned.
    const online = { casesFiled: 1659, moneyInvolvedYuan: 42_600_000, victimsWarned: 21_000, moneyStoppedYuan: 11_200_000, moneyFrozenYuan: 19_300_000, moneyReturnedYuan: 3_350_000 };
    setLang('zh');
    expect(leadSentence(report(online))).toMatch(/。立案侦查1,659起，涉案资金4,260万元；预警劝阻受骗群众21,000人次，紧急止付涉案资金1,120万元，冻结涉案资金1,930万元，返还群众被骗资金335万元。$/);
    setLang('en');
    expect(leadSentence(report(online))).toMatch(
      /\. 1,659 cases were filed, involving 42\.6 million yuan; 21,000 would-be victims were warned, and 11\.2 million yuan was stopped, 19\.3 million yuan frozen and 3\.35 million yuan returned to victims\.$/,
    );
    expect(leadSentence(report({ casesFiled: 1, victimsWarned: 1 }))).toContain('1 case was filed, involving 0 yuan; 1 would-be victim was warned');
  });

  test("a scoped report names its unit and category", () => {
    setLang('zh');
    expect(leadSentence(report({ casesSolved: 3 }))).toMatch(/^打击整治阶段，共打掉/);
    expect(leadSentence({ ...report({ casesSolved: 3 }), unitName: '汉台分局' })).toMatch(/^打击整治阶段，汉台分局共打掉/);
    expect(leadSentence({ ...report({ casesSolved: 3 }), unitName: '汉台分局', categoryName: '电信网络诈骗' })).toMatch(/^打击整治阶段，汉台分局“电信网络诈骗”类共打掉/);
    setLang('en');
    expect(leadSentence({ ...report({ casesSolved: 3 }), unitName: 'Hantai Branch' })).toMatch(/^In the crackdown phase \(Hantai Branch\), 0 mafia-type/);
    expect(leadSentence({ ...report({ casesSolved: 3 }), categoryName: 'Telecom fraud' })).toMatch(/^In the crackdown phase \(Telecom fraud\), 0 mafia-type/);
  });
});
