import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeCsv, wellFormed } from '../../../engine/intake/text-encoding';
import { isTemplateHelperSheet } from './template-sheets';

export interface Table {
  /** How the file was read: xlsx, or the text encoding of a CSV. */
  readonly format: 'xlsx' | 'csv-utf8' | 'csv-gb18030' | 'csv-utf16';
  /** A workbook's sheet that was read, and how many other sheets it shows that were not. */
  readonly sheet?: { readonly name: string; readonly othersShown: number };
  readonly headers: string[];
  readonly rows: string[][];
  /** The row of the spreadsheet the header is on, and each data row: as the user's spreadsheet numbers them, blank rows counted. */
  readonly headerRow: number;
  /** The header's last row, when it is drawn in two (see withSubHeader). */
  readonly headerLastRow?: number;
  readonly rowNumbers: readonly number[];
  /** A CSV's cells that open a quote nothing after them closes (see csvRows): the file is not read as its writer meant it. */
  readonly unclosedQuotes?: readonly QuotedCell[];
  /** A CSV's quoted cells with text after their closing quote, or a lone quote inside (see csvRows): nor is this file. */
  readonly strayQuotes?: readonly QuotedCell[];
}

/** A cell whose quote keeps the file from being read as written: its row, as the spreadsheet numbers it, and its column (0 the first). */
export interface QuotedCell {
  readonly row: number;
  readonly column: number;
}

/** What the check says of an unclosed quote, on its row. */
export const unclosedQuoteReason = {
  zh: '引号没有闭合：此单元格以英文引号 " 开头，但文件中其后再没有与之配对的引号，文件因此无法按原样读取。请在原文件中补上或删去这个引号后重新上传；改正前不会导入任何行',
  en: 'Unclosed quote: this cell opens with a quote (") that nothing later in the file closes, so the file cannot be read as it was written. Close or remove the quote in the file and upload it again; no row is imported until then',
} as const;

/** What the check says of a quoted cell with text after its closing quote (or a lone quote inside it), on its row. */
export const strayQuoteReason = {
  zh: '引号位置有误：此单元格以英文引号 " 开头，但在与之配对的引号之后还有文字（或引号中间夹着单个引号），文件因此无法按原样读取，其下的行可能被并入这个单元格。请在原文件中改正这个引号（单元格内的引号应写成两个 ""）后重新上传；改正前不会导入任何行',
  en: 'Misplaced quote: this cell opens with a quote (") and has text after the quote that closes it (or a lone quote inside it), so the file cannot be read as it was written, and the rows below it could run into this cell. Correct the quote in the file (a quote inside a quoted cell is written twice: "") and upload it again; no row is imported until then',
} as const;

/** A cell whose quote keeps a CSV from being read as written, how, and what the check says of it on its row. */
export interface QuoteFaultAt extends QuotedCell {
  readonly kind: 'unclosed' | 'stray';
  readonly reason: { readonly zh: string; readonly en: string };
}

/** The cells of a table whose quotes keep it from being read as written, either way, in the file's order. */
export function quoteFaults(table: Pick<Table, 'unclosedQuotes' | 'strayQuotes'>): QuoteFaultAt[] {
  return [
    ...(table.unclosedQuotes ?? []).map((cell) => ({ ...cell, kind: 'unclosed' as const, reason: unclosedQuoteReason })),
    ...(table.strayQuotes ?? []).map((cell) => ({ ...cell, kind: 'stray' as const, reason: strayQuoteReason })),
  ].sort((a, b) => a.row - b.row);
}

