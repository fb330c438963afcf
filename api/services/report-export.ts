import { categoryRowsOf, countFigures, deadlineFigures, outcomeFigures, reportColumnLabels, reportEscalationLabels, reportFigureLabels, solveRateNote, targetMet, type ReportRow } from '../../engine';
import { targetMetricLabels } from '../../engine/campaign/campaign.labels';
import type { TargetMetric } from '../../engine/campaign/campaign-config';
import type { Label } from '../../engine/labels';
import { tableCsv, tableXlsx } from './export-table';
import { categoryScopeName, uncategorised, zoneZh, type ExportNames } from './export-names';
import type { CampaignReport } from './report';

type Lang = 'zh' | 'en';

const figureKeys = [...countFigures, ...outcomeFigures, ...deadlineFigures] as const;

/** The report as a table: a heading row in the user's language, each unit and each category as the page lists them (a category in use with nothing counted as zeros), then the total (a branch's report names its unit there). */
export function reportTable(report: CampaignReport, names: ExportNames, lang: Lang): (string | number)[][] {
  const header = [
    reportColumnLabels.scope[lang],
    ...figureKeys.map((k) => reportFigureLabels[k][lang]),
    reportColumnLabels.solveRate[lang],
    reportColumnLabels.medianDaysToSolve[lang],
    reportColumnLabels.openAtEnd[lang],
    reportColumnLabels.overdueAtEnd[lang],
  ];
  const line = (scope: string, row: ReportRow) => [
    scope,
    // A phase frozen before the deadline figures existed has none: left empty, not 0.
    ...figureKeys.map((k) => row.figures[k] ?? ''),
    row.solveRate ?? '',
    row.medianDaysToSolve ?? '',
    row.openAtEnd,
    row.overdueAtEnd,
  ];
  const unitPrefix = lang === 'zh' ? '单位：' : 'Unit: ';
  const categoryPrefix = lang === 'zh' ? '类别：' : 'Category: ';
  const unitName = (id: string) => names.units.get(id)?.[lang] ?? id;
  // A scoped report's total row names its scope: 合计（汉台分局 · 电信网络诈骗）.
  const scope = [
    ...(report.unit === null ? [] : [unitName(report.unit)]),
    ...(report.categoryId === null ? [] : [categoryScopeName(names, report.categoryId, lang)]),
  ].join(' · ');
  const total = scope === '' ? reportColumnLabels.total[lang] : lang === 'zh' ? `${reportColumnLabels.total.zh}（${scope}）` : `${reportColumnLabels.total.en} (${scope})`;
  return [
    header,
    ...unitRowsOf(report, names).map(([id, row]) => line(unitPrefix + unitName(id), row)),
    ...categoryRowsOf(report.byCategory, [...names.categories.keys()].map((id) => ({ id, retired: names.retiredCategories.has(id) })), report.categoryId !== null).map(([id, row]) =>
      line(categoryPrefix + (names.categories.get(Number(id))?.[lang] ?? uncategorised[lang]), row),
    ),
    // Last, as the page's tables end with it.
    line(total, report.total),
  ];
}

/** The report's rows by unit as the page lists them: in the tree's order, then any unit the tree no longer has. */
function unitRowsOf(report: Pick<CampaignReport, 'byUnit'>, names: Pick<ExportNames, 'units'>): (readonly [string, ReportRow])[] {
  const keys = [...names.units.keys()].filter((key) => report.byUnit[key] !== undefined);
  return [...keys, ...Object.keys(report.byUnit).filter((key) => !keys.includes(key))].flatMap((key) => {
    const row = report.byUnit[key];
    return row === undefined ? [] : [[key, row] as const];
  });
}

/**
 * How far each unit's row of {@link reportTable} is indented in a workbook, by the row's place in the table: a station
 * under its county branch, as the page shows them, the report's top unit not indented. A CSV has no indent, and spaces put before a name would be read as
 * part of it.
 */
export function reportIndents(report: Pick<CampaignReport, 'byUnit'>, names: Pick<ExportNames, 'units' | 'unitDepths'>): Map<number, number> {
  const depths = unitRowsOf(report, names).map(([id]) => names.unitDepths.get(id) ?? 0);
  // From the report's top unit: a branch's report starts at its own row, not one step in.
  const top = Math.min(...depths);
  // The heading row is the table's first: the units' rows come right after it.
  return new Map(depths.map((depth, i) => [i + 1, depth - top]));
}

const targetColumns: Record<'unit' | 'metric' | 'target' | 'actual' | 'share' | 'short' | 'met', Label> = {
  unit: { zh: '单位', en: 'Unit' },
  metric: { zh: '指标', en: 'Measure' },
  target: { zh: '目标', en: 'Target' },
  actual: { zh: '完成', en: 'Done' },
  share: { zh: '完成率', en: 'Share' },
  short: { zh: '差额', en: 'Short by' },
  met: { zh: '是否达标', en: 'Met' },
};

/**
 * A phase report's targets as a table of their own (the workbook's second sheet): each unit's target, what it did, its
 * share (a fraction, shown as a percentage), how far short and whether it is met (not yet, while the phase runs);
 * null where the report has none.
 */
