import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tableCsv, tableXlsx } from './export-table';

describe('exported cells', () => {
  it('quotes text that spreadsheet software would run as a formula, and leaves the rest alone', () => {
    const cells = ['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=1', '\r=1', '汉台分局', 'a=b', ' =1', ''];
    const [read] = Papa.parse<string[]>(tableCsv([cells]).slice(1)).data;
    expect(read).toEqual([...cells.slice(0, 6).map((c) => `'${c}`), '汉台分局', 'a=b', ' =1', '']);
    expect(Papa.parse<string[]>(tableCsv([[-5, null]]).slice(1)).data).toEqual([['-5', '']]);
  });

  it('writes CSV with a byte order mark and XLSX with string cells, both reading back as given', async () => {
    const table = [['标题', '数'], ['=HYPERLINK("http://x")', -3], ['汉台', null]];
    const csv = tableCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Papa.parse<string[]>(csv.slice(1)).data).toEqual([['标题', '数'], ['\'=HYPERLINK("http://x")', '-3'], ['汉台', '']]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableXlsx(table, '清单', { widths: [30, 8] })).buffer);
    const sheet = workbook.getWorksheet('清单');
    const formula = sheet?.getRow(2).getCell(1);
    expect(formula?.type).toBe(ExcelJS.ValueType.String);
    expect(formula?.value).toBe('=HYPERLINK("http://x")');
    expect(sheet?.getRow(2).getCell(2).value).toBe(-3);
    expect(sheet?.getRow(1).font?.bold ?? sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
  });
});
