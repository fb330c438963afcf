import Papa from 'papaparse';

/** A cell spreadsheet software would run as a formula (=, +, -, @, or a tab or return before one): written as text. */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * The problems a check found, as a CSV to fix the file by (行号, 列, 问题 in the page's language): a file of thousands
 * of problems showed a hundred and a "show all" of ten thousand rows, none of them to be taken away. With a byte order
 * mark, so that Excel reads the Chinese; a cell that would run as a formula (a column named "=…" in the file) as text.
 */
export function issuesCsv(head: readonly [string, string, string], rows: readonly (readonly [string | number, string, string])[]): string {
  const safe = (cell: string | number) => (typeof cell === 'string' && formulaStart.test(cell) ? `'${cell}` : cell);
  return `\uFEFF${Papa.unparse([[...head], ...rows.map((row) => row.map(safe))], { newline: '\r\n' })}`;
}
