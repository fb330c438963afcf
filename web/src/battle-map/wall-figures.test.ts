import { describe, expect, it } from 'vitest';
import { emptyFigures } from '../../../engine/report/report';
import { setLang } from '../i18n/i18n';
import type { Report } from '../reports/api';
import type { UnitMeasures } from './measure';
import { wallFigures } from './wall-figures';

const unit = (unitId: string, measures: Pick<UnitMeasures, 'total' | 'open' | 'overdue' | 'filed' | 'solved'>): UnitMeasures => ({
  unitId,
  kind: 'county',
  label: { zh: unitId, en: unitId },
  mapFeatureId: null,
  subUnits: 0,
  solveRate: measures.filed === 0 ? null : measures.solved / measures.filed,
  ...measures,
});

/**
 * Hantai solved a case and later merged it (并案) into another: the battle map, counting clues by the state they are in,
 * no longer counts it as filed or solved; the report, counting what happened, does, as police statistics count a case
 * solved in a series of merged cases.
 */
const units = [unit('hantai', { total: 40, open: 12, overdue: 3, filed: 20, solved: 15 }), unit('nanzheng', { total: 30, open: 9, overdue: 1, filed: 17, solved: 15 })];
const total: Report['total'] = {
  figures: { ...emptyFigures(), cluesFound: 70, casesFiled: 38, casesSolved: 31, suspectsCaught: 57, criminalGangsBroken: 2, mafiaBroken: 1, moneyFrozenYuan: 4_200_000 },
  solveRate: 0.816,
  medianDaysToSolve: 21,
  overdueAtEnd: 5,
  openAtEnd: 24,
};

const shown = (figures: ReturnType<typeof wallFigures>) => Object.fromEntries(figures.map((figure) => [figure.label, figure.value]));

describe("the wall's key figures", () => {
  it('give what was achieved (立案, 破案, 破案率) from the report, as the catch beside them, so they read as the report does', () => {
    setLang('zh');
    expect(shown(wallFigures(units, total))).toMatchObject({ filed: '38', solved: '31', solveRate: '81.6%', suspectsCaught: '57', gangsBroken: '3', moneyFrozen: '420' });
  });

  it('give what stands now (线索总数, 在办, 超期) from the clues as they are, as the map beside them colours the units', () => {
    setLang('zh');
    expect(shown(wallFigures(units, total))).toMatchObject({ clues: '70', open: '21', overdue: '4' });
  });

  it('show a dash for every figure of the report until it is read, none from another source meanwhile', () => {
    setLang('zh');
    const before = shown(wallFigures(units, undefined));
    expect([before.filed, before.solved, before.solveRate, before.suspectsCaught, before.gangsBroken, before.moneyFrozen]).toEqual(['—', '—', '—', '—', '—', '—']);
    expect(before.open).toBe('21');
  });
});
