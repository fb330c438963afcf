import type { Report } from '../reports/api';
import type { Figure } from '../reports/figures';
import { count, money, percent } from '../reports/format';
import type { UnitMeasures } from './measure';
import type { BattleMapMessageKey } from './messages';

/** A key figure on the wall's side panel. */
export interface KeyFigure {
  readonly label: BattleMapMessageKey;
  readonly value: string;
  readonly unit?: string;
  readonly tone?: 'alert' | 'good';
}

/**
 * The wall's key figures, of the whole campaign. What stands now (线索总数, 在办, 超期) is the battle map's count of the
 * clues as they are, the count its map and tiles are coloured by. What was achieved (立案, 破案, 破案率, 抓获, 打掉,
 * 冻结) is the whole campaign's report, which counts what happened: a solved case later merged (并案) into another
 * still counts as filed and solved there, as police statistics count a case solved in a series of merged cases, where
 * the map, counting clues by their state now, no longer counts it. Taken from the map beside a catch from the report,
 * 立案 and 破案 disagreed with the catch and with the report page (破案率 81.1 % on the wall, 81.2 % in the report).
 * `total` is the report's total, undefined until it is read: its figures are a dash until then.
 */
export function wallFigures(units: readonly UnitMeasures[], total: Report['total'] | undefined): KeyFigure[] {
  const sum = (key: 'total' | 'open' | 'overdue') => units.reduce((s, u) => s + u[key], 0);
  const reported = (value: (row: Report['total']) => string) => (total === undefined ? '—' : value(total));
  const figure = (row: Report['total'], key: Figure) => row.figures[key] ?? 0;
  const frozen = money(total === undefined ? 0 : figure(total, 'moneyFrozenYuan'));
  return [
    { label: 'clues', value: count(sum('total')) },
    { label: 'open', value: count(sum('open')) },
    { label: 'overdue', value: count(sum('overdue')), tone: 'alert' },
    { label: 'filed', value: reported((row) => count(figure(row, 'casesFiled'))) },
    { label: 'solved', value: reported((row) => count(figure(row, 'casesSolved'))), tone: 'good' },
    { label: 'solveRate', value: reported((row) => percent(row.solveRate)) },
    { label: 'suspectsCaught', value: reported((row) => count(figure(row, 'suspectsCaught'))) },
    { label: 'gangsBroken', value: reported((row) => count(figure(row, 'criminalGroupsBroken') + figure(row, 'criminalGangsBroken') + figure(row, 'mafiaBroken'))) },
    // The unit goes with the label ("冻结涉案资金（万元）"): beside the value it wrapped under it on most walls.
    { label: 'moneyFrozen', value: reported(() => frozen.value), unit: frozen.unit },
  ];
}
