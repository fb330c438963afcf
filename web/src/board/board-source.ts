import type { BoardFilters, BoardQuery, ItemKind, Swimlane } from '../api/client';

/** The board's view and filters as its URL carries them (`?kind=problem&swimlane=unit&q=…`). */
export type BoardSearch = {
  kind?: string;
  swimlane?: string;
  unit?: string;
  category?: string;
  assignee?: string;
  overdue?: string;
  escalated?: string;
  asked?: string;
  quiet?: string;
  q?: string;
  item?: string;
  inbox?: string;
};

/** Which board to read: the campaign, the kind of item, the lanes and the filters. */
export interface BoardSource {
  readonly campaignId: number;
  readonly kind: ItemKind;
  readonly swimlane: Swimlane;
  readonly filters: BoardFilters;
}

export const kindOf = (search: BoardSearch): ItemKind => (search.kind === 'problem' ? 'problem' : 'clue');
export const swimlaneOf = (search: BoardSearch): Swimlane => (search.swimlane === 'unit' || search.swimlane === 'category' ? search.swimlane : 'none');

/** The filters of a board URL; absent and empty ones left out. */
export function filtersOf(search: BoardSearch): BoardFilters {
  return {
    ...(search.unit ? { unit: search.unit } : {}),
    ...(search.category ? { category: search.category } : {}),
    ...(search.assignee ? { assignee: search.assignee } : {}),
    ...(search.overdue === 'true' ? { overdue: 'true' as const } : {}),
    ...(search.escalated === 'true' ? { escalated: 'true' as const } : {}),
    ...(search.asked === 'true' ? { asked: 'true' as const } : {}),
    ...(search.quiet ? { quiet: search.quiet } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
}

export const sourceOf = (campaignId: number, search: BoardSearch): BoardSource => ({ campaignId, kind: kindOf(search), swimlane: swimlaneOf(search), filters: filtersOf(search) });

const pageSize = 50;
/** Cards per column in one read. In lanes a column's cards are spread over many rows, so more of them are read at once. */
export const pageOf = (s: BoardSource) => (s.swimlane === 'none' ? pageSize : 200);

/** The query of a board's first page. */
export const firstPageQuery = (s: BoardSource): BoardQuery => ({ kind: s.kind, swimlane: s.swimlane, ...s.filters, limit: pageOf(s) });
