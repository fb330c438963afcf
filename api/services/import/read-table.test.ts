import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { csvRows, readTable } from './read-table';

describe('a CSV whose cell opens a quote that nothing closes', () => {
  it('says so on its row and reads the rows below it, each counted, instead of one endless cell', () => {
    const read = csvRows(['标题,承办单位', '"线索甲,汉台分局', '线索乙,汉台分局', ''].join('\n'));
    expect(read.unclosedQuotes).toEqual([{ row: 2, column: 0 }]);
    expect(read.rowNumbers).toEqual([2, 3]);
    // The quote kept as text, its line split as the rest are.
    expect(read.rows).toEqual([
      ['"线索甲', '汉台分局'],
      ['线索乙', '汉台分局'],
    ]);
  });

  it('names the cell of the quote, keeps a quoted cell of two lines before it one row, and reads on past several', () => {
    const read = csvRows(['标题,承办单位', '"两\r\n行",汉台分局', '线索甲,"汉台分局', '', '线索乙,汉台分局', '"丙,丁'].join('\r\n'));
    expect(read.unclosedQuotes).toEqual([
      { row: 3, column: 1 },
      { row: 6, column: 0 },
    ]);
    expect(read.rowNumbers).toEqual([2, 3, 5, 6]);
    expect(read.rows[0]).toEqual(['两\r\n行', '汉台分局']);
  });

  it('finds the tabs of a tab-separated file in the lines above the quote, though its endless cell hid them', () => {
    const read = csvRows(['标题\t承办单位', '线索甲\t汉台分局', '"线索乙\t汉台分局', '线索丙\t汉台分局'].join('\n'));
    expect(read.headers).toEqual(['标题', '承办单位']);
    expect(read.rows).toEqual([
      ['线索甲', '汉台分局'],
      ['"线索乙', '汉台分局'],
      ['线索丙', '汉台分局'],
    ]);
    expect(read.unclosedQuotes).toEqual([{ row: 3, column: 0 }]);
  });

  it('reads a file of a quote opened on every line in one pass past the first few, every row still counted', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `"${i} 寸屏幕,汉台分局`);
    const read = csvRows(['标题,承办单位', ...lines].join('\n'));
    expect(read.rows).toHaveLength(5000);
    expect(read.unclosedQuotes.length).toBeGreaterThan(0);
    expect(read.rows[4999]).toEqual(['"4999 寸屏幕', '汉台分局']);
  });

  it('reads a well-formed file as before: a quote inside a cell is text, a doubled one in a quoted cell is one', () => {
    const read = csvRows(['标题,承办单位', '12" 屏幕,汉台分局', '"说""好""的",汉台分局'].join('\n'));
    expect(read.unclosedQuotes).toEqual([]);
    expect(read.rows).toEqual([
      ['12" 屏幕', '汉台分局'],
      ['说"好"的', '汉台分局'],
    ]);
  });
});

describe('a CSV whose quoted cell has text after its closing quote', () => {
  it('says so on its row and reads the lines below it as their own rows, where the cell ran on over them to the next quote', () => {
    const read = csvRows(['标题,承办单位,类别,来源', '"标题"多余,hantai,电信网络诈骗,other', '线索乙,hantai,,other', '线索丙,hantai,,other', '"线索丁",hantai,,other', '线索戊,hantai,,other'].join('\n'));
    expect(read.strayQuotes).toEqual([{ row: 2, column: 0 }]);
    expect(read.unclosedQuotes).toEqual([]);
    expect(read.rowNumbers).toEqual([2, 3, 4, 5, 6]);
    expect(read.rows).toEqual([
      ['"标题"多余', 'hantai', '电信网络诈骗', 'other'],
      ['线索乙', 'hantai', '', 'other'],
      ['线索丙', 'hantai', '', 'other'],
      ['线索丁', 'hantai', '', 'other'],
      ['线索戊', 'hantai', '', 'other'],
    ]);
  });

  it('says it as such with no quote after it in the file, and names the column of a cell after others, CRLF and a BOM as well', () => {
    expect(csvRows(['标题,承办单位', '"标题"多余,hantai', '线索乙,hantai'].join('\n'))).toMatchObject({ strayQuotes: [{ row: 2, column: 0 }], unclosedQuotes: [], rowNumbers: [2, 3] });
    const read = csvRows('\uFEFF' + ['标题,承办单位,来源', '"两\r\n行",hantai,other', '线索甲,"han"tai,other', '线索乙,hantai,"other"'].join('\r\n'));
    expect(read.strayQuotes).toEqual([{ row: 3, column: 1 }]);
    expect(read.rows).toEqual([
      ['两\r\n行', 'hantai', 'other'],
      ['线索甲', '"han"tai', 'other'],
      ['线索乙', 'hantai', 'other'],
    ]);
  });

  it('says a lone quote inside a quoted cell, which papaparse reads on one row as a guess, the same way', () => {
    const read = csvRows(['标题,承办单位', '"说"好"的",hantai', '线索乙,hantai'].join('\n'));
    expect(read.strayQuotes).toEqual([{ row: 2, column: 0 }]);
    expect(read.rowNumbers).toEqual([2, 3]);
  });

  it('reads well-formed quoting exactly as before: commas, doubled quotes and line breaks in quoted cells, a BOM, CRLF, a space after a closing quote', () => {
    const read = csvRows('\uFEFF' + ['标题,承办单位,简要案情', '"甲,乙",hantai,"他说""还钱""了"', '"第一行\r\n第二行",hantai,""', '"丙" ,hantai,内容', '', '丁,hantai,"末尾"'].join('\r\n') + '\r\n');
    expect(read).toMatchObject({ unclosedQuotes: [], strayQuotes: [], headers: ['标题', '承办单位', '简要案情'], rowNumbers: [2, 3, 4, 6] });
    expect(read.rows).toEqual([
      ['甲,乙', 'hantai', '他说"还钱"了'],
      ['第一行\r\n第二行', 'hantai', ''],
      ['丙', 'hantai', '内容'],
      ['丁', 'hantai', '末尾'],
    ]);
  });
});

