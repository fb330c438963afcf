import type { Label } from '../../../engine';
import { importFields } from '../../contracts/intake';
import { headerAt, type Table } from './read-table';

/**
 * Which of a file's columns holds which field of a clue: the headers each
 * field is known by, the header row found under a title, and the mapping
 * a user chose, this campaign used last, or a guess.
 */
export { importFields };
export type ImportField = (typeof importFields)[number];
export type Mapping = Partial<Record<ImportField, string | null>>;

/** Header words each field is recognised by, in both languages. */
const synonyms: Record<ImportField, readonly string[]> = {
  sourceRef: ['编号', '线索编号', '来源编号', '原始编号', 'source id', 'id', 'ref', 'reference'],
  title: ['标题', '线索标题', '线索名称', '名称', 'title'],
  description: ['内容', '描述', '线索内容', '详情', '简要案情', 'description', 'details'],
  unit: ['单位', '承办单位', '责任单位', '所属单位', 'unit'],
  category: ['类别', '案件类别', '线索类别', 'category'],
  source: ['来源', '线索来源', 'source'],
  assignee: ['承办人', '责任人', 'assignee'],
  foundAt: ['发现时间', '发现日期', '受理时间', '接报时间', '登记时间', '日期', 'found at', 'found', 'date'],
};

export const importFieldLabels: Record<ImportField, Label> = {
  sourceRef: { zh: '来源编号', en: 'Source id' },
  title: { zh: '标题', en: 'Title' },
  description: { zh: '内容', en: 'Description' },
  unit: { zh: '承办单位', en: 'Unit' },
  category: { zh: '类别', en: 'Category' },
  source: { zh: '来源', en: 'Source' },
  assignee: { zh: '承办人', en: 'Assignee' },
  foundAt: { zh: '发现时间', en: 'Found at' },
};

/**
 * A header as the synonyms are written: full-width letters and brackets as
 * ASCII, lower case, without a required mark or a note in brackets
 * ("线索标题（必填）", "承办单位*", "发现时间(yyyy-mm-dd)").
 */
function headerWord(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g, '')
    .replace(/[*＊※]/g, '')
    .trim();
}

/** The header of `headers` recognised as `field`'s, or null. */
function recognised(headers: readonly string[], field: ImportField): string | null {
  const at = headers.findIndex((h) => synonyms[field].includes(headerWord(h)));
  return at === -1 ? null : (headers[at] ?? null);
}

/**
 * The table with its header where it is: the first row, unless that row
 * names neither a title nor a unit column and one of the next few does (a
 * sheet's title merged across the columns above the header, or a header in
 * two rows, a group's name above each column's).
 */
export function locateHeader(table: Table): Table {
  const names = (cells: readonly string[]) => recognised(cells, 'title') !== null && recognised(cells, 'unit') !== null;
  if (names(table.headers)) return table;
  const at = table.rows.slice(0, 10).findIndex(names);
  return at === -1 ? table : headerAt(table, at);
}

/** The mapping to use: what the user chose, else what this campaign used last, else a guess from the headers. */
export function resolveMapping(headers: readonly string[], chosen: Mapping | undefined, remembered: Mapping | null): Record<ImportField, string | null> {
  const guess = (field: ImportField) => recognised(headers, field);
  const usable = (header: string | null | undefined) => (header !== null && header !== undefined && headers.includes(header) ? header : null);
  return Object.fromEntries(
    importFields.map((field) => {
      if (chosen !== undefined && field in chosen) return [field, usable(chosen[field])];
      const last = remembered?.[field];
      return [field, usable(last) ?? guess(field)];
    }),
  ) as Record<ImportField, string | null>;
}
