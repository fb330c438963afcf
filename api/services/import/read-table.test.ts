import { describe, expect, it } from 'vitest';
import { csvRows } from './read-table';

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
