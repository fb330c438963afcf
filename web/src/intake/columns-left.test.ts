import { describe, expect, it } from 'vitest';
import { columnsLeft } from './columns-left';

describe("the columns an import leaves out", () => {
  it('are those no field takes and the description does not, each once, unnamed ones not counted', () => {
    const plan = {
      headers: ['序号', '标题', '承办单位', '联系电话', '备注', '', '备注'],
      mapping: { title: '标题', unit: '承办单位', foundAt: null },
      appendedColumns: ['联系电话'],
    };
    expect(columnsLeft(plan)).toEqual(['序号', '备注']);
  });

  it('are none when every column is taken', () => {
    expect(columnsLeft({ headers: ['标题', '承办单位'], mapping: { title: '标题', unit: '承办单位' }, appendedColumns: [] })).toEqual([]);
  });
});
