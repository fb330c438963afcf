import type { Label } from '../../../engine';
import { normaliseLandline, normalisePhone } from '../../../engine/intake/identifiers';
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
 * A header as the synonyms are compared: full-width letters and brackets as
 * ASCII, lower case, without a required mark or a note in brackets
 * ("线索标题（必填）", "承办单位*", "发现时间(yyyy-mm-dd)"), and without
 * spaces or line breaks: a register's narrow columns wrap their names in
 * the cell (线索⏎标题, typed with Alt+Enter), and so read, no header was
 * found under the sheet's title and the file could not be mapped at all.
 */
function headerWord(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g, '')
    .replace(/[*＊※]/g, '')
    .replace(/\s+/g, '');
}

/** Each field's header words as compared (headerWord): "source id" as "sourceid". */
const knownWords = Object.fromEntries(Object.entries(synonyms).map(([field, words]) => [field, new Set(words.map(headerWord))])) as Record<ImportField, Set<string>>;

/** Whether `header` names `field`. */
const names = (header: string, field: ImportField) => knownWords[field].has(headerWord(header));

/** The header of `headers` recognised as `field`'s, or null. */
function recognised(headers: readonly string[], field: ImportField): string | null {
  const at = headers.findIndex((h) => names(h, field));
  return at === -1 ? null : (headers[at] ?? null);
}

/**
 * The table with its header where it is: the first row, unless that row
 * names neither a title nor a unit column and one of the next few does (a
 * sheet's title merged across the columns above the header, or a header in
 * two rows, a group's name above each column's).
 */
export function locateHeader(table: Table): Table {
  const isHeader = (cells: readonly string[]) => recognised(cells, 'title') !== null && recognised(cells, 'unit') !== null;
  if (isHeader(table.headers)) return withSubHeader(table);
  const at = table.rows.slice(0, 10).findIndex(isHeader);
  return at === -1 ? table : withSubHeader(headerAt(table, at));
}

/**
 * The header joined with the row under it when that row names the columns
 * of a group, as registers are often drawn in two rows: most columns named
 * in a cell merged down over both, a group's name (时间信息) merged across
 * the columns it heads, and each of those named below it (发现日期,
 * 登记日期). Read as rows, a merged cell is its text in every cell it
 * covers (a workbook) or in its first (a CSV), so the row under the header
 * holds only those copies, blanks, and the group's column names: taken as
 * data, it was a bad row of "承办单位" and "线索类别", and the columns of
 * the group were two of the same name, neither recognised (a found date
 * left out without a word).
 *
 * Any other text in that row, under a column named on its own (a clue's
 * title under 线索标题), makes it data, and the header stays as it was.
 */
export function withSubHeader(table: Table): Table {
  const [below] = table.rows;
  if (below === undefined) return table;
  const above = table.headers;
  const width = Math.max(above.length, below.length);
  const over = (i: number) => above[i] ?? '';
  /** A column under a name merged across it and its neighbours: blank, or the same as the name beside it. */
  const grouped = (i: number) => over(i) === '' || (i > 0 && over(i) === over(i - 1)) || (i + 1 < width && (over(i + 1) === '' || over(i + 1) === over(i)));
  const titleAt = above.findIndex((h) => names(h, 'title'));
  const named: number[] = [];
  for (let i = 0; i < width; i++) {
    const cell = (below[i] ?? '').trim();
    if (cell === '' || cell === over(i)) continue;
    // Under the title's column only a clue's title is written (a blank one is a bad row, not a header).
    if (!grouped(i) || i === titleAt) return table;
    named.push(i);
  }
  if (named.length === 0) return table;
  /** The group a column is in: its own name above, or, blank there, the nearest to its left. */
  const group = (i: number): string => (over(i) !== '' || i === 0 ? over(i) : group(i - 1));
  const joined = Array.from({ length: width }, (_, i) => (named.includes(i) ? (below[i] ?? '').trim() : over(i)));
  // A name given under two groups (金额 under 涉案 and 冻结) keeps its group's in front, so that each column is told apart.
  const headers = joined.map((name, i) => (named.includes(i) && joined.filter((other) => other === name).length > 1 && group(i) !== '' ? `${group(i)}·${name}` : name));
  return { ...table, headers, headerLastRow: table.rowNumbers[0] ?? table.headerRow + 1, rows: table.rows.slice(1), rowNumbers: table.rowNumbers.slice(1) };
}

