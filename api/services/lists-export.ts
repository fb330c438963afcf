import { clueSourceLabels, clueStateLabels, problemKindLabels, problemStateLabels, zoneOffsetMs, type Label } from '../../engine';
import {
  deadlineLabels,
  itemKindLabels,
  listColumnLabels,
  listColumns,
  listTitles,
  unassignedLabel,
  uncategorisedLabel,
  type ListColumn,
  type ListItem,
  type ListName,
} from '../contracts/lists';
import { rowsBetweenTurns, tableCsv, tableXlsx, type Cell } from './export-table';
import { letOthersIn } from './let-others-in';
import { exportDay, zoneZh, type ExportNames } from './export-names';

type Lang = 'zh' | 'en';

/** The names a list's export writes: see exportNames. */
export type ListNames = ExportNames;

const labelIn = (labels: Readonly<Record<string, Label>>, key: string | null, lang: Lang): string => (key === null ? '' : (labels[key]?.[lang] ?? key));

/** An instant as the office writes it, in the campaign's zone: 2026-06-15 10:00. */
export function localDateTime(at: string | null, timeZone: string): string {
  if (at === null) return '';
  const ms = Date.parse(at);
  return new Date(ms + zoneOffsetMs(timeZone, ms)).toISOString().slice(0, 16).replace('T', ' ');
}

function cellOf(column: ListColumn, item: ListItem, names: ListNames, lang: Lang, timeZone: string): Cell {
  switch (column) {
    case 'id':
      return item.id;
    case 'title':
      return item.title;
    case 'state':
      return labelIn(item.kind === 'clue' ? clueStateLabels : problemStateLabels, item.state, lang);
    case 'unit':
      return names.units.get(item.unitId)?.[lang] ?? item.unitId;
    case 'category':
      return item.categoryId === null ? uncategorisedLabel[lang] : (names.categories.get(item.categoryId)?.[lang] ?? String(item.categoryId));
    case 'assignee':
      return item.assigneeName ?? unassignedLabel[lang];
    case 'source':
      return labelIn(clueSourceLabels, item.source, lang);
    case 'problemKind':
      return labelIn(problemKindLabels, item.source, lang);
    case 'caseNumber':
      return item.caseNumber;
    case 'kind':
      return itemKindLabels[item.kind][lang];
    case 'foundAt':
      return localDateTime(item.foundAt, timeZone);
    case 'enteredAt':
      return localDateTime(item.enteredAt, timeZone);
    case 'lastNoteAt':
      return localDateTime(item.lastNoteAt, timeZone);
    case 'dueAt':
      // The last day the item has, as the board says it: a deadline is the end of a local day, and its instant the next day's 00:00.
      return item.dueAt === null ? '' : localDateTime(new Date(Date.parse(item.dueAt) - 1).toISOString(), timeZone).slice(0, 10);
    case 'level':
      // A closed item has no deadline left to keep.
      return item.dueAt === null ? '' : deadlineLabels[item.level as 0 | 1 | 2 | 3][lang];
  }
}

/** A list as a table: the headings in the user's language, then one row per item with names, labels and local times. */
export async function listTable(list: ListName, items: readonly ListItem[], names: ListNames, lang: Lang, timeZone: string): Promise<Cell[][]> {
  const columns: readonly ListColumn[] = listColumns[list];
  const table: Cell[][] = [columns.map((c) => listColumnLabels[c][lang])];
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % rowsBetweenTurns === 0) await letOthersIn();
    table.push(columns.map((c) => cellOf(c, item, names, lang, timeZone)));
  }
  return table;
}

/**
 * The file's name: campaign, what it is of (a unit, a category, a state, by
 * their codes), list and date (the campaign's local date), ASCII so that
 * every browser keeps it. A lead's list of their unit and the office's of
 * the whole campaign were two files of one name. A concluded campaign's
 * list, its deadlines judged at the conclusion (`judgedAt`), says that day
 * too, as a report as of a day does (`asof-2026-12-06`): the file's own day
 * is when it was exported, not what its deadline status is of.
 */
export function listFileName(campaignCode: string, scope: readonly string[], list: ListName, now: Date, timeZone: string, judgedAt: Date | null): string {
  return [campaignCode, ...scope, list, exportDay(now, timeZone), ...(judgedAt === null ? [] : [`asof-${exportDay(judgedAt, timeZone)}`])].join('-');
}

/** What a concluded campaign's list says of its deadlines, as the page beside it says 时限截至 … / Deadlines as of …. */
const concludedLines = {
  asOf: { zh: '时限截至', en: 'Deadlines as of' },
  why: { zh: '专项行动已结束：时限状态和超期均按结束时计算，此后不再变化', en: 'The campaign has concluded: deadline status and overdue are as they stood at its end, and change no more' },
  exported: { zh: '导出时间', en: 'Exported' },
} as const satisfies Record<string, Label>;

/**
 * The lines a concluded campaign's list file carries beside its table: the
 * instant its deadlines are judged at and why, and when it was exported, in
 * the campaign's zone. Read later, a file of "on time" rows said nothing of
 * the deadlines being those of the conclusion, not of the day it was read.
 */
export function concludedListNote(judgedAt: Date, now: Date, lang: Lang, timeZone: string): { readonly sheetName: string; readonly lines: readonly string[] } {
  const zone = lang === 'zh' ? `（${zoneZh(timeZone)}）` : ` (${timeZone})`;
  const at = (instant: Date) => `${localDateTime(instant.toISOString(), timeZone)}${zone}`;
  return {
    sheetName: lang === 'zh' ? '说明' : 'About',
    lines: [`${concludedLines.asOf[lang]} ${at(judgedAt)}`, concludedLines.why[lang], `${concludedLines.exported[lang]} ${at(now)}`],
  };
}

export function listCsv(table: Cell[][]): Promise<string> {
  return tableCsv(table);
}

/** The list as a workbook; `about`, a concluded campaign's note (see concludedListNote), goes on a sheet of its own. */
export function listXlsx(list: ListName, table: Cell[][], lang: Lang, about: ReturnType<typeof concludedListNote> | null): Promise<Uint8Array<ArrayBuffer>> {
  const widths: Record<ListColumn, number> = {
    id: 8, title: 48, state: 12, unit: 16, category: 30, assignee: 14, source: 22, caseNumber: 20, problemKind: 16, kind: 8, foundAt: 17, enteredAt: 17, lastNoteAt: 17, dueAt: 17, level: 10,
  };
  const dateFormats = new Map<number, string>();
  for (const [i, column] of listColumns[list].entries()) {
    if (column === 'dueAt') dateFormats.set(i, 'yyyy-mm-dd');
    else if (column === 'foundAt' || column === 'enteredAt' || column === 'lastNoteAt') dateFormats.set(i, 'yyyy-mm-dd hh:mm');
  }
  return tableXlsx(table, listTitles[list][lang], { frozenColumns: 2, widths: listColumns[list].map((c) => widths[c]), dateFormats, ...(about !== null && { about }) });
}
