import { createMemo } from 'solid-js';
import type { Card, Swimlane } from '../api/client';
import { lastCard } from './card-focus';
import { tabStopOf } from './card-keys';
import { laneKeyOf } from './lane-key';

/** A column as far as the Tab order goes. */
interface TabColumn {
  readonly state: string;
  readonly side: boolean;
  readonly cards: readonly Card[];
}

/** The lanes the board draws, top to bottom, and what makes them. */
export interface LanesDrawn {
  readonly by: 'unit' | 'category';
  readonly keys: readonly string[];
}

/**
 * The card in the board's Tab order (see tabStopOf), in the order the view draws the open columns in: without lanes the
 * main columns, then the side ones; in lanes, the columns as they come, the top lane first.
 */
export function boardTabStop(columns: readonly TabColumn[], isOpen: (state: string) => boolean, lanes: LanesDrawn | null, last: number | null): number | null {
  const open = (column: TabColumn) => !column.side || isOpen(column.state);
  if (lanes === null) {
    const drawn = [...columns.filter((column) => !column.side), ...columns.filter((column) => column.side)];
    return tabStopOf(drawn.filter(open).map((column) => column.cards), last, null);
  }
  const rank = new Map(lanes.keys.map((key, i) => [key, i]));
  return tabStopOf(columns.filter(open).map((column) => column.cards), last, (card) => rank.get(laneKeyOf(card, lanes.by)) ?? rank.size);
}

/** The board's Tab stop, worked out again as its cards, open columns, lanes or last focused card change. */
export function createBoardTabStop(board: {
  readonly columns: () => readonly TabColumn[];
  readonly isOpen: (state: string) => boolean;
  readonly swimlane: () => Swimlane;
  /** The lanes drawn, top to bottom; null when the board is not drawn in lanes. */
  readonly lanes: () => readonly { readonly key: string }[] | null;
}) {
  return createMemo(() => {
    const by = board.swimlane();
    const lanes = board.lanes();
    return boardTabStop(board.columns(), board.isOpen, lanes === null || by === 'none' ? null : { by, keys: lanes.map((lane) => lane.key) }, lastCard());
  });
}