/**
 * Header words of a column holding what the duplicate check and the search
 * find a clue by (phone numbers, accounts, addresses, ID numbers): registers
 * from the 110 platform and the banks keep them in columns of their own
 * (联系电话, 涉案银行卡号), not in the clue's text.
 */
const identifierHeader = /电话|手机|座机|固话|传真|号码|账号|账户|卡号|微信|qq|网址|网站|域名|链接|身份证|证件号|phone|mobile|(?<![a-z])tel|fax|account|url|website/;

/**
 * The columns no field takes whose header names phone numbers, accounts,
 * addresses or ID numbers, in the file's order: their cells are added to each
 * row's description, so that they are kept, searched and compared for
 * duplicates. Left out, a register's 联系电话 column was dropped without a
 * word, and a clue reported twice under the same number was never found.
 */
export function appendedColumns(headers: readonly string[], mapping: Record<ImportField, string | null>): string[] {
  const taken = new Set(Object.values(mapping));
  return headers.filter((h, i) => h !== '' && !taken.has(h) && headers.indexOf(h) === i && identifierHeader.test(headerWord(h)));
}

/** A number as Excel shows one too long for its column (1.39E+10), and a CSV saved from it keeps: its other digits gone. */
export const scientific = /^\d(?:\.\d+)?e\+\d+$/i;

/** A Chinese character: a header holding one is followed by the full-width colon. */
const hanCharacter = /\p{Script=Han}/u;

/** Header words of a column of telephone numbers, where a landline may stand. */
const telephoneHeader = /电话|座机|固话|传真|phone|(?<![a-z])tel|fax/;

/**
 * A landline whose leading 0 the spreadsheet dropped, with it put back: a
 * cell typed 09162621234 in a column of numbers is kept as 9162621234, and a
 * CSV saved from it writes that. Only in a column of telephone numbers, a
 * cell of digits alone that is no mobile number and is a landline once the
 * 0 is before it (an area code and a local number of its length); else null.
 */
export function zeroRestored(header: string, cell: string): string | null {
  if (!telephoneHeader.test(headerWord(header)) || !/^[1-9]\d{9,10}$/.test(cell) || normalisePhone(cell) !== null) return null;
  return normaliseLandline(`0${cell}`) === null ? null : `0${cell}`;
}

/** What a row's appended cells give: lines of its description, numbers whose digits are lost, and landlines given back their 0. */
export interface AppendedCells {
  readonly lines: string[];
  readonly lost: { header: string; cell: string }[];
  readonly restored: { header: string; cell: string }[];
}

/** A row's cells of the appended columns as lines of its description ("联系电话：139…"), and those holding a number whose digits are lost. */
export function appendedCells(headers: readonly string[], cells: readonly string[], appended: readonly string[]): AppendedCells {
  const lines: string[] = [];
  const lost: { header: string; cell: string }[] = [];
  const restored: { header: string; cell: string }[] = [];
  for (const header of appended) {
    const written = (cells[headers.indexOf(header)] ?? '').trim();
    if (written === '') continue;
    if (scientific.test(written)) lost.push({ header, cell: written });
    const landline = zeroRestored(header, written);
    if (landline !== null) restored.push({ header, cell: landline });
    // As the header is written: 联系电话：139…, Phone: 139… (a full-width colon after a Latin word read as a typo).
    lines.push(`${header}${hanCharacter.test(header) ? '：' : ': '}${landline ?? written}`);
  }
  return { lines, lost, restored };
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
