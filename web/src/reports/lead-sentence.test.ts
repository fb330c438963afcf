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
