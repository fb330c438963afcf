import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../engine';
import { reportIndents, reportXlsx } from './report-export';

// A row's figures are not what is tested here: every unit's row is the same empty one.
const row = buildReport([], { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', asOf: '2026-04-01T00:00:00.000Z' }).total;
const label = (zh: string) => ({ zh, en: zh });
const names = {
  units: new Map([
    ['office', label('汉中市公安局')],
    ['hantai', label('汉台分局')],
    ['beiguan', label('北关派出所')],
    ['nanzheng', label('南郑分局')],
  ]),
  unitDepths: new Map([
    ['office', 0],
    ['hantai', 1],
    ['beiguan', 2],
    ['nanzheng', 1],
  ]),
};

describe("a report workbook's unit rows", () => {
  it('are indented by their depth in the tree, in the order the table lists them, a unit the tree no longer has last and not indented', () => {
    const indents = reportIndents({ byUnit: { nanzheng: row, gone: row, beiguan: row, hantai: row, office: row } }, names);
    // Row 0 is the table's header.
    expect([...indents]).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 1],
      [5, 0],
    ]);
  });

  it("start a branch's report at its own row: its stations one step in", () => {
    expect([...reportIndents({ byUnit: { beiguan: row, hantai: row } }, names)]).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('are written so: the first cell of each indented row carries its indent, the others none', async () => {
    const table = [['范围', '发现线索'], ['单位：汉中市公安局', 3], ['单位：汉台分局', 2], ['单位：北关派出所', 1], ['合计', 3]];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(table, '阶段总结', [], null, new Map([[1, 0], [2, 1], [3, 2]]))).buffer);
    const sheet = workbook.getWorksheet('阶段总结');
    expect([2, 3, 4, 5].map((r) => sheet?.getRow(r).getCell(1).alignment?.indent)).toEqual([undefined, 1, 2, undefined]);
    expect(sheet?.getRow(4).getCell(2).alignment?.indent).toBeUndefined();
  });
});
