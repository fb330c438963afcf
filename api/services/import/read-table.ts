import type ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface Table {
  /** How the file was read: xlsx, or the text encoding of a CSV. */
  readonly format: 'xlsx' | 'csv-utf8' | 'csv-gb18030' | 'csv-utf16';
  readonly headers: string[];
  readonly rows: string[][];
  /** The row of the spreadsheet the header is on, and each data row: as the user's spreadsheet numbers them, blank rows counted. */
  readonly headerRow: number;
  readonly rowNumbers: readonly number[];
}

/** A table's header and data rows with the spreadsheet's number of each: blank rows are left out, but not out of the count. */
interface NumberedRows {
  readonly headers: string[];
  readonly rows: string[][];
  readonly headerRow: number;
  readonly rowNumbers: readonly number[];
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** Splits numbered rows into the header (the first with anything in it) and the data rows after it, keeping each one's number. */
function numbered(all: readonly { readonly number: number; readonly cells: string[] }[]): NumberedRows {
  const filled = all.filter((row) => !isBlank(row.cells));
  const [header, ...data] = filled;
  return { headers: (header?.cells ?? []).map((h) => h.trim()), headerRow: header?.number ?? 1, rows: data.map((row) => row.cells), rowNumbers: data.map((row) => row.number) };
}

/**
 * A CSV's text as a spreadsheet shows it: one row per record (a quoted cell
 * may hold line breaks and still be one row), numbered from 1 with the
 * blank rows counted, so that "row 57" in a list of problems is the row 57
 * the user opens the file to. Blank rows themselves are no data.
 */
export function csvRows(text: string): NumberedRows {
  const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data;
  return numbered(records.map((cells, i) => ({ number: i + 1, cells })));
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Control characters other than tab and line ends mean a binary file, whatever
 * decodes; and a NUL kept in a title would cut it short when read back.
 */
const binaryControls = /[\u0000-\u0008\u000E-\u001F]/;

/** A file whose text encoding is none Battlemap reads: refused rather than imported as mojibake. */
export class UnknownEncoding extends Error {}

/**
 * Text of a CSV as Chinese office software writes it: UTF-16 when it starts
 * with that byte order mark (Excel's "Unicode text", tab-separated), UTF-8
 * (with or without a byte order mark) when the bytes are valid UTF-8, else
 * GB18030 (a superset of GBK and GB2312) when they are valid GB18030.
 * Anything else (Big5 or Shift-JIS bytes that are not valid GB18030, a
 * binary file) is refused.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf8' | 'gb18030' | 'utf16' } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    if (binaryControls.test(text)) throw new UnknownEncoding('control characters in UTF-16 text');
    return { text, encoding: 'utf16' };
  }
  const attempts = [
    ['utf-8', 'utf8'],
    ['gb18030', 'gb18030'],
  ] as const;
  for (const [label, encoding] of attempts) {
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      if (binaryControls.test(text)) break;
      return { text, encoding };
    } catch {
      // Not this encoding: try the next.
    }
  }
  throw new UnknownEncoding('unknown text encoding');
}

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
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** Reads an uploaded CSV or XLSX file into a header row and data rows of text. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (isZip(bytes)) {
    // Loaded when a workbook arrives: ExcelJS adds some 28 MB to the process, which most never need.
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const all: { number: number; cells: string[] }[] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      all.push({ number: row.number, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(cellText) });
    });
    return { format: 'xlsx', ...numbered(all) };
  }
  const { text, encoding } = decodeCsv(bytes);
  return { format: encoding === 'utf8' ? 'csv-utf8' : encoding === 'utf16' ? 'csv-utf16' : 'csv-gb18030', ...csvRows(text) };
}
