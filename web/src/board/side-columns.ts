import { createEffect, untrack } from 'solid-js';
import { pageOf, sideAddressOf, type BoardSource } from './board-source';
import type { BoardState } from './board-state';

/** A column as the board read it, as far as its side columns' reading goes. */
interface ColumnRead {
  readonly state: string;
  readonly side: boolean;
  readonly next: unknown;
  readonly cards: readonly unknown[];
}

/**
 * The side columns (查否, 已并案) to read on: open, with more on the server, and fewer cards than a page. The whole board
 * gives a side column's count only: its cards are read when it is opened, and again when the board is read anew while it is open.
 */
export function sideColumnsToRead(columns: readonly ColumnRead[], isOpen: (state: string) => boolean, page: number): string[] {
  return columns.filter((column) => column.side && isOpen(column.state) && column.next !== null && column.cards.length < page).map((column) => column.state);
}

/** The address's `?side=` once this side column is opened, or closed if it was open. */
export function sideAddressToggled(open: ReadonlySet<string>, state: string): string | undefined {
  const next = new Set(open);
  if (!next.delete(state)) next.add(state);
  return sideAddressOf(next);
}

/** Reads the open side columns' cards whenever the board or the columns open change (loadMore skips the cards already there). */
export function readOpenSideColumns(options: { readonly source: () => BoardSource; readonly state: Pick<BoardState, 'shown' | 'loadMore'>; readonly isOpen: (state: string) => boolean }): void {
  const { state } = options;
  createEffect(() => {
    const page = pageOf(options.source());
    for (const side of sideColumnsToRead(state.shown()?.columns ?? [], options.isOpen, page)) untrack(() => void state.loadMore(side));
  });
}
