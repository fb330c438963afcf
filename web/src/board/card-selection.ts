import { createMemo, createSignal } from 'solid-js';
import { maxBatchItems } from '../../../api/contracts/batch';
import type { Card } from '../api/client';
import { selectable } from '../batch/batch-plan';

type Kept = ReadonlyMap<string, Card>;
const keyOf = (card: Pick<Card, 'kind' | 'id'>) => `${card.kind}:${card.id}`;

/** The selection with the cards ticked (those the viewer may change, up to what one batch takes) or unticked. */
export function ticked(kept: Kept, cards: readonly Card[], on: boolean): Kept {
  const next = new Map(kept);
  for (const card of cards) {
    if (!on) next.delete(keyOf(card));
    else if (selectable(card) && next.size < maxBatchItems) next.set(keyOf(card), card);
  }
  return next;
}

/**
 * The cards selected as they are now: the board's copy where it shows the
 * card (a live change or a refresh brought its new version, moves and
 * changes), else the copy last seen; a card the viewer may no longer change drops out.
 */
export function currentOf(kept: Kept, onBoard: readonly Card[]): Card[] {
  const shown = new Map(onBoard.map((card) => [keyOf(card), card]));
  return [...kept].map(([key, card]) => shown.get(key) ?? card).filter(selectable);
}

/** Whether the cards of a column the viewer may change are all selected, some, or none. */
export function columnState(cards: readonly Card[], selected: ReadonlySet<string>): 'all' | 'some' | 'none' {
  const mine = cards.filter(selectable);
  const n = mine.filter((card) => selected.has(keyOf(card))).length;
  return n === 0 ? 'none' : n === mine.length ? 'all' : 'some';
}

/**
 * The cards of a board ticked for a batch (多选): one by one, or a column's
 * at once. While selecting, a click on a card ticks it rather than opening it.
 */
export function createCardSelection(options: { readonly cards: () => readonly Card[] }) {
  const [active, setActive] = createSignal(false);
  const [kept, setKept] = createSignal<Kept>(new Map());
  const selected = createMemo(() => currentOf(kept(), options.cards()));
  const selectedKeys = createMemo(() => new Set(selected().map(keyOf)));

  return {
    active,
    selected,
    size: () => selected().length,
    isSelected: (card: Card) => selectedKeys().has(keyOf(card)),
    /** Ticks or unticks a card, and starts selecting (Ctrl+click or Shift+click does so from the board). */
    toggle(card: Card) {
      setActive(true);
      setKept((now) => ticked(now, [card], !selectedKeys().has(keyOf(card))));
    },
    /** Ticks every card of a column the viewer may change, or unticks them all when every one is ticked already. */
    toggleAll(cards: readonly Card[]) {
      setKept((now) => ticked(now, cards, columnState(cards, selectedKeys()) !== 'all'));
    },
    stateOf: (cards: readonly Card[]) => columnState(cards, selectedKeys()),
    start: () => setActive(true),
    clear: () => setKept(new Map()),
    /** Stops selecting: nothing stays ticked. */
    stop() {
      setKept(new Map());
      setActive(false);
    },
  };
}

export type CardSelection = ReturnType<typeof createCardSelection>;
