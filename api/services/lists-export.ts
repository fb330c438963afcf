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

/** The filters a list's file was exported under, as words: what the page says above the list (筛选条件：…). */
export interface ListFilterWords {
  readonly unit?: string | undefined;
  readonly category?: number | 'none' | undefined;
  readonly state?: string | undefined;
  readonly assignee?: number | 'none' | undefined;
  readonly overdue?: boolean | undefined;
  readonly quiet?: number | undefined;
  readonly q?: string | undefined;
}

const filterWords = {
  filters: { zh: '筛选条件', en: 'Filters' },
  overdueOnly: { zh: '仅看超期', en: 'Overdue only' },
  quiet: { zh: '{n} 天无进展', en: 'No progress for {n} days' },
  filtered: { zh: '已筛选', en: 'filtered' },
} as const satisfies Record<string, Label>;

/**
 * The filters as the page says them above the list (汉台分局 · 已立案侦查 · 仅看超期 · “网络”), or null when the list is
 * whole. `assigneeName` names the person filtered by (the page names them from the rows it shows).
 */
export function listFiltersLine(filters: ListFilterWords, names: ListNames, lang: Lang, assigneeName: string | null): string | null {
  const parts: string[] = [];
  if (filters.unit !== undefined) parts.push(names.units.get(filters.unit)?.[lang] ?? filters.unit);
  if (filters.category === 'none') parts.push(uncategorisedLabel[lang]);
  else if (filters.category !== undefined) parts.push(names.categories.get(filters.category)?.[lang] ?? String(filters.category));
  if (filters.state !== undefined) parts.push(labelIn({ ...clueStateLabels, ...problemStateLabels }, filters.state, lang));
  if (filters.assignee === 'none') parts.push(unassignedLabel[lang]);
  else if (filters.assignee !== undefined) parts.push(assigneeName ?? `#${filters.assignee}`);
  if (filters.overdue === true) parts.push(filterWords.overdueOnly[lang]);
  if (filters.quiet !== undefined) parts.push(filterWords.quiet[lang].replace('{n}', String(filters.quiet)));
  if (filters.q !== undefined && filters.q.trim() !== '') parts.push(lang === 'zh' ? `“${filters.q.trim()}”` : `"${filters.q.trim()}"`);
  if (parts.length === 0) return null;
  return `${filterWords.filters[lang]}${lang === 'zh' ? '：' : ': '}${parts.join(' · ')}`;
}

/**
 * What a file's name says of the filters its scope does not (the unit, category and state: see listFileName), in
 * letters every browser keeps: `overdue`, `quiet30`, `assignee12` or `unassigned`, `search` (what was searched is said
 * inside the workbook). An "overdue only" file was named as the whole list.
 */
export function listFilterTokens(filters: ListFilterWords): string[] {
  return [
    ...(filters.assignee === 'none' ? ['unassigned'] : filters.assignee === undefined ? [] : [`assignee${filters.assignee}`]),
    ...(filters.overdue === true ? ['overdue'] : []),
    ...(filters.quiet === undefined ? [] : [`quiet${filters.quiet}`]),
    ...(filters.q === undefined || filters.q.trim() === '' ? [] : ['search']),
  ];
}

/** What a concluded campaign's list says of its deadlines, as the page beside it says 时限截至 … / Deadlines as of …. */
const concludedLines = {
  asOf: { zh: '时限截至', en: 'Deadlines as of' },
  why: { zh: '专项行动已结束：时限状态和超期均按结束时计算，此后不再变化', en: 'The campaign has concluded: deadline status and overdue are as they stood at its end, and change no more' },
  exported: { zh: '导出时间', en: 'Exported' },
} as const satisfies Record<string, Label>;

/**
 * The lines a list's workbook carries on a sheet of its own beside its table (its first also in the printed page's
 * header), or null for a whole list of a running campaign: the filters it was exported under (a file of the overdue
 * items alone read as the whole list); once concluded, the instant its deadlines are judged at and why (a file of "on
 * time" rows said nothing of the deadlines being those of the conclusion, not of the day it was read); and when it was
 * exported, in the campaign's zone.
 */
export function listNote(filtersLine: string | null, judgedAt: Date | null, now: Date, lang: Lang, timeZone: string): { readonly sheetName: string; readonly lines: readonly string[] } | null {
  if (filtersLine === null && judgedAt === null) return null;
  const zone = lang === 'zh' ? `（${zoneZh(timeZone)}）` : ` (${timeZone})`;
  const at = (instant: Date) => `${localDateTime(instant.toISOString(), timeZone)}${zone}`;
  return {
    sheetName: lang === 'zh' ? '说明' : 'About',
    lines: [
      ...(filtersLine === null ? [] : [filtersLine]),
      ...(judgedAt === null ? [] : [`${concludedLines.asOf[lang]} ${at(judgedAt)}`, concludedLines.why[lang]]),
      `${concludedLines.exported[lang]} ${at(now)}`,
    ],
  };
}

export function listCsv(table: Cell[][]): Promise<string> {
  return tableCsv(table);
}

/**
 * The list as a workbook; `about` (see listNote) goes on a sheet of its own, and a filtered list's sheet is named so
 * (线索清单（已筛选）), on the tab a reader sees first.
 */
export function listXlsx(list: ListName, table: Cell[][], lang: Lang, about: ReturnType<typeof listNote>, filtered = false): Promise<Uint8Array<ArrayBuffer>> {
  const widths: Record<ListColumn, number> = {
    id: 8, title: 48, state: 12, unit: 16, category: 30, assignee: 14, source: 22, caseNumber: 20, problemKind: 16, kind: 8, foundAt: 17, enteredAt: 17, lastNoteAt: 17, dueAt: 17, level: 10,
  };
  const dateFormats = new Map<number, string>();
  for (const [i, column] of listColumns[list].entries()) {
    if (column === 'dueAt') dateFormats.set(i, 'yyyy-mm-dd');
    else if (column === 'foundAt' || column === 'enteredAt' || column === 'lastNoteAt') dateFormats.set(i, 'yyyy-mm-dd hh:mm');
  }
  const title = listTitles[list][lang];
  const sheetName = !filtered ? title : lang === 'zh' ? `${title}（${filterWords.filtered.zh}）` : `${title} (${filterWords.filtered.en})`;
  return tableXlsx(table, sheetName, { frozenColumns: 2, widths: listColumns[list].map((c) => widths[c]), dateFormats, ...(about !== null && { about }) });
}
