import type { Worksheet } from 'exceljs';
import Papa from 'papaparse';
import { PassThrough } from 'node:stream';
import { letOthersIn } from './let-others-in';

/**
 * Rows read or written between turns of the event loop. Exporting a list of
 * 100,000 clues takes seconds (CSV 2.6 s, XLSX 5.6 s), and every other
 * request of the process waited for all of it (the longest wait: 3 s); now
 * the longest is 0.2–0.6 s, in steps not cut into parts (garbage
 * collection, the workbook's last write).
 */
export const rowsBetweenTurns = 2_000;

/** One cell of an exported table: text, a number, or nothing. */
export type Cell = string | number | null;

/**
 * CSV with a UTF-8 byte order mark, so that Excel on a Chinese Windows opens
 * it as UTF-8. Text that a spreadsheet would run as a formula (`=HYPERLINK(…)`
 * in a clue's title, say: a leading = + - @, tab or CR) gets a leading single
 * quote through papaparse's `escapeFormulae`, so Excel and WPS show it as
 * text; numbers are ours and stay numbers.
 */
// papaparse's own pattern (`escapeFormulae: true`) ends in `.*$` without the s flag, so it failed on a cell of more than
// one line: "=HYPERLINK(…)" followed by a line break went out as a formula.
const formulaStart = /^[=+\-@\t\r]/;

export async function tableCsv(table: readonly (readonly Cell[])[]): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < table.length; i += rowsBetweenTurns) {
    if (i > 0) await letOthersIn();
    parts.push(Papa.unparse(table.slice(i, i + rowsBetweenTurns).map((row) => row.map((cell) => cell ?? '')), { escapeFormulae: formulaStart }));
  }
  // Papa's own line break between the parts, as within them.
  return `\uFEFF${parts.join('\r\n')}`;
}

/**
 * A local time as a spreadsheet's date, so that a clerk can sort, filter and
 * count by it (text dates only sort). Excel's dates have no zone: ExcelJS
 * writes a Date's UTC fields, so the local time's fields go in as UTC.
 */
function excelDate(cell: Cell): Date | null {
  const local = typeof cell === 'string' ? /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/.exec(cell) : null;
  return local === null ? null : new Date(`${local[1]}T${local[2] ?? '00:00'}:00Z`);
}

/** Columns that still read on one landscape A4 page, its text scaled down; wider tables run on across pages. */
const columnsOnOnePage = 16;

/**
 * How a sheet prints from Excel or WPS: landscape A4, as the pages print
 * these tables, with the header row and the frozen columns (what each row is
 * of: its unit, its number) repeated on every page; a table narrow enough
 * scaled to one page's width. Excel's default (portrait, no titles) printed a
 * report's 34 figures over pages where only the first said what its rows are.
 */
