import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { categories, importedClues, units, users } from '../../../db/schema';
import {
  clueFieldsSchema,
  clueSourceLabels,
  clueSources,
  creationRefusal,
  extractIdentifiers,
  foundBeforeCampaign,
  movesItems,
  parseLocalDateTime,
  refusalLabels,
  validate,
  type Actor,
  type ClueSource,
  type Identifier,
  type Label,
} from '../../../engine';
import { ApiError } from '../../errors';
import { itemRulesOf, type CampaignRow } from '../campaign-rules';
import { duplicatesOfMany } from '../duplicates';
import { letOthersIn } from '../let-others-in';
import { readUnits } from '../unit-list';
import { assigneeRefusal, unitRefusal } from '../references';
import type { ImportProgress } from './import-progress';
import { appendedCells, appendedColumns, importFieldLabels, importFields, scientific, type ImportField } from './import-columns';
import { offerMerges } from './import-merges';
import { lookUp } from './name-lookup';
import { unitReader, unitsToFileTo } from './unit-names';
import { wordForWordCopies } from './word-for-word';
import { quoteFaults, type Table } from './read-table';
import { choiceList, shortChoiceList } from './choice-list';

/*
 * An import's check of its rows (the preview's whole work, and the commit's first step): each row read against the
 * mapping, the campaign's units, categories and people, and what the importer may create, and the duplicates found.
 */

export interface RowIssue {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  readonly row: number;
  /** The file's column header, or '' where there is none (a required column missing, a merge chosen). */
  readonly column: string;
  /** What the issue is about where no column names it: the page shows that field's name in the reader's language. */
  readonly field?: ImportField | 'merge';
  readonly reason: Label;
}

/** A column's landlines given back their 0: how many rows, and the first as it is imported. */
interface RestoredZeros {
  readonly column: string;
  rows: number;
  readonly firstRow: number;
  readonly value: string;
}

export interface ImportPlan {
  readonly format: Table['format'];
  readonly sheet?: Table['sheet'];
  readonly headerRow: number;
  readonly headerLastRow: number;
  readonly headers: string[];
  readonly mapping: Record<ImportField, string | null>;
  /** Columns of phone numbers, accounts, addresses or ID numbers no field takes: added to each row's description. */
  readonly appendedColumns: string[];
  /** Columns of telephone numbers whose landlines the spreadsheet had stored without their leading 0, given it back. */
  readonly restoredZeros: RestoredZeros[];
  /**
   * Rows to be imported whose found time lies before the campaign began (its survey window's first day, `campaignStart`):
   * imported as written, a clue carried over, but said, as a year mistyped would otherwise be seen by no one. Absent when none is.
   */
  readonly foundBeforeCampaign?: { readonly column: string; readonly campaignStart: string; readonly rows: number[] };
  readonly rows: number;
  readonly valid: number;
  readonly issues: RowIssue[];
  /** Rows whose source id was imported before: skipped, not created again. */
  readonly alreadyImported: number[];
  /**
   * Rows sharing an identifier with clues already in the campaign, and the
   * clues the importer may merge each into: those not merged themselves (a
   * merged one stands for the clue it was merged into), of the row's unit
   * unless the office imports.
   */
  readonly duplicates: { row: number; clueIds: number[]; mergeInto: number[]; matched: Identifier[] }[];
  /** The existing clues `duplicates` names: each one's unit and state, and its title where the importer may read it (null elsewhere). */
  readonly duplicateClues: { id: number; unitId: string; state: string; title: string | null }[];
  /** Rows sharing an identifier with an earlier row of the same file. */
  readonly duplicatesInFile: { row: number; sameAs: number }[];
  /** Rows of a cell opening a quote that nothing closes (each also an issue): the file is not read as written, and none of it is imported. */
  readonly unclosedQuotes: number[];
  /** Rows of a quoted cell with text after its closing quote, or a lone quote inside (each also an issue): as `unclosedQuotes`. */
  readonly strayQuotes: number[];
}

