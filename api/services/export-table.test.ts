import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rowsBetweenTurns, tableCsv, tableXlsx } from './export-table';

describe('exported cells', () => {
  it('quotes text that spreadsheet software would run as a formula, and leaves the rest alone', async () => {
    // A cell of more than one line too (a title typed in Excel with Alt+Enter): papaparse's own test reads one line only.
    const cells = ['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")\n下一行', '@SUM(1+1)\r\n换行', '汉台分局', 'a=b', ' =1', ''];
    const [read] = Papa.parse<string[]>((await tableCsv([cells])).slice(1)).data;
    expect(read).toEqual([...cells.slice(0, 8).map((c) => `'${c}`), '汉台分局', 'a=b', ' =1', '']);
    expect(Papa.parse<string[]>((await tableCsv([[-5, null]])).slice(1)).data).toEqual([['-5', '']]);
  });

  it('writes CSV with a byte order mark and XLSX with string cells, both reading back as given', async () => {
    const table = [['标题', '数'], ['=HYPERLINK("http://x")', -3], ['汉台', null]];
    const csv = await tableCsv(table);
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

  it('prints landscape on A4 with the header row and the frozen columns on every page; a narrow table one page wide', async () => {
    const printed = async (columns: number, layout: Parameters<typeof tableXlsx>[2] = {}) => {
      const table = [Array.from({ length: columns }, (_, i) => `列${i}`), Array.from({ length: columns }, (_, i) => i)];
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await tableXlsx(table, '报告', layout)).buffer);
      return workbook.getWorksheet('报告')?.pageSetup;
    };
    // A report: three lines of heading and a blank row above its header row; its scope's name frozen.
    const report = await printed(34, { heading: ['汉中市专项行动', '摸排核查阶段', '截至 2026年3月31日'] });
    expect(report).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '5:5', printTitlesColumn: 'A:A' });
    expect(report?.fitToPage).toBeFalsy();
    const list = await printed(12, { frozenColumns: 2 });
    expect(list).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1', printTitlesColumn: 'A:B', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('writes a table longer than it writes between turns exactly as in one piece', async () => {
    const table = [['编号', '标题'], ...Array.from({ length: 2 * rowsBetweenTurns + 7 }, (_, i) => [i, i % 3 === 0 ? `=危险${i}` : `线索,"${i}"\n第二行`])];
    const csv = await tableCsv(table);
    expect(csv).toBe(`\uFEFF${Papa.unparse(table, { escapeFormulae: true })}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableXlsx(table, '清单')).buffer);
    const sheet = workbook.getWorksheet('清单');
    expect(sheet?.rowCount).toBe(table.length);
    expect(sheet?.getRow(table.length).getCell(2).value).toBe(table.at(-1)?.[1]);
  });
});