function printedAs(columns: number, headerRow: number, frozenColumns: number) {
  const lastFrozen = String.fromCharCode('A'.charCodeAt(0) + Math.max(0, Math.min(frozenColumns, 26) - 1));
  return {
    paperSize: 9,
    orientation: 'landscape' as const,
    printTitlesRow: `${headerRow}:${headerRow}`,
    ...(frozenColumns > 0 ? { printTitlesColumn: `A:${lastFrozen}` } : {}),
    ...(columns <= columnsOnOnePage ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
  };
}

/** Lines above a sheet's table saying what it is, the first as its title, then a blank row (none without lines). */
function writeHeading(sheet: Worksheet, lines: readonly string[]): void {
  for (const [i, line] of lines.entries()) {
    const added = sheet.addRow([line]);
    if (i === 0) added.font = { bold: true, size: 14 };
    added.commit();
  }
  if (lines.length > 0) sheet.addRow([]).commit();
}

/**
 * An XLSX workbook of one sheet: the first row bold and frozen. Every text is
 * written as a string cell, never a formula, so `=…` shows as typed. Written
 * with ExcelJS's streaming writer, row by row and with inline strings, so that
 * a list of 100,000 clues does not build the whole workbook model in memory.
 */
export async function tableXlsx(
  table: readonly (readonly Cell[])[],
  sheetName: string,
  layout: {
    readonly frozenColumns?: number;
    readonly widths?: readonly number[];
    readonly numberFormats?: ReadonlyMap<number, string>;
    /** Columns of local times as the tables write them (2026-06-15 10:00, or a day alone), with the format Excel shows them in. */
    readonly dateFormats?: ReadonlyMap<number, string>;
    /** Lines above the table saying what it is (a report's campaign, span and "as of"), a blank row between: the header row then comes after them. */
    readonly heading?: readonly string[];
    /** The header row's labels wrapped in their column's width (long figure names), rather than cut off by the next. */
    readonly wrapHeader?: boolean;
    /** How far the first cell of a row is indented, by the row's place in the table (a station under its county branch). */
    readonly indents?: ReadonlyMap<number, number>;
    /**
     * What a reader of the table should know and the table cannot say as data (the instant a concluded campaign's
     * deadlines are judged at): its lines on a second sheet, the first of them in the table's printed page header.
     * The table stays the first sheet, headed on its first row, so that it filters, sorts and imports as any other.
     */
    readonly about?: { readonly sheetName: string; readonly lines: readonly string[] };
    /** Tables of their own after the first (a phase report's targets), each on its sheet, headed on its first row. */
    readonly more?: readonly {
      readonly sheetName: string;
      readonly table: readonly (readonly Cell[])[];
      readonly widths?: readonly number[];
      readonly numberFormats?: ReadonlyMap<number, string>;
      /** Lines above its table, as the first sheet's `heading`: a sheet printed or sent alone says what it is of. */
      readonly heading?: readonly string[];
    }[];
  } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Loaded when a workbook is asked for: ExcelJS adds some 28 MB to the process, which most never need.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Battlemap';
  const heading = layout.heading ?? [];
  const above = heading.length === 0 ? 0 : heading.length + 1;
  const frozenColumns = layout.frozenColumns ?? 1;
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: above + 1 }],
    pageSetup: printedAs(table[0]?.length ?? 0, above + 1, frozenColumns),
    // An & starts a code in a page header (&P, the page number): one of the text's own is written twice.
    ...(layout.about?.lines[0] !== undefined && { headerFooter: { oddHeader: `&L${layout.about.lines[0].replaceAll('&', '&&')}` } }),
  });
  sheet.columns = (layout.widths ?? []).map((width) => ({ width }));
  writeHeading(sheet, heading);
  for (const [i, row] of table.entries()) {
    if (i > 0 && i % rowsBetweenTurns === 0) await letOthersIn();
    // ExcelJS writes a JavaScript string as a string cell; only a { formula } object becomes a formula.
    const dates = i === 0 ? undefined : layout.dateFormats;
    const added = sheet.addRow(row.map((cell, column) => (dates?.has(column) ? (excelDate(cell) ?? cell ?? '') : (cell ?? ''))));
    if (i === 0) {
      added.font = { bold: true };
      if (layout.wrapHeader === true) added.alignment = { wrapText: true, vertical: 'top' };
    } else {
      // A column's number shown as the page shows it (a rate as 63.8%), its value kept a number.
      for (const [column, format] of layout.numberFormats ?? []) added.getCell(column + 1).numFmt = format;
      for (const [column, format] of dates ?? []) if (row[column] !== null && row[column] !== '') added.getCell(column + 1).numFmt = format;
      const indent = layout.indents?.get(i) ?? 0;
      if (indent > 0) added.getCell(1).alignment = { indent };
    }
    added.commit();
  }
  sheet.commit();
  for (const more of layout.more ?? []) {
    const lines = more.heading ?? [];
    const headed = lines.length === 0 ? 0 : lines.length + 1;
    const added = workbook.addWorksheet(more.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: headed + 1 }] });
    added.columns = (more.widths ?? []).map((width) => ({ width }));
    writeHeading(added, lines);
    for (const [i, row] of more.table.entries()) {
      const line = added.addRow(row.map((cell) => cell ?? ''));
      if (i === 0) line.font = { bold: true };
      else for (const [column, format] of more.numberFormats ?? []) line.getCell(column + 1).numFmt = format;
      line.commit();
    }
    added.commit();
  }
  if (layout.about !== undefined) {
    const about = workbook.addWorksheet(layout.about.sheetName.slice(0, 31));
    // As wide as its longest line, a Chinese character taking two of a column's units, so that each line reads whole.
    const widthOf = (line: string) => [...line].reduce((width, char) => width + (char.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
    about.columns = [{ width: Math.min(255, Math.max(...layout.about.lines.map(widthOf)) + 2) }];
    for (const line of layout.about.lines) about.addRow([line]).commit();
    about.commit();
  }
  await workbook.commit();
  const file = Buffer.concat(chunks);
  return new Uint8Array(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
}
