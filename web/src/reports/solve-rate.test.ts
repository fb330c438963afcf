import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import { solveRateCell } from './solve-rate';

describe('the solve rate as a cell', () => {
  afterEach(() => setLang('zh'));

  it('marks a rate above 100% for the note under its table, shown as counted, and leaves 100% and below unmarked', () => {
    setLang('zh');
    expect(solveRateCell(5 / 3)).toEqual({ text: '166.7%', marked: true });
    expect(solveRateCell(2)).toEqual({ text: '200%', marked: true });
    expect(solveRateCell(1)).toEqual({ text: '100%', marked: false });
    expect(solveRateCell(0.75)).toEqual({ text: '75%', marked: false });
    expect(solveRateCell(null)).toEqual({ text: '—', marked: false });
  });
});
