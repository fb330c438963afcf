import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { PassThrough } from 'node:stream';

/** One cell of an exported table: text, a number, or nothing. */
export type Cell = string | number | null;

/**
 * CSV with a UTF-8 byte order mark, so that Excel on a Chinese Windows opens
 * it as UTF-8. Text that a spreadsheet would run as a formula (`=HYPERLINK(…)`
 * in a clue's title, say: a leading = + - @, tab or CR) gets a leading single
 * quote through papaparse's `escapeFormulae`, so Excel and WPS show it as
 * text; numbers are ours and stay numbers.
 */
export function tableCsv(table: readonly (readonly Cell[])[]): string {
  return `\uFEFF${Papa.unparse(
    table.map((row) => row.map((cell) => cell ?? '')),
    { escapeFormulae: true },
  )}`;
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
  layout: { readonly frozenColumns?: number; readonly widths?: readonly number[] } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Loaded when a workbook is asked for: ExcelJS adds some 28 MB to the process, which most never need.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Battlemap';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', xSplit: layout.frozenColumns ?? 1, ySplit: 1 }] });
  sheet.columns = (layout.widths ?? []).map((width) => ({ width }));
  table.forEach((row, i) => {
    // ExcelJS writes a JavaScript string as a string cell; only a { formula } object becomes a formula.
    const added = sheet.addRow(row.map((cell) => cell ?? ''));
    if (i === 0) added.font = { bold: true };
    added.commit();
  });
  sheet.commit();
  await workbook.commit();
  const file = Buffer.concat(chunks);
  return new Uint8Array(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
}
