import { z } from 'zod';
import type { Label } from '../../engine/labels';
import { allowedMove, itemKinds } from './board';
import { idOrNone, pathId, quietDays, searchTextLimit } from './common';

/** The three lists of the campaign (问题、线索、责任清单): views of the same items as the board. */
export const listNames = ['clues', 'problems', 'responsibility'] as const;
export type ListName = (typeof listNames)[number];

const boolish = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A list's filters and page, as they appear in its URL; `format` asks for the whole filtered list as a file. */
export const listQuery = z.strictObject({
  unit: z.string().min(1).max(64).optional(),
  category: idOrNone.optional(),
  /** A state of the list's kind (the responsibility list: an open state of either kind). */
  state: z.string().min(1).max(32).optional(),
  assignee: idOrNone.optional(),
  overdue: boolish.optional(),
  /** Only items with no progress for the given number of days: no work note, and no move into their state, since then. */
  quiet: quietDays.optional(),
  q: z.string().max(searchTextLimit).optional(),
  /** A column of `listSortColumns`, ascending, or with a leading `-` descending; checked against the list by the service. Default `-id`, newest first. */
  sort: z.string().min(1).max(32).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The `next` a previous page gave (for the same sort). */
  cursor: z.string().max(400).optional(),
  /** Where the page starts in the list's order, for opening page k directly; not with `cursor`. */
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type ListQuery = z.input<typeof listQuery>;

export const listNameParam = z.object({
  id: pathId,
  list: z.enum(listNames),
});

export const listItem = z
  .object({
    kind: z.enum(itemKinds),
    id: z.number().int(),
    /** What a change must name, so that one made meanwhile is not overwritten (see the batch). */
    version: z.number().int(),
    title: z.string(),
    state: z.string(),
    unitId: z.string(),
    categoryId: z.number().int().nullable(),
    assigneeId: z.number().int().nullable(),
    assigneeName: z.string().nullable(),
    /** A clue's source, or a problem's kind (website, account, …). */
    source: z.string().nullable(),
    caseNumber: z.string().nullable(),
    foundAt: z.string(),
    enteredAt: z.string(),
    dueAt: z.string().nullable(),
    /** When the last work note was written, or null (none yet). */
    lastNoteAt: z.string().nullable(),
    /** Escalation level now: 0 on time, 1 due soon, 2 overdue, 3 long overdue. */
    level: z.number().int().min(0).max(3),
  })
  .meta({ id: 'ListItem' });
export type ListItem = z.infer<typeof listItem>;

/** A row of a list's page, with what the viewer may do with it: the moves (as a card's) and the changes that keep its state (assign, transfer, extend…), for the list's batch. */
export const listPageItem = listItem
  .extend({
    allowed: z.array(allowedMove),
    /** Events such as `clue.assign`; a unit lead's limit on extensions is checked when the change is made. */
    changes: z.array(z.string()),
  })
  .meta({ id: 'ListPageItem' });
export type ListPageItem = z.infer<typeof listPageItem>;

/** One responsible person of one unit in the responsibility list, over the whole filtered list. */
export const responsibilityGroup = z
  .object({
    unitId: z.string(),
    assigneeId: z.number().int().nullable(),
    assigneeName: z.string().nullable(),
    open: z.number().int(),
    overdue: z.number().int(),
    nextDueAt: z.string().nullable(),
  })
  .meta({ id: 'ResponsibilityGroup' });
export type ResponsibilityGroup = z.infer<typeof responsibilityGroup>;

export const listPage = z
  .object({
    list: z.enum(listNames),
    campaignId: z.number().int(),
    now: z.string(),
    /** The instant the items' deadlines and levels and the groups' overdue counts are judged at: now, or once the campaign has concluded, its conclusion (nothing moves after it). */
    asOf: z.string(),
    /** Items matching the filters, over every page. */
    total: z.number().int(),
    items: z.array(listPageItem),
    /** Pass as `cursor` for the next page, or null at the end. */
    next: z.string().nullable(),
    /** The responsibility list only: unit → person, with open and overdue counts. */
    groups: z.array(responsibilityGroup),
  })
  .meta({ id: 'ListPage' });
export type ListPage = z.infer<typeof listPage>;

/** The columns of each list, in order; the web table and the exported files head them with these labels. */
export const listColumns = {
  clues: ['id', 'title', 'state', 'unit', 'category', 'assignee', 'source', 'caseNumber', 'foundAt', 'dueAt', 'level'],
  problems: ['id', 'title', 'state', 'unit', 'category', 'assignee', 'problemKind', 'foundAt', 'dueAt', 'level'],
  // Who answers for what, and when they last reported progress on it (a work note).
  responsibility: ['unit', 'assignee', 'kind', 'id', 'title', 'state', 'category', 'enteredAt', 'lastNoteAt', 'dueAt', 'level'],
} as const;
export type ListColumn = (typeof listColumns)[ListName][number];

/**
 * The columns a list may be sorted by (`sort=dueAt`, `sort=-dueAt`), in the
 * order of its columns. The responsibility list keeps its grouped order.
 */
export const listSortColumns = {
  clues: ['id', 'state', 'unit', 'assignee', 'caseNumber', 'foundAt', 'dueAt'],
  problems: ['id', 'state', 'unit', 'assignee', 'foundAt', 'dueAt'],
  responsibility: [],
} as const satisfies Record<ListName, readonly ListColumn[]>;
export type ListSortColumn = (typeof listSortColumns)[ListName][number];

/** A list's order: a sortable column and its direction. */
export interface ListSort {
  readonly column: ListSortColumn;
  readonly descending: boolean;
}

/** The order a list has without `sort`: newest first. */
export const defaultListSort: ListSort = { column: 'id', descending: true };

/** The `sort` value of an order, as the URL and the API write it. */
export const sortParam = (sort: ListSort): string => `${sort.descending ? '-' : ''}${sort.column}`;

/** The order a `sort` value names in a list, or null when the list has no such order. */
export function parseListSort(list: ListName, value: string): ListSort | null {
  const descending = value.startsWith('-');
  const name = descending ? value.slice(1) : value;
  const column = listSortColumns[list].find((c: ListSortColumn) => c === name);
  return column === undefined ? null : { column, descending };
}

export const listColumnLabels: Record<ListColumn, Label> = {
  id: { zh: '编号', en: 'No.' },
  title: { zh: '标题', en: 'Title' },
  state: { zh: '状态', en: 'State' },
  // The unit and the person as the board, the filters and the drawer call them (承办): one word for one thing.
  unit: { zh: '承办单位', en: 'Unit' },
  category: { zh: '类别', en: 'Category' },
  assignee: { zh: '承办人', en: 'Assignee' },
  source: { zh: '线索来源', en: 'Source' },
  caseNumber: { zh: '案件编号', en: 'Case number' },
  problemKind: { zh: '问题类型', en: 'Problem type' },
  kind: { zh: '事项', en: 'Item' },
  foundAt: { zh: '发现时间', en: 'Found' },
  enteredAt: { zh: '进入当前状态', en: 'In state since' },
  lastNoteAt: { zh: '最近进展记录', en: 'Last work note' },
  dueAt: { zh: '办理时限', en: 'Due' },
  level: { zh: '时限状态', en: 'Deadline status' },
};

export const listTitles: Record<ListName, Label> = {
  clues: { zh: '线索清单', en: 'Clue list' },
  problems: { zh: '问题清单', en: 'Problem list' },
  responsibility: { zh: '责任清单', en: 'Responsibility list' },
};

/** The deadline as the lists word it, by escalation level. */
export const deadlineLabels: Record<0 | 1 | 2 | 3, Label> = {
  0: { zh: '正常', en: 'On time' },
  1: { zh: '临期', en: 'Due soon' },
  2: { zh: '超期', en: 'Overdue' },
  3: { zh: '严重超期', en: 'Long overdue' },
};

export const itemKindLabels: Record<(typeof itemKinds)[number], Label> = {
  clue: { zh: '线索', en: 'Clue' },
  problem: { zh: '问题', en: 'Problem' },
};

export const unassignedLabel: Label = { zh: '未指定承办人', en: 'Unassigned' };
export const uncategorisedLabel: Label = { zh: '未分类', en: 'Uncategorised' };