export interface PlannedRow {
  readonly row: number;
  readonly sourceRef: string | null;
  readonly unitId: string;
  readonly assigneeId: number | null;
  readonly foundAt: Date | undefined;
  readonly fields: { title: string; description: string; categoryId: number | null; source: ClueSource };
  /** Found once in the title and description: for the duplicate check, then stored with the clue. */
  readonly identifiers: readonly Identifier[];
}

const issue = (row: number, column: string, zh: string, en: string): RowIssue => ({ row, column, reason: { zh, en } });
/** A number the spreadsheet kept only the first digits of (written 1.39E+10, or a long one read past Excel's 15 digits). */
const lostNumber = (row: number, column: string, cell: string): RowIssue =>
  issue(row, column, `号码被表格写成了科学计数法“${cell}”，位数已丢失：请将该列设为文本格式后重新导出`, `The spreadsheet wrote the number as "${cell}", losing its digits: format the column as text and export it again`);

/** What the plan says of the file as read: its format, the sheet read, and the row the header was found on. */
const shape = (table: Table) => ({
  format: table.format,
  ...(table.sheet !== undefined && { sheet: table.sheet }),
  headerRow: table.headerRow,
  headerLastRow: table.headerLastRow ?? table.headerRow,
  headers: table.headers,
  unclosedQuotes: (table.unclosedQuotes ?? []).map((q) => q.row),
  strayQuotes: (table.strayQuotes ?? []).map((q) => q.row),
});

export type OnProgress = (progress: ImportProgress) => void;

/** The sources a file may name, as its reader is told them. */
const sourceChoices = choiceList(clueSources.map((s) => clueSourceLabels[s]));

/** The units a refused unit cell is told of, at most: a bureau's every police station, on every such row, is read by no one. */
const unitChoicesListed = 30;

/** Rows checked or created between turns given to other requests (see letOthersIn): a few milliseconds of work. */
export const rowsBetweenTurns = 500;

/**
 * Validates every row against the mapping, the campaign's units, categories
 * and people, and what the importer may create (as the commit's engine
 * decision will: a unit lead files to their own units only); writes nothing.
 */
