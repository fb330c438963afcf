import type { Label } from '../../../engine/labels';
import { notATable } from '../../../engine/intake/not-a-table';
import { UnknownEncoding } from '../../../engine/intake/text-encoding';
import { isZip, maxImportRows, readTable, TooManyRows, type Table } from './read-table';
import { TableTooLarge, type TableReader } from './table-reader';

/** A file to import read into its table, or refused with what to tell the user, in both languages. */
export type ImportFileRead = { readonly table: Table } | { readonly refused: Label };

/**
 * Reads the bytes of a file to import (the screen's upload, the command line's
 * FILE) into its table, or says why it cannot be one: empty, plainly no table
 * (a PDF, an old .xls, a database), a text encoding it cannot read, more rows
 * than one import takes, or no CSV nor .xlsx it can read (a damaged workbook).
 * One place, so that `npm run import` refuses a file in the words the screen
 * does: it printed the reader's own (`unknown text encoding`, `Corrupted zip`),
 * or read a PDF as a CSV and said its columns were missing.
 */
export async function readImportFile(bytes: Uint8Array, read: TableReader = readTable, sentAsWorkbook = false): Promise<ImportFileRead> {
  if (bytes.length === 0) return { refused: { zh: '文件为空', en: 'The file is empty' } };
  const notTable = notATable(bytes);
  if (notTable !== null) return { refused: notTable };
  // Named .xlsx (the screen sends such a file as a workbook) but no workbook inside: a text renamed, which was read as
  // a CSV and refused for columns it did not have, the user left looking for them in a file they took for Excel's.
  if (sentAsWorkbook && !isZip(bytes)) {
    return {
      refused: {
        zh: '文件名为 .xlsx，但其内容不是 Excel 工作簿：若它是 CSV，请把扩展名改为 .csv；否则请在 Excel 中另存为 .xlsx 后再导入',
        en: 'The file is named .xlsx but holds no Excel workbook: if it is a CSV, rename it to .csv; otherwise save it from Excel as .xlsx and import that',
      },
    };
  }
  try {
    return { table: await read(bytes) };
  } catch (error) {
    if (error instanceof UnknownEncoding) {
      return { refused: { zh: '无法识别文件的文字编码：请另存为 UTF-8 或 GBK 编码的 CSV，或 .xlsx', en: 'The file’s text encoding is not one Battlemap reads: save it as CSV in UTF-8 or GBK, or as .xlsx' } };
    }
    if (error instanceof TooManyRows) {
      return {
        refused: {
          zh: `文件有 ${error.rows} 行数据，一次最多导入 ${maxImportRows} 行：请分成几个文件导入`,
          en: `The file has ${error.rows} data rows; one import takes at most ${maxImportRows}: split it into several files`,
        },
      };
    }
    if (error instanceof TableTooLarge) return { refused: { zh: '文件解开后过大，无法读取：请分成几个文件导入', en: 'The file is too large once unpacked to be read: split it into several files' } };
    return { refused: { zh: '无法读取文件：应为 CSV 或 XLSX', en: 'The file could not be read: it should be CSV or XLSX' } };
  }
}