export function targetsTable(report: CampaignReport, names: ExportNames, lang: Lang, ended: boolean): (string | number)[][] | null {
  if (report.targets === undefined || report.targets.length === 0) return null;
  const metrics: Record<string, Label> = targetMetricLabels satisfies Record<TargetMetric, Label>;
  const yes = lang === 'zh' ? '是' : 'Yes';
  // While the phase runs, a target not reached is not yet reached, as the page says (尚差 n), not failed.
  const no = ended ? (lang === 'zh' ? '否' : 'No') : lang === 'zh' ? '尚未' : 'Not yet';
  return [
    (['unit', 'metric', 'target', 'actual', 'share', 'short', 'met'] as const).map((key) => targetColumns[key][lang]),
    ...report.targets.map((fact) => [
      names.units.get(fact.unitId)?.[lang] ?? fact.unitId,
      metrics[fact.metric]?.[lang] ?? fact.metric,
      fact.target,
      fact.actual,
      fact.target === 0 ? 1 : fact.actual / fact.target,
      Math.max(0, fact.target - fact.actual),
      targetMet(fact) ? yes : no,
    ]),
  ];
}

/**
 * CSV with a UTF-8 byte order mark; scope names that look like formulas are written as text. The solve rate is
 * written as the page shows it, a percentage ("83.3%"): a CSV has no number formats, and 0.833 (or 1) read as a count.
 */
export function reportCsv(table: (string | number)[][]): Promise<string> {
  const rate = figureKeys.length + 1;
  return tableCsv(table.map((row, index) => (index === 0 ? row : row.map((cell, column) => (column === rate && typeof cell === 'number' ? `${(cell * 100).toFixed(1)}%` : cell)))));
}

/**
 * The report as a workbook: what it is said above the table (the campaign, the span, the instant it is of and the
 * escalations raised, as the printed report heads it), every column wide enough for its figures with its label
 * wrapped, the counts and sums of yuan with their thousands grouped (34,960,000, not 34960000), the solve rate a
 * percentage, the median days to one decimal.
 */
export async function reportXlsx(
  table: (string | number)[][],
  sheetName: string,
  heading: readonly string[],
  /** The report's targets (see {@link targetsTable}), on a sheet of their own with its heading (see {@link targetsHeading}), or null. */
  targets: { readonly sheetName: string; readonly table: (string | number)[][]; readonly heading: readonly string[] } | null = null,
  /** Each unit's row indented by its depth in the tree (see {@link reportIndents}). */
  indents: ReadonlyMap<number, number> = new Map(),
): Promise<Uint8Array<ArrayBuffer>> {
  const solveRate = figureKeys.length + 1;
  const numberFormats = new Map<number, string>([
    ...figureKeys.map((_key, i) => [i + 1, '#,##0'] as const),
    [solveRate, '0.0%'],
    [solveRate + 1, '0.0'],
    [solveRate + 2, '#,##0'],
    [solveRate + 3, '#,##0'],
  ]);
  // Sums of yuan run to a dozen digits with their separators; counts to a few.
  const widths = [28, ...figureKeys.map((key) => (key.endsWith('Yuan') ? 16 : 12)), 10, 12, 12, 12];
  const more = targets === null ? [] : [{ ...targets, widths: [24, 16, 10, 10, 10, 10, 10], numberFormats: new Map([[2, '#,##0'], [3, '#,##0'], [4, '0.0%'], [5, '#,##0']]) }];
  return tableXlsx(table, sheetName, { frozenColumns: 1, widths, numberFormats, heading, wrapHeader: true, more, indents });
}

type Heading = { readonly campaignName: string; readonly spanName: string; readonly scope: string; readonly from: string; readonly asOf: string; readonly timeZone: string; readonly escalations: readonly [number, number, number] };

/**
 * The lines above a report's table: which campaign and span, since and as of when (in the campaign's time zone), its
 * escalations, and what its solve rate is, as the page says under its tables: a rate past 100% read bare in a
 * workbook looked like a wrong figure.
 */
export function reportHeading(h: Heading, lang: Lang): string[] {
  const scope = h.scope === '' ? '' : lang === 'zh' ? `（${h.scope}）` : ` (${h.scope})`;
  // The escalations named as the page names them (临期提醒 104 · 超期督办 74 · 严重超期 25), not by number: 一级/二级 read as another scale.
  const escalations = ([1, 2, 3] as const).map((level) => `${reportEscalationLabels[level][lang]} ${h.escalations[level - 1]}`).join(' · ');
  return lang === 'zh'
    ? [`${h.campaignName} · ${h.spanName}${scope}`, `统计时段：自${h.from}起，数据截至 ${h.asOf}（${zoneZh(h.timeZone)}）`, `${reportEscalationLabels.escalations.zh}：${escalations}`, `注：${solveRateNote.zh}`]
    : [`${h.campaignName} · ${h.spanName}${scope}`, `From ${h.from}, as of ${h.asOf} (${h.timeZone})`, `${reportEscalationLabels.escalations.en} raised: ${escalations}`, `Note: ${solveRateNote.en}`];
}

/**
 * The lines above the targets' sheet: the report's campaign, span and instant (its first two lines), then what the
 * page says beside the table: a unit's 完成 counts the units under it, and a phase left has its targets as frozen.
 */
export function targetsHeading(reportLines: readonly string[], lang: Lang, frozenAt: string | null): string[] {
  const within = lang === 'zh' ? '注：单位的“完成”含其下属单位（如派出所）的工作。' : "Note: a unit's “Done” includes the work of the units under it (its police stations, say).";
  const frozen = frozenAt === null ? [] : [lang === 'zh' ? `注：本阶段已结束，目标与完成数为定稿时（${frozenAt}）所记。` : `Note: the phase has ended; its targets and what was done are as frozen (${frozenAt}).`];
  return [...reportLines.slice(0, 2), within, ...frozen];
}
