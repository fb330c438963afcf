import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { countFigures, outcomeFigures, reportColumnLabels, reportFigureLabels, type ReportRow } from '../../engine';
import type { CampaignReport } from './report';

type Lang = 'zh' | 'en';

export interface Names {
  readonly units: ReadonlyMap<string, { zh: string; en: string }>;
  readonly categories: ReadonlyMap<string, { zh: string; en: string }>;
}

const figureKeys = [...countFigures, ...outcomeFigures] as const;

/** The report as a table: a heading row in the user's language, then the total, each unit and each category. */
export function reportTable(report: CampaignReport, names: Names, lang: Lang): (string | number)[][] {
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
    ...figureKeys.map((k) => row.figures[k]),
    row.solveRate ?? '',
    row.medianDaysToSolve ?? '',
    row.openAtEnd,
    row.overdueAtEnd,
  ];
  const unitPrefix = lang === 'zh' ? '单位：' : 'Unit: ';
  const categoryPrefix = lang === 'zh' ? '类别：' : 'Category: ';
  return [
    header,
    line(reportColumnLabels.total[lang], report.total),
    ...Object.entries(report.byUnit).map(([id, row]) => line(unitPrefix + (names.units.get(id)?.[lang] ?? id), row)),
    ...Object.entries(report.byCategory).map(([id, row]) => line(categoryPrefix + (names.categories.get(id)?.[lang] ?? (lang === 'zh' ? '未分类' : 'Uncategorised')), row)),
  ];
}

/**
 * A spreadsheet program treats a cell starting with = + - @ as a formula;
 * scope names are text we do not control, so such cells get a leading quote.
 */
function inert(cell: string | number): string | number {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV with a UTF-8 byte order mark, so that Excel on a Chinese Windows opens it as UTF-8. */
export function reportCsv(table: (string | number)[][]): string {
  return `\uFEFF${Papa.unparse(table.map((row) => row.map(inert)))}`;
}

export async function reportXlsx(table: (string | number)[][], sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Battlemap';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  sheet.getColumn(1).width = 28;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}
