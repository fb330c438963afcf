import { afterEach, describe, expect, it } from 'vitest';
import { emptyFigures } from '../../../engine/report/report';
import { setLang } from '../i18n/i18n';
import type { ReportRow } from './api';
import { difference, frozenLines, type Line } from './frozen-lines';

const lineOf = (lines: readonly Line[], id: string): Line => {
  const line = lines.find((l) => l.id === id);
  if (line === undefined) throw new Error(`no line ${id}`);
  return line;
};

const row = (casesSolved: number, solveRate: number | null): ReportRow => ({
  figures: { ...emptyFigures(), casesSolved },
  solveRate,
  medianDaysToSolve: null,
  openAtEnd: 4,
  overdueAtEnd: 1,
});

describe('the frozen report beside the live one', () => {
  afterEach(() => setLang('zh'));

  it('says a figure that agrees with the frozen one as such, not with a blank, in both languages', () => {
    setLang('zh');
    const lines = frozenLines(row(32, 0.451), row(32, 0.451));
    expect(lines.map(difference)).toEqual(lines.map(() => '一致'));
    setLang('en');
    expect(difference(lineOf(lines, 'casesSolved'))).toBe('Same');
  });

  it('says a difference as the live figure less the frozen one', () => {
    setLang('zh');
    const lines = frozenLines(row(32, 0.451), row(34, 0.479));
    expect(difference(lineOf(lines, 'casesSolved'))).toBe('+2');
    expect(difference(lineOf(lines, 'solveRate'))).toBe('+2.8%');
    expect(difference(lineOf(lines, 'openAtEnd'))).toBe('一致');
  });

  it('says a value only one side has as such, not as two figures that differ (≠), in both languages', () => {
    setLang('zh');
    const solvedSince = { ...row(3, 0.25), medianDaysToSolve: 12 };
    const noneFiled = row(0, null);
    const lines = frozenLines(noneFiled, solvedSince);
    expect(difference(lineOf(lines, 'solveRate'))).toBe('仅实时');
    expect(difference(lineOf(lines, 'medianDaysToSolve'))).toBe('仅实时');
    expect(difference(lineOf(frozenLines(solvedSince, noneFiled), 'solveRate'))).toBe('仅定稿');
    setLang('en');
    expect(difference(lineOf(lines, 'solveRate'))).toBe('Live only');
    expect(difference(lineOf(frozenLines(solvedSince, noneFiled), 'medianDaysToSolve'))).toBe('Frozen only');
  });
});