/** A table's header and data rows with the spreadsheet's number of each: blank rows are left out, but not out of the count. */
interface NumberedRows {
  readonly headers: string[];
  readonly rows: string[][];
  readonly headerRow: number;
  readonly rowNumbers: readonly number[];
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * A cell is kept to one character more than the longest field takes (a clue's content, 20,000): still refused as too
 * long by the row's check, without a 100 MB cell (a workbook of 100 KB) carried through every step after.
 */
const maxCellChars = 20_001;
const kept = (cells: string[]) => (cells.some((cell) => cell.length > maxCellChars) ? cells.map((cell) => cell.slice(0, maxCellChars)) : cells);

/** Splits numbered rows into the header (the first with anything in it) and the data rows after it, keeping each one's number. */
function numbered(all: readonly { readonly number: number; readonly cells: string[] }[]): NumberedRows {
  const filled = all.filter((row) => !isBlank(row.cells)).map((row) => ({ number: row.number, cells: kept(row.cells) }));
  const [header, ...data] = filled;
  return { headers: (header?.cells ?? []).map((h) => h.trim()), headerRow: header?.number ?? 1, rows: data.map((row) => row.cells), rowNumbers: data.map((row) => row.number) };
}

/**
 * A CSV's text as a spreadsheet shows it: one row per record (a quoted cell
 * may hold line breaks and still be one row), numbered from 1 with the
 * blank rows counted, so that "row 57" in a list of problems is the row 57
 * the user opens the file to. Blank rows themselves are no data.
 *
 * A cell that opens a quote nothing closes is said (`unclosedQuotes`): read
 * as the CSV rules have it, it runs to the end of the file, and a title
 * starting with " swallowed every row below it without a word (the file's
 * last rows gone, its count short). Its record is taken to end with its line
 * instead, the quote kept as text, and the rest of the file read on from the
 * next line, so that every row is counted and checked.
 *
 * A quoted cell with text after its closing quote (`"标题"多余,汉台分局`) is
 * said too (`strayQuotes`), and read on past the same way: papaparse keeps
 * the text, quote and all, and the cell then runs on over the lines below
 * to the next quote in the file, so the rows between vanished into a title.
 */
export function csvRows(text: string): NumberedRows & { readonly unclosedQuotes: readonly QuotedCell[]; readonly strayQuotes: readonly QuotedCell[] } {
  const { records, faults } = csvRecords(text.replace(/^\uFEFF/, ''));
  const cellsOf = (kind: QuoteFault['kind']) => faults.filter((fault) => fault.kind === kind).map(({ record, column }) => ({ row: record + 1, column }));
  return { ...numbered(records.map((cells, i) => ({ number: i + 1, cells }))), unclosedQuotes: cellsOf('unclosed'), strayQuotes: cellsOf('stray') };
}

/** Where a quote keeps a CSV from being read as written: the record (0 the first) and column, and how. */
interface QuoteFault {
  readonly record: number;
  readonly column: number;
  /** `unclosed`: nothing closes the quote; `stray`: text follows the closing quote, or a lone quote stands inside. */
  readonly kind: 'unclosed' | 'stray';
}

/** Papaparse's codes for a quote never closed, and for one closed with text after it (its "malformed trailing quote"). */
const quoteFaultCodes: readonly string[] = ['MissingQuotes', 'InvalidQuotes'];

/**
 * Where the first quote fault papaparse found opened its cell: the place just past the quote. Papaparse names one
 * fault by both codes at times (a quote its line never closes, "closed" by one on a later line with text after it).
 */
function firstQuoteFault(errors: readonly Papa.ParseError[]): number | undefined {
  // Folded, not spread into Math.min: a file of a quote on every line gives as many errors as lines.
  let first: number | undefined;
  for (const error of errors) if (quoteFaultCodes.includes(error.code) && error.index !== undefined && (first === undefined || error.index < first)) first = error.index;
  return first;
}

/**
 * How a cell's quote is at fault, by its line from the quote on, as its writer sees it: another quote on the line
 * (not one of a doubled pair) closed it with text after, or stands alone inside; none, and nothing closed it there.
 */
const faultOf = (line: string): QuoteFault['kind'] => (line.slice(1).replaceAll('""', '').includes('"') ? 'stray' : 'unclosed');

/**
 * The quote faults read on past, one at a time: each costs a parse of the rest of the file, and a file of a
 * quote opened on every line (inch marks, 12" screens) would be read as many times as it has lines. Past these,
 * the file's rest is read a line a row, its quotes as text: refused all the same, its rows still counted.
 */
const faultsReadOn = 20;

/**
 * The delimiter of a CSV's first rows with anything in them, or none found. Papaparse's own guess counts a blank line
 * as a row of one cell and wants more than 1.99 cells a row: the blank line that ends a file pulled a two-column file
 * of tabs (Excel's Unicode text) or semicolons below that, and it was read by commas, its header one cell.
 */
function delimiterOf(text: string): string | undefined {
  const guess = Papa.parse<string[]>(text, { preview: 10, skipEmptyLines: true });
  return guess.errors.some((error) => error.code === 'UndetectableDelimiter') ? undefined : guess.meta.delimiter;
}

/** A CSV's delimiter and line break. */
interface CsvLayout {
  readonly delimiter: string;
  readonly newline: '\r\n' | '\n' | '\r';
}

/** A CSV's reading so far: its records to the end, or where a quote fault opened (the place just past the quote). */
type Reading = { readonly records: string[][] } | { readonly opened: number; readonly layout: CsvLayout };

/** Papaparse's reading of a whole CSV, its delimiter guessed where `delimiter` is none, to its end or its first quote fault. */
function firstReading(text: string, delimiter: string | undefined): Reading {
  let parsed = Papa.parse<string[]>(text, delimiter === undefined ? {} : { delimiter });
  let opened = firstQuoteFault(parsed.errors);
  // A delimiter is found by rows of the same number of cells, which the quote's one long cell is not: a file of tabs
  // (Excel's Unicode text) was read by commas, its header one cell. Found instead in the lines above the quote's.
  if (opened !== undefined && parsed.errors.some((error) => error.code === 'UndetectableDelimiter')) {
    const above = delimiterOf(text.slice(0, Math.max(text.lastIndexOf('\n', opened), 0)));
    if (above !== undefined && above !== parsed.meta.delimiter) {
      parsed = Papa.parse<string[]>(text, { delimiter: above });
      opened = firstQuoteFault(parsed.errors);
    }
  }
  if (opened === undefined) return { records: parsed.data };
  const { delimiter: found, linebreak } = parsed.meta;
  return { opened, layout: { delimiter: found, newline: linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n' } };
}

/** The first span read on past a quote fault: some dozens of lines, where the next fault of a file of many is. */
const firstSpan = 4096;

/**
 * The rest of a CSV after a quote fault, read to its end or its next fault. A misquoted cell runs on to the end of the
 * file when each line below holds a quote too ("标题"多余 on every line), and the whole rest read after each of the
 * faults read on past read such a file 21 times over. It is read instead in spans, each twice the last and ending
 * with a line. A span with no fault ends with a record, and the next is read from there; a misplaced quote papaparse
 * saw in it (InvalidQuotes) is the file's fault, whatever the lines after the span; a cell merely still open at the
 * span's end (MissingQuotes) may close further on, and the span is read again twice as long. No part of the file is
 * so read more than a few times, however many faults it has.
 */
function readOnToFault(text: string, layout: CsvLayout): Reading {
  const records: string[][] = [];
  let from = 0;
  for (let span = firstSpan; ; span *= 2) {
    const lineEnd = from + span >= text.length ? -1 : text.indexOf(layout.newline, from + span);
    const end = lineEnd === -1 ? text.length : lineEnd + layout.newline.length;
    const { data, errors } = Papa.parse<string[]>(text.slice(from, end), layout);
    const opened = firstQuoteFault(errors);
    if (opened !== undefined && (end === text.length || errors.some((error) => error.code === 'InvalidQuotes' && error.index === opened))) {
      return { opened: from + opened, layout };
    }
    if (end === text.length) return { records: records.concat(data) };
    if (opened === undefined) {
      // Its last record is the empty one papaparse reads after the closing line break: the next span's first, read there.
      for (const record of data.slice(0, -1)) records.push(record);
      from = end;
    }
  }
}

/** The records of a CSV (papaparse's reading) and where a quote keeps it from being read as written (see csvRows). */
function csvRecords(text: string): { records: string[][]; faults: QuoteFault[] } {
  const records: string[][] = [];
  const faults: QuoteFault[] = [];
  // None found, papaparse guesses again as it reads, and falls back to commas.
  const delimiter = delimiterOf(text);
  // The delimiter and line break found in the whole file, kept for the rest of it read after a quote fault.
  let found: CsvLayout | undefined;
  let rest = text;
  for (;;) {
    if (found !== undefined && faults.length >= faultsReadOn) {
      const { delimiter, newline } = found;
      records.push(...rest.split(newline).map((line) => line.split(delimiter)));
      break;
    }
    const read = found === undefined ? firstReading(rest, delimiter) : readOnToFault(rest, found);
    if ('records' in read) {
      records.push(...read.records);
      break;
    }
    const { opened } = read;
    found = read.layout;
    // Papaparse's record of the quote holds the lines below it in one cell, and (a stray quote) cells of a later line
    // after it. Read instead: the records before the quote, and its record's cells up to it (the last, empty, the
    // quote's own), by the text before it; then its line from the quote on, as plain text split by the delimiter.
    const quote = opened - 1;
    const before = Papa.parse<string[]>(rest.slice(0, quote), found).data;
    const cells = before.pop() ?? [''];
    const lineEnd = rest.indexOf(found.newline, opened);
    const line = rest.slice(quote, lineEnd === -1 ? undefined : lineEnd);
    records.push(...before);
    faults.push({ record: records.length, column: cells.length - 1, kind: faultOf(line) });
    records.push([...cells.slice(0, -1), ...line.split(found.delimiter)]);
    if (lineEnd === -1) break;
    rest = rest.slice(lineEnd + found.newline.length);
  }
  return { records, faults };
}

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Spreadsheet dates carry no zone: exceljs hands the wall-clock reading over as if UTC, and the campaign's zone applies later.
  if (value instanceof Date) {
    const text = value.toISOString();
    return text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : `${text.slice(0, 10)} ${text.slice(11, 19)}`;
  }
  if (typeof value === 'object') {
    // Formula cells are read as what they show, never evaluated again: their text is stored as text.
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ('formula' in value) return `=${String(value.formula)}`;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    // A link's shown text, itself plain or rich; its address when it shows none.
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue) || ('hyperlink' in value ? String(value.hyperlink) : '');
    // A formula's error (#N/A) as the sheet shows it, for the check to name (it was read as an empty cell).
    if ('error' in value) return String(value.error);
    return '';
  }
  if (typeof value === 'number' && lostDigits(value)) return asExcelShowsIt(value);
  return String(value);
}

/**
 * A whole number past what a spreadsheet keeps: Excel holds 15 significant digits, so a 16-digit number typed
 * into it ends in 0 and a 19-digit bank card in 0000, and a double keeps none past 2^53. Read as digits
 * ("6222021234567890000") it looked whole; it is read as Excel shows it (6.22202123456789E+18), which the import
 * refuses by row and column as it refuses a CSV's 1.39E+10. A 16-digit number another program wrote exactly,
 * not ending in 0, is kept.
 */
function lostDigits(value: number): boolean {
  const size = Math.abs(value);
  return size >= 1e15 && (size > Number.MAX_SAFE_INTEGER || size % 10 === 0);
}

function asExcelShowsIt(value: number): string {
  return value.toExponential(14).replace(/\.?0+e/, 'e').toUpperCase();
}

/**
 * The same table read with its header on a later row: the `index`th data
 * row becomes the header, the rows above it are dropped (a title such as
 * "汉中市专项线索汇总表（第一批）" merged across the columns above the header).
 */
export function headerAt(table: Table, index: number): Table {
  const header = table.rows[index];
  if (header === undefined) return table;
  return { ...table, headers: header.map((h) => h.trim()), headerRow: table.rowNumbers[index] ?? table.headerRow, rows: table.rows.slice(index + 1), rowNumbers: table.rowNumbers.slice(index + 1) };
}

/**
 * The most data rows one file may hold: twice the largest register a bureau sends at once, and what one import
 * checks, shows and commits in seconds. Half a million rows held the server for twenty seconds and two gigabytes.
 */
export const maxImportRows = 100_000;

/** A file of more data rows than {@link maxImportRows}. */
export class TooManyRows extends Error {
  constructor(readonly rows: number) {
    super(`${rows} data rows, more than ${maxImportRows}`);
  }
}

/** Reads an uploaded CSV or XLSX file into a header row and data rows of text, refusing one of too many rows. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  const table = await readAnyTable(bytes);
  if (table.rows.length > maxImportRows) throw new TooManyRows(table.rows.length);
  return table;
}

async function readAnyTable(bytes: Uint8Array): Promise<Table> {
  if (isZip(bytes)) {
    // Loaded when a workbook arrives: ExcelJS adds some 28 MB to the process, which most never need.
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    // The first sheet the user sees with anything on it: a hidden first sheet (lists for drop-downs, settings) is not the data.
    const shown = workbook.worksheets.filter((ws) => ws.state === 'visible');
    const sheet = shown.find((ws) => ws.actualRowCount > 0) ?? shown[0] ?? workbook.worksheets[0];
    const all: { number: number; cells: string[] }[] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      all.push({ number: row.number, cells: (row.values as ExcelJS.CellValue[]).slice(1).map((value) => wellFormed(cellText(value))) });
    });
    // The template's own sheets beside its clues (what to write, the drop-downs' lists) are no data left unread.
    const othersShown = shown.filter((ws) => ws !== sheet && ws.actualRowCount > 0 && !isTemplateHelperSheet(ws.name)).length;
    return { format: 'xlsx', ...(sheet !== undefined && { sheet: { name: sheet.name, othersShown } }), ...numbered(all) };
  }
  const { text, encoding } = decodeCsv(bytes);
  return { format: encoding === 'utf8' ? 'csv-utf8' : encoding === 'utf16' ? 'csv-utf16' : 'csv-gb18030', ...csvRows(text) };
}
