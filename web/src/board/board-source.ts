import type { BoardFilters, BoardQuery, ItemKind, Swimlane } from '../api/client';
import type { ClueState } from '../../../engine/clue/clue.model';
import { searchTextLimit } from '../../../api/contracts/common';

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
  phase?: string;
  q?: string;
  /** The side columns the user opened (`?side=unfounded,merged`): see sideColumnsOf. */
  side?: string;
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

/** The yes-or-no filters of the board's address: `true` filters, `false` or none does not. */
const yesOrNoFilters = ['overdue', 'escalated', 'asked'] as const satisfies readonly (keyof BoardSearch)[];

/**
 * Whether the page reads its view (kind, lanes) and its yes-or-no filters as
 * the address writes them; it reads an unknown one as its default. The early
 * read of the board asks it (board-address.ts says why one is refused, with
 * zod, which this page's first script does without).
 */
export function readsAsWritten(search: BoardSearch): boolean {
  const given = (value: string | undefined) => value !== undefined && value !== '';
  if (given(search.kind) && search.kind !== kindOf(search)) return false;
  if (given(search.swimlane) && search.swimlane !== swimlaneOf(search)) return false;
  if (given(search.side) && !sideColumnAddresses.includes(search.side ?? '')) return false;
  return yesOrNoFilters.every((key) => !given(search[key]) || search[key] === 'true' || search[key] === 'false');
}

export const kindOf = (search: BoardSearch): ItemKind => (search.kind === 'problem' ? 'problem' : 'clue');
export const swimlaneOf = (search: BoardSearch): Swimlane => (search.swimlane === 'unit' || search.swimlane === 'category' ? search.swimlane : 'none');

/**
 * The board's side columns (查否, 已并案), in the order it draws them: the engine's `sideClueStates`, named
 * again here because the page's first script reads the address and does without the engine's zod (a test
 * keeps the two the same).
 */
export const sideColumnStates = ['unfounded', 'merged'] as const satisfies readonly ClueState[];

/** Every order of the given states (a link edited by hand may name the side columns in either). */
const orders = (states: readonly string[]): string[][] =>
  states.length === 0 ? [[]] : states.flatMap((state, i) => orders(states.filter((_, j) => j !== i)).map((rest) => [state, ...rest]));

/**
 * Every value of `?side=` the board takes: each choice of side columns open, comma-joined, in any order (the board
 * writes them in the order they are drawn, as sideAddressOf does).
 */
export const sideColumnAddresses: readonly string[] = sideColumnStates
  .reduce<string[][]>((choices, state) => [...choices, ...choices.map((choice) => [...choice, state])], [[]])
  .filter((choice) => choice.length > 0)
  .flatMap(orders)
  .map((choice) => choice.join(','));

/** The side columns the address keeps open; none for a value the board could not have written (the page refuses it). */
export function sideColumnsOf(search: BoardSearch): ReadonlySet<string> {
  const side = search.side;
  return new Set(side !== undefined && sideColumnAddresses.includes(side) ? side.split(',') : []);
}

/** The address's `?side=` for these side columns open, or undefined (left out) for none. */
export function sideAddressOf(open: ReadonlySet<string>): string | undefined {
  return sideColumnStates.filter((state) => open.has(state)).join(',') || undefined;
}

/** The filters of the board's address, as its toolbar's "clear" clears them. */
export const boardFilterKeys = ['unit', 'category', 'assignee', 'overdue', 'escalated', 'asked', 'quiet', 'phase', 'q'] as const satisfies readonly (keyof BoardSearch & keyof BoardFilters)[];
export type BoardFilterKey = (typeof boardFilterKeys)[number];

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
    ...(search.phase ? { phase: search.phase } : {}),
    // A link's search longer than a box takes is cut to it: refused whole, it left the board with no column at all.
    ...(search.q ? { q: search.q.slice(0, searchTextLimit) } : {}),
  };
}

export const sourceOf = (campaignId: number, search: BoardSearch): BoardSource => ({ campaignId, kind: kindOf(search), swimlane: swimlaneOf(search), filters: filtersOf(search) });

const pageSize = 50;
/** Cards per column in one read. In lanes a column's cards are spread over many rows, so more of them are read at once. */
export const pageOf = (s: BoardSource) => (s.swimlane === 'none' ? pageSize : 200);

/** The query of a board's first page. */
export const firstPageQuery = (s: BoardSource): BoardQuery => ({ kind: s.kind, swimlane: s.swimlane, ...s.filters, limit: pageOf(s) });
