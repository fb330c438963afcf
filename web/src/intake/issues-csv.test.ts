import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { issuesCsv } from './issues-csv';

describe('the problems of a check as a CSV', () => {
  it('are headed in the page language and read back as given, with a byte order mark; a formula-like cell as text', () => {
    const csv = issuesCsv(['行号', '列', '问题'], [
      [4, '承办单位', '没有这个单位：“火星分局”，请填写本专项行动的单位'],
      [7, '=HYPERLINK("x")', '必填，含逗号, 和"引号"'],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data).toEqual([
      ['行号', '列', '问题'],
      ['4', '承办单位', '没有这个单位：“火星分局”，请填写本专项行动的单位'],
      ['7', `'=HYPERLINK("x")`, '必填，含逗号, 和"引号"'],
    ]);
  });
});