describe('a CSV of many misplaced quotes', () => {
  it('reads the rows after a misplaced quote as the whole file has them: a quoted cell of many lines one cell, blank lines counted, the next fault far below named on its row, the rows after it every one', () => {
    const longCell = Array.from({ length: 300 }, (_, i) => `案情第${i}行`.padEnd(40, '。')).join('\n');
    const plain = (from: number, count: number) => Array.from({ length: count }, (_, i) => `线索${from + i},hantai`);
    const lines = ['标题,承办单位', '"标题"多余,hantai', ...plain(0, 400), `"${longCell}",hantai`, '', ...plain(400, 2000), '"末尾,hantai', ...plain(2400, 1000)];
    const read = csvRows(lines.join('\n'));
    expect(read.strayQuotes).toEqual([{ row: 2, column: 0 }]);
    expect(read.unclosedQuotes).toEqual([{ row: 2405, column: 0 }]);
    expect(read.rows).toEqual([['"标题"多余', 'hantai'], ...plain(0, 400).map((l) => l.split(',')), [longCell, 'hantai'], ...plain(400, 2000).map((l) => l.split(',')), ['"末尾', 'hantai'], ...plain(2400, 1000).map((l) => l.split(','))]);
    expect(read.rowNumbers.slice(400, 403)).toEqual([402, 403, 405]);
    expect(read.rowNumbers.at(-1)).toBe(3405);
  });

  it('reads a file of a misplaced quote on every line a few times over at most, not once more for each fault it names', () => {
    const text = ['标题,承办单位', ...Array.from({ length: 5000 }, (_, i) => `"标题${i}"多余,汉台分局`)].join('\n');
    const parse = vi.spyOn(Papa, 'parse');
    try {
      const read = csvRows(text);
      expect(read.strayQuotes).toHaveLength(20);
      expect(read.rows).toHaveLength(5000);
      expect(read.rows[4999]).toEqual(['"标题4999"多余', '汉台分局']);
      const charsRead = parse.mock.calls.reduce((sum, [input]) => sum + String(input).length, 0);
      expect(charsRead).toBeLessThan(4 * text.length);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('the delimiter of a CSV', () => {
  const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((ch) => ch.charCodeAt(0))).buffer)]);

  it("reads Excel's Unicode text of two columns (UTF-16, tabs, the blank line it ends with) by its tabs, not as one column", async () => {
    const table = await readTable(utf16le('标题\t承办单位\r\n线索甲\t汉台分局\r\n'));
    expect(table).toMatchObject({ format: 'csv-utf16', headers: ['标题', '承办单位'], rows: [['线索甲', '汉台分局']], rowNumbers: [2] });
  });

  it('reads a two-column file of semicolons, blank lines between and after its rows, by its semicolons, the blank rows counted', () => {
    const read = csvRows(['标题;承办单位', '线索甲;汉台分局', '', '线索乙;汉台分局', ''].join('\n'));
    expect(read).toMatchObject({ headers: ['标题', '承办单位'], rowNumbers: [2, 4] });
    expect(read.rows).toEqual([
      ['线索甲', '汉台分局'],
      ['线索乙', '汉台分局'],
    ]);
  });

  it('reads a file of commas by its commas though its titles hold tabs or semicolons, more of them than the columns', () => {
    const read = csvRows(['标题,承办单位', '线索\t甲,汉台分局', '线索;乙;丙,汉台分局', '线索;丁;戊,汉台分局', '线索;己;庚,汉台分局', ''].join('\n'));
    expect(read.headers).toEqual(['标题', '承办单位']);
    expect(read.rows).toEqual([
      ['线索\t甲', '汉台分局'],
      ['线索;乙;丙', '汉台分局'],
      ['线索;丁;戊', '汉台分局'],
      ['线索;己;庚', '汉台分局'],
    ]);
  });

  it('reads a file of one column as one column, a tab or a semicolon in a cell kept as text', () => {
    const read = csvRows(['标题', '线索\t甲', '线索;乙', '线索丙', ''].join('\r\n'));
    expect(read.headers).toEqual(['标题']);
    expect(read.rows).toEqual([['线索\t甲'], ['线索;乙'], ['线索丙']]);
  });
});
