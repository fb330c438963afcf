import { createMemo, createSignal } from 'solid-js';
import { maxBatchItems } from '../../../api/contracts/batch';
import type { Card } from '../api/client';
import { selectable } from '../batch/batch-plan';
import { keptOnly, type ItemRef } from '../batch/batch-left';

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

/** A column as the board holds it: the cards read so far, and how many it has in all. */
interface ColumnRead {
  readonly cards: readonly Card[];
  readonly count: number;
}

/**
 * What the batch bar offers on the board: every card of the columns shown
 * whose cards the viewer may change (those with a column box), when one
 * batch takes them all ('no' once taken or when nothing more would be), and
 * how many that is. A column read to its end counts the cards the viewer may
 * change; one not read to its end counts its cards not read yet as well, and
 * if some it has read the viewer may not change (another unit's, say), the
 * total is at most that many (`upTo`): which of the rest they may change is
 * known once they are read. Beyond one batch, it says so ('tooMany') once
 * some are ticked: on a large campaign's board it would otherwise stand in
 * the bar from the first click.
 */
export function boardSelectAll(
  columns: readonly ColumnRead[],
  selected: number,
  whole: boolean,
): { readonly state: 'offered' | 'tooMany' | 'no'; readonly total: number; readonly upTo: boolean } {
  let total = 0;
  let upTo = false;
  for (const column of columns) {
    const mine = column.cards.filter(selectable).length;
    if (mine === 0) continue;
    const unread = Math.max(0, column.count - column.cards.length);
    total += mine + unread;
    if (unread > 0 && mine < column.cards.length) upTo = true;
  }
  if (whole || total === 0 || total <= selected) return { state: 'no', total, upTo };
  if (total > maxBatchItems) return { state: selected > 0 ? 'tooMany' : 'no', total, upTo };
  return { state: 'offered', total, upTo };
}

/** The cards of a column from one card to another, both included, in the column's order; null when either is not in it. */
export function rangeOf(column: readonly Card[], from: Pick<Card, 'kind' | 'id'>, to: Pick<Card, 'kind' | 'id'>): Card[] | null {
  const at = (card: Pick<Card, 'kind' | 'id'>) => column.findIndex((c) => keyOf(c) === keyOf(card));
  const [a, b] = [at(from), at(to)];
  if (a < 0 || b < 0) return null;
  return column.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/**
 * The cards of a board ticked for a batch (多选): one by one, a run of a
 * column's (Shift+click ticks from the card ticked last to this one), or a
 * column's at once. While selecting, a click on a card ticks it rather than opening it.
 */
export function createCardSelection(options: { readonly columns: () => readonly { readonly cards: readonly Card[] }[] }) {
  const [active, setActive] = createSignal(false);
  const [kept, setKept] = createSignal<Kept>(new Map());
  // True once every card shown was ticked at once, until the selection changes otherwise.
  const [whole, setWhole] = createSignal(false);
  const keep = (change: (now: Kept) => Kept) => {
    setKept(change);
    setWhole(false);
  };
  // The card ticked or unticked last: where a Shift+click's run starts.
  let anchor: Card | null = null;
  const selected = createMemo(() => currentOf(kept(), options.columns().flatMap((column) => column.cards)));
  const selectedKeys = createMemo(() => new Set(selected().map(keyOf)));
  const toggle = (card: Card) => {
    setActive(true);
    keep((now) => ticked(now, [card], !selectedKeys().has(keyOf(card))));
    anchor = card;
  };
  const clear = () => {
    keep(() => new Map());
    anchor = null;
  };

  return {
    active,
    selected,
    size: () => selected().length,
    isSelected: (card: Card) => selectedKeys().has(keyOf(card)),
    /** Ticks or unticks a card, and starts selecting (Ctrl+click or Shift+click does so from the board). */
    toggle,
    /** Ticks the run of a column from the card ticked last to this one (Shift+click); a card of another column is toggled alone. */
    extendTo(card: Card) {
      const from = anchor;
      const run = from === null ? null : options.columns().reduce<Card[] | null>((found, column) => found ?? rangeOf(column.cards, from, card), null);
      if (run === null) {
        toggle(card);
        return;
      }
      setActive(true);
      keep((now) => ticked(now, run, true));
      anchor = card;
    },
    /** Ticks every card of a column the viewer may change, or unticks them all (by default, when every one is ticked already). */
    toggleAll(cards: readonly Card[], on = columnState(cards, selectedKeys()) !== 'all') {
      keep((now) => ticked(now, cards, on));
    },
    /** Ticks these cards (every card the board shows) the viewer may change, and nothing else, up to what one batch takes. */
    selectWhole(cards: readonly Card[]) {
      setActive(true);
      setKept(ticked(new Map(), cards, true));
      setWhole(true);
      anchor = null;
    },
    /** Whether the cards were last ticked all at once (selectWhole) and left as they were. */
    whole,
    stateOf: (cards: readonly Card[]) => columnState(cards, selectedKeys()),
    start: () => setActive(true),
    clear,
    /** Unticks every card but these (the cards a batch left: the rest are done); none left, nothing stays ticked. */
    keepOnly(cards: readonly ItemRef[]) {
      keep((now) => keptOnly(now, cards));
      anchor = null;
    },
    /** Stops selecting: nothing stays ticked. */
    stop() {
      clear();
      setActive(false);
    },
  };
}

export type CardSelection = ReturnType<typeof createCardSelection>;