export async function planImport(
  db: Db | Tx,
  campaign: CampaignRow,
  table: Table,
  mapping: Record<ImportField, string | null>,
  actor: Actor,
  now: Date,
  progress?: OnProgress,
): Promise<{ plan: ImportPlan; rows: PlannedRow[] }> {
  const campaignId = campaign.id;
  const { timeZone } = campaign.config;
  // Refusals of the whole file, said once rather than on every row.
  if (!movesItems(actor.role)) throw new ApiError('role_forbidden', { reason: { zh: '您的角色不能导入线索', en: 'Your role cannot import clues' } });
  if (itemRulesOf(campaign).campaignConcluded) throw new ApiError('campaign_concluded', { reason: refusalLabels.campaign_concluded });
  const [unitRows, unitsInOrder, categoryRows, userRows, imported] = await Promise.all([
    db.select().from(units),
    readUnits(db),
    db.select().from(categories).where(eq(categories.campaignId, campaignId)),
    db.select({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId, role: users.role, disabledAt: users.disabledAt }).from(users),
    db.select({ sourceRef: importedClues.sourceRef }).from(importedClues).where(eq(importedClues.campaignId, campaignId)),
  ]);
  const unitNamed = unitReader(unitRows);
  const categoryOf = new Map<string, number>();
  for (const c of categoryRows.filter((c) => c.retiredAt === null)) for (const key of [c.code, c.nameZh, c.nameEn.toLowerCase()]) categoryOf.set(key, c.id);
  // A retired category is still the campaign's: a row naming one is told so, not that it does not exist.
  const retiredCategoryOf = new Map<string, number>();
  for (const c of categoryRows.filter((c) => c.retiredAt !== null)) for (const key of [c.code, c.nameZh, c.nameEn.toLowerCase()]) retiredCategoryOf.set(key, c.id);
  const openCategories = categoryRows.filter((c) => c.retiredAt === null);
  const categoryChoices = choiceList(openCategories.map((c) => ({ zh: c.nameZh, en: c.nameEn })));
  // Said with the units the importer may file to, as a category is with the campaign's: a unit misspelt, or one of
  // another system's (火星分局), is fixed only by knowing which names this one takes. A lead is told their own units.
  const fileable = unitsToFileTo(unitsInOrder, actor);
  const unitChoices = shortChoiceList(fileable.map((u) => ({ zh: u.nameZh, en: u.nameEn })), unitChoicesListed);
  // What a column may hold is said once for each word it does not take, at its first row; its other rows point there: a
  // file of 5,000 rows naming 火星分局 repeated thirty units' names 5,000 times, in the page's list and the problems' CSV.
  const listedAt = new Map<string, number>();
  const unknown = (row: number, column: ImportField, text: string, said: Label, list: Label): RowIssue => {
    const key = `${column}\u0000${text}`;
    const first = listedAt.get(key);
    if (first === undefined) listedAt.set(key, row);
    const choices = first === undefined ? { zh: `（可填：${list.zh}）`, en: ` (write one of: ${list.en})` } : { zh: `（可填项见第 ${first} 行）`, en: ` (for what to write, see row ${first})` };
    return issue(row, mapping[column] ?? '', `${said.zh}${choices.zh}`, `${said.en}${choices.en}`);
  };
  const sourceOf = new Map<string, ClueSource>();
  // A platform is also written by its number alone (110, 12337), as the platforms' own exports do.
  for (const s of clueSources) for (const key of [s.toLowerCase(), clueSourceLabels[s].zh, clueSourceLabels[s].zh.replace(/平台$/, ''), clueSourceLabels[s].en.toLowerCase()]) sourceOf.set(key, s);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const userOf = new Map<string, (typeof userRows)[number]>();
  for (const u of userRows) for (const key of [u.username, u.displayName]) userOf.set(key, u);
  const seenRefs = new Set(imported.map((r) => r.sourceRef));

  const issues: RowIssue[] = [];
  const planned: PlannedRow[] = [];
  const alreadyImported: number[] = [];
  const refsInFile = new Map<string, number>();
  // A quote never closed, or closed with text after it, is said on its row, once (the row's other cells are not what its
  // writer meant); one above the data (in the header, or a title row over it) is said before the rest.
  const misquotedAt = new Map(quoteFaults(table).map((q) => [q.row, issue(q.row, table.headers[q.column] ?? '', q.reason.zh, q.reason.en)]));
  const dataRows = new Set(table.rowNumbers);
  for (const [row, misquoted] of misquotedAt) if (!dataRows.has(row)) issues.push(misquoted);
  const unreadable = issues.length;
  for (const field of ['title', 'unit'] as const) {
    if (mapping[field] === null) issues.push({ ...issue(table.headerRow, '', `缺少必需的列：${importFieldLabels[field].zh}`, `A required column is missing: ${importFieldLabels[field].en}`), field });
  }
  const appended = appendedColumns(table.headers, mapping);
  // Landlines given back the 0 a spreadsheet dropped, by column: the page says it was done, and where to see one.
  const restoredZeros = new Map<string, RestoredZeros>();
  const foundBefore: number[] = [];
  if (issues.length > unreadable) {
    // The rows are not checked without a title and a unit to read; a quote at fault among them is still said.
    for (const [row, misquoted] of misquotedAt) if (dataRows.has(row)) issues.push(misquoted);
    return { plan: { ...shape(table), mapping, appendedColumns: appended, restoredZeros: [], rows: table.rows.length, valid: 0, issues, alreadyImported, duplicates: [], duplicateClues: [], duplicatesInFile: [] }, rows: [] };
  }

  const at = (cells: string[], field: ImportField) => {
    const header = mapping[field];
    if (header === null) return '';
    return (cells[table.headers.indexOf(header)] ?? '').trim();
  };
  for (const [index, cells] of table.rows.entries()) {
    if (index % rowsBetweenTurns === 0 && index > 0) {
      progress?.({ stage: 'checking', done: index, total: table.rows.length });
      await letOthersIn();
    }
    const row = table.rowNumbers[index] ?? index + 2;
    const misquoted = misquotedAt.get(row);
    if (misquoted !== undefined) {
      issues.push(misquoted);
      continue;
    }
    const before = issues.length;
    const sourceRef = at(cells, 'sourceRef') || null;
    // A source id the spreadsheet turned into 1.39E+10 is no id: another row's may have become the same.
    if (sourceRef !== null && scientific.test(sourceRef)) issues.push(lostNumber(row, mapping.sourceRef ?? '', sourceRef));
    if (sourceRef !== null) {
      const earlier = refsInFile.get(sourceRef);
      if (earlier !== undefined) issues.push(issue(row, mapping.sourceRef ?? '', `与第 ${earlier} 行编号重复`, `Same source id as row ${earlier}`));
      // Every repeat names the id's first row, the one the user goes back to: a third named the second, itself a repeat.
      else refsInFile.set(sourceRef, row);
      // Each row in one bucket, so that the counts add up to the file's rows. A row whose id is refused above (its digits
      // lost, or an earlier row's) is an error, not "imported before": it never was, only the row its id stood for, and
      // skipped as imported it would be lost without a word, where the first upload told what to fix in it.
      if (seenRefs.has(sourceRef) && issues.length === before) {
        alreadyImported.push(row);
        continue;
      }
    }
    // A formula's error shown as the cell's value (#N/A of a lookup that found nothing): a fault of the sheet, not a
    // clue's text; imported, a title read "#N/A" and a description was left empty without a word.
    const erroredColumns = new Set<string>();
    for (const field of importFields) {
      const text = at(cells, field);
      if (!excelError.test(text)) continue;
      issues.push(issue(row, mapping[field] ?? '', `单元格是公式的错误值 ${text}，请先在表格中改正`, `The cell holds a formula's error, ${text}: correct it in the spreadsheet first`));
      erroredColumns.add(mapping[field] ?? '');
    }
    const errorIssues = issues.length;
    const unitText = at(cells, 'unit');
    const unitRead = unitText === '' ? null : unitNamed(unitText);
    const unitId = unitRead !== null && 'unitId' in unitRead ? unitRead.unitId : undefined;
    if (unitText === '') issues.push(issue(row, mapping.unit ?? '', '承办单位不能为空', 'The unit is required'));
    else if (unitRead !== null && 'ambiguous' in unitRead) issues.push({ row, column: mapping.unit ?? '', reason: unitRead.ambiguous });
    else if (unitId === undefined) {
      issues.push(
        fileable.length === 0
          ? issue(row, mapping.unit ?? '', `没有这个单位：“${unitText}”`, `No such unit: "${unitText}"`)
          : unknown(row, 'unit', unitText, { zh: `没有这个单位：“${unitText}”`, en: `No such unit: "${unitText}"` }, unitChoices),
      );
    }
    const unitRefused = unitId === undefined ? undefined : unitRefusal(unitById.get(unitId), unitId);
    // As a clue made on the board is checked (checkReferences): a retired unit takes no new work.
    if (unitRefused !== undefined) issues.push({ row, column: mapping.unit ?? '', reason: { zh: `${unitRefused.zh}：“${unitText}”`, en: `${unitRefused.en}: "${unitText}"` } });
    const categoryText = at(cells, 'category');
    const categoryId = categoryText === '' ? null : lookUp(categoryOf, categoryText);
    // Said with the campaign's categories, as the sources are: a register's own word (诈骗) is fixed only by knowing the campaign's.
    if (categoryId === undefined && lookUp(retiredCategoryOf, categoryText) !== undefined) {
      // As a clue made on the board is checked (checkReferences): a retired category takes no new clues.
      issues.push(unknown(row, 'category', categoryText, { zh: `该类别已停用，不再用于新事项：“${categoryText}”`, en: `That category is retired and takes no new items: "${categoryText}"` }, categoryChoices));
    } else if (categoryId === undefined) {
      issues.push(unknown(row, 'category', categoryText, { zh: `没有这个类别：“${categoryText}”`, en: `No such category: "${categoryText}"` }, categoryChoices));
    }
    const sourceText = at(cells, 'source');
    const source = sourceText === '' ? 'other' : lookUp(sourceOf, sourceText);
    if (source === undefined) {
      // Say what the column may hold: a tip-off written "群众举报" is fixed only by knowing it came through 110 or 12337.
      issues.push(unknown(row, 'source', sourceText, { zh: `无法识别的来源：“${sourceText}”`, en: `Unknown source: "${sourceText}"` }, sourceChoices));
    }
    const assigneeText = at(cells, 'assignee');
    const assignee = assigneeText === '' ? null : lookUp(userOf, assigneeText);
    if (assignee === undefined) issues.push(issue(row, mapping.assignee ?? '', `没有这个用户：“${assigneeText}”`, `No such user: "${assigneeText}"`));
    const assigneeRefused = assignee === undefined || assignee === null || unitId === undefined ? undefined : assigneeRefusal(assignee, unitId, unitRows);
    if (assigneeRefused !== undefined) issues.push({ row, column: mapping.assignee ?? '', reason: { zh: `${assigneeRefused.zh}：“${assigneeText}”`, en: `${assigneeRefused.en}: "${assigneeText}"` } });
    const foundText = at(cells, 'foundAt');
    const foundAt = foundText === '' ? undefined : parseLocalDateTime(foundText, timeZone);
    if (foundAt === null) {
      issues.push(issue(row, mapping.foundAt ?? '', `无法识别的日期：“${foundText}”（应如 2026-03-05 或 2026-03-05 10:30）`, `Not a date: "${foundText}" (write e.g. 2026-03-05 or 2026-03-05 10:30)`));
    } else if (foundAt !== undefined && foundAt.getTime() > now.getTime()) {
      issues.push(issue(row, mapping.foundAt ?? '', `发现时间晚于现在：“${foundText}”`, `The time found is in the future: "${foundText}"`));
    }
    // A title is one line: a spreadsheet's cell may hold line breaks (Alt+Enter), taken as spaces rather than refused.
    // eslint-disable-next-line no-control-regex
    const title = at(cells, 'title').replace(/\s*[\u0000-\u001f\u007f-\u009f\u2028\u2029]+\s*/g, ' ');
    const numbers = appendedCells(table.headers, cells, appended);
    for (const { header, cell } of numbers.lost) issues.push(lostNumber(row, header, cell));
    for (const { header, cell } of numbers.restored) {
      const column = restoredZeros.get(header);
      if (column === undefined) restoredZeros.set(header, { column: header, rows: 1, firstRow: row, value: cell });
      else column.rows += 1;
    }
    const description = [at(cells, 'description'), ...numbers.lines].filter((part) => part !== '').join('\n');
    const fields = { title, description, categoryId: categoryId ?? null, source: source ?? 'other' };
    const checked = validate(clueFieldsSchema, fields);
    if (!checked.ok) {
      for (const f of checked.fields) {
        const column = mapping[(f.field === 'categoryId' ? 'category' : f.field) as ImportField] ?? f.field;
        issues.push({ row, column, reason: f.message });
      }
    }
    // Who may create it there, asked before the commit asks the engine (which would refuse the whole file then).
    if (issues.length === before && unitId !== undefined) {
      const refused = creationRefusal(actor, { unitId, assigneeId: assignee?.id ?? null }, false);
      if (refused !== null) {
        const onAssignee = refused.refusal.fields?.some((f) => f.field === 'assigneeId') === true;
        // The field's own message with the cell it is about ("只能在本单位或下属单位新建：“反诈中心”"), not the
        // general "this item is outside your unit", which does not say where a lead may import.
        const said = refused.refusal.fields?.[0]?.message;
        const text = onAssignee ? assigneeText : unitText;
        const reason = said === undefined ? refused.refusal.reason : { zh: `${said.zh}：“${text}”`, en: `${said.en}: "${text}"` };
        issues.push({ row, column: (onAssignee ? mapping.assignee : mapping.unit) ?? '', reason });
      }
    }
    // Said once, as the formula's error: not again as no such category or unit named "#N/A".
    if (erroredColumns.size > 0) issues.splice(errorIssues, issues.length - errorIssues, ...issues.slice(errorIssues).filter((i) => !erroredColumns.has(i.column)));
    if (issues.length === before && unitId !== undefined && checked.ok) {
      const fields = checked.data as PlannedRow['fields'];
      const identifiers = extractIdentifiers(`${fields.title}\n${fields.description}`);
      planned.push({ row, sourceRef, unitId, assigneeId: assignee?.id ?? null, foundAt: foundAt ?? undefined, fields, identifiers });
      // Of the rows to be imported only: a row refused for something else is said with this once it is mended.
      if (foundAt !== undefined && foundAt !== null && foundBeforeCampaign(foundAt, campaign.config)) foundBefore.push(row);
    }
  }

  // Duplicates: against the campaign, and within the file (first row wins).
  const identifiersOf = planned.map((p) => p.identifiers);
  const existing = await duplicatesOfMany(db, campaignId, identifiersOf);
  const copies = await wordForWordCopies(db, campaignId, planned);
  const duplicates: ImportPlan['duplicates'] = [];
  const duplicatesInFile: ImportPlan['duplicatesInFile'] = [];
  const firstRowOf = new Map<string, number>();
  planned.forEach((p, i) => {
    const ids = new Set<number>(copies.get(i));
    // Which of its numbers the clues it repeats hold too: the page says them, so the importer sees why it is a duplicate.
    const matched: Identifier[] = [];
    let sameAs: number | null = null;
    for (const identifier of identifiersOf[i] ?? []) {
      const key = `${identifier.kind}:${identifier.value}`;
      const holders = existing.get(key) ?? [];
      if (holders.length > 0) matched.push(identifier);
      for (const id of holders) ids.add(id);
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, p.row);
      else sameAs ??= first;
    }
    // A row pasted twice (the same title and description for the same unit) names no identifier to find it by.
    const copy = `row:${p.unitId}\u0000${p.fields.title}\u0000${p.fields.description}`;
    const original = firstRowOf.get(copy);
    if (original === undefined) firstRowOf.set(copy, p.row);
    else sameAs ??= original;
    if (ids.size > 0) duplicates.push({ row: p.row, clueIds: [...ids].sort((a, b) => a - b), mergeInto: [], matched });
    if (sameAs !== null) duplicatesInFile.push({ row: p.row, sameAs });
  });
  const duplicateClues = await offerMerges(db, actor, duplicates, planned);

  return {
    plan: {
      ...shape(table),
      mapping,
      appendedColumns: appended,
      restoredZeros: [...restoredZeros.values()],
      ...(foundBefore.length > 0 && { foundBeforeCampaign: { column: mapping.foundAt ?? '', campaignStart: campaign.config.windows.survey.start, rows: foundBefore } }),
      rows: table.rows.length,
      valid: planned.length,
      issues,
      alreadyImported,
      duplicates,
      duplicateClues,
      duplicatesInFile,
    },
    rows: planned,
  };
}

/** The errors a spreadsheet's formula shows in its cell (as an XLSX stores them, and a CSV saved from it writes them). */
const excelError = /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/;
