import { describe, expect, it } from 'vitest';
import { readImportFile } from './import-file';
import { maxImportRows, type Table } from './read-table';
import { TableTooLarge } from './table-reader';

const text = (csv: string) => new TextEncoder().encode(csv);

describe('a file to import, read for the screen and the command line alike', () => {
  it('is read into its table', async () => {
    const read = await readImportFile(text('标题,承办单位\n线索甲,汉台分局'));
    expect(read).toMatchObject({ table: { headers: ['标题', '承办单位'], rows: [['线索甲', '汉台分局']] } });
  });

  it('is refused in both languages when it is empty, no table, in an encoding it cannot read, or a damaged workbook', async () => {
    const refusals = await Promise.all(
      [
        new Uint8Array(),
        text('%PDF-1.7\n'),
        text('SQLite format 3\u0000\u0010\u0000'),
        // Big5 bytes for 線索 followed by bytes no GB18030 or UTF-8 text holds.
        new Uint8Array([0xbd, 0x75, 0xaf, 0xc1, 0x2c, 0x80, 0xff, 0x0a, 0x31, 0x2c, 0x32]),
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      ].map((bytes) => readImportFile(bytes)),
    );
    expect(refusals.map((read) => ('refused' in read ? read.refused.en : 'read'))).toEqual([
      'The file is empty',
      'This is a PDF, not a table: it should be CSV or .xlsx',
      "This is a SQLite database (such as Battlemap's database or a backup of it), not a table: it should be CSV or .xlsx",
      'The file’s text encoding is not one Battlemap reads: save it as CSV in UTF-8 or GBK, or as .xlsx',
      'The file could not be read: it should be CSV or XLSX',
    ]);
    expect(refusals.every((read) => 'refused' in read && read.refused.zh !== read.refused.en)).toBe(true);
  });

  it('sent as a workbook (named .xlsx) but holding text, is refused as no workbook, not read as a CSV missing its columns', async () => {
    const renamed = text('title,unit\nsomething,汉台分局');
    const refused = await readImportFile(renamed, undefined, true);
    expect(refused).toEqual({
      refused: {
        zh: '文件名为 .xlsx，但其内容不是 Excel 工作簿：若它是 CSV，请把扩展名改为 .csv；否则请在 Excel 中另存为 .xlsx 后再导入',
        en: 'The file is named .xlsx but holds no Excel workbook: if it is a CSV, rename it to .csv; otherwise save it from Excel as .xlsx and import that',
      },
    });
    // The same text sent as what it is is read.
    expect(await readImportFile(renamed)).toMatchObject({ table: { headers: ['title', 'unit'] } });
  });

  it('is refused with its number of rows past what one import takes, and when it unpacks past the reading thread’s memory', async () => {
    const rows = Array.from({ length: maxImportRows + 1 }, (_, i) => `线索${i},汉台分局`);
    expect(await readImportFile(text(['标题,承办单位', ...rows].join('\n')))).toEqual({
      refused: { zh: '文件有 100001 行数据，一次最多导入 100000 行：请分成几个文件导入', en: 'The file has 100001 data rows; one import takes at most 100000: split it into several files' },
    });
    // The reading thread's own refusal (see tableReaderIn), past the memory it may take.
    const tooLarge = async (): Promise<Table> => {
      throw new TableTooLarge();
    };
    expect(await readImportFile(text('a,b'), tooLarge)).toMatchObject({ refused: { en: 'The file is too large once unpacked to be read: split it into several files' } });
  });
});
