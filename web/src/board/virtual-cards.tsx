import { For, Show, createComputed, createEffect, createMemo, createSignal, on, onCleanup, onMount } from 'solid-js';
import type { Card } from '../api/client';
import type { BoardContext } from './board-context';
import { BoardCard } from './board-card';
import { focusedCard, rememberCard } from './card-focus';
import { cardAcross, cardKeys, focusOnCard, stepWithin } from './card-keys';
import { stackOf, windowOf } from './card-window';
import { watchViewport, type Span } from './viewport-watch';
import './virtual-cards.css';

/** Space between cards, as the column's flex gap had it. */
const gap = 6;
/** A card of three title lines, until real cards have been measured. */
const firstEstimate = 104;
/** Cards rendered beyond each edge of the visible part, so scrolling and Tab find them there already. */
const overscan = 360;

const firstSpan = () => (typeof window === 'undefined' ? 900 : window.innerHeight);
const sameIndices = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The cards of a column or lane cell, of which only those on screen (plus
 * a margin) are in the DOM: a board of thousands would otherwise build
 * thousands of cards and drag handles before showing the first. The focused
 * card and the dragged one always stay, so keyboard focus, the move menu
 * and a drag keep their element when the list scrolls away from them;
 * drops land on the column, not on cards, so absent cards are never needed as targets.
 * The arrow keys go from card to card (see card-keys.ts); `row` is the lane
 * the list sits in, for Left and Right to keep to.
 */
export function VirtualCards(props: { cards: readonly Card[]; context: BoardContext; row?: string }) {
  let list: HTMLDivElement | undefined;
  // Null until the list has been measured (the frame after it is mounted).
  const [span, setSpan] = createSignal<Span | null>(null, { equals: (a, b) => a?.from === b?.from && a?.to === b?.to });
  const [measured, setMeasured] = createSignal<ReadonlyMap<number, number>>(new Map());
  const estimate = createMemo(() => {
    const heights = [...measured().values()];
    return heights.length === 0 ? firstEstimate : heights.reduce((sum, h) => sum + h, 0) / heights.length;
  });
  const stack = createMemo(() => stackOf(props.cards.map((card) => card.id), measured(), estimate(), gap));
  const indexOf = createMemo(() => new Map(props.cards.map((card, i) => [card.id, i])));
  // The cards by id: a slot is keyed by its card's id, not by the card object, which a live re-read replaces.
  const ids = createMemo(() => props.cards.map((card) => card.id), [], { equals: sameIndices });
  const byId = createMemo(() => new Map(props.cards.map((card) => [card.id, card])));
  // Kept rendered wherever they are: the dragged card, the focused one, and the focused one's neighbours, so that
  // the next Tab (or Shift+Tab) lands on a card already there, however far the render that follows the scroll lags
  // behind a held key (on a loaded machine, Tab used to run past the rendered cards to the column's last button);
  // the board's Tab stop, for Tab into the board to find it (and Home or End to make the card they go to one);
  // and the card open in the drawer, drawn where a move from the drawer puts it, and there for the focus to come back
  // to when the drawer closes, wherever the column is scrolled.
  const pinned = () => {
    const at = (id: number | null | undefined) => (id === null || id === undefined ? -1 : (indexOf().get(id) ?? -1));
    const focused = at(focusedCard());
    return [at(props.context.dragging()?.id), at(props.context.openId()), at(props.context.tabStop()), ...(focused < 0 ? [] : [focused - 1, focused, focused + 1])];
  };
  // Until the list has been on screen once, the window's height stands in for the visible span before
  // the measurement, and the window only grows, without the margin: nothing is built between the first
  // render and the first paint but what is visible, and nothing taken away again. The margin comes the
  // frame after.
  const [settled, setSettled] = createSignal(false);
  const indices = createMemo<number[]>(
    (before) => {
      const seen = span();
      if (seen !== null && settled()) return windowOf(stack(), seen.from, seen.to, overscan, pinned());
      const visible = seen === null ? windowOf(stack(), 0, firstSpan(), 0, pinned()) : windowOf(stack(), seen.from, seen.to, 0, pinned());
      return [...new Set([...before, ...visible])].sort((a, b) => a - b);
    },
    [],
    { equals: sameIndices },
  );
  const shown = createMemo(() => new Set(indices().flatMap((i) => props.cards[i]?.id ?? [])));
  // A card that changes place in the list (a re-read puts a card just moved where its deadline sorts it) keeps its
  // element, but the DOM move takes the focus from it: what had the focus before the list was drawn gets it back.
  let focusedBefore: Element | null = null;
  createComputed(
    on(ids, () => {
      const active = document.activeElement;
      focusedBefore = active !== null && list?.contains(active) === true ? active : null;
    }),
  );
  createEffect(
    on(ids, () => {
      const before = focusedBefore;
      focusedBefore = null;
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && before instanceof HTMLElement && before.isConnected) before.focus();
    }),
  );
  const topOf = (id: number) => stack().tops[indexOf().get(id) ?? -1] ?? 0;

  const onKeyDown = (event: KeyboardEvent) => {
    const card = event.target instanceof HTMLElement && event.target.matches('article[data-card-id]') ? event.target : null;
    if (card === null || !cardKeys.has(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // A card lifted for a drag is the drag's to move (dnd-kit's keyboard sensor takes the arrows while one is held).
    if (props.context.dragging() !== null) return;
    event.preventDefault();
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const across = cardAcross(card, event.key === 'ArrowLeft' ? -1 : 1);
      if (across !== null) focusOnCard(across);
      return;
    }
    const to = stepWithin(event.key, indexOf().get(Number(card.dataset.cardId)) ?? -1, props.cards.length);
    const id = to === null ? undefined : props.cards[to]?.id;
    if (id === undefined) {
      // Down past the last card read: the column's "load more" below it, if it has more to read (Enter reads them).
      if (event.key === 'ArrowDown') list?.parentElement?.querySelector<HTMLElement>(':scope > .load-more:not([disabled])')?.focus();
      return;
    }
    // Remembered first, the card is kept rendered however far from the window it is, and is there to focus.
    rememberCard(id);
    const target = list?.querySelector<HTMLElement>(`article[data-card-id="${id}"]:not([data-dnd-placeholder])`);
    if (target !== null && target !== undefined) focusOnCard(target);
  };

  const slots = new Map<Element, number>();
  const sizes = new ResizeObserver((entries) => {
    const next = new Map(measured());
    let changed = false;
    for (const entry of entries) {
      const id = slots.get(entry.target);
      const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
      if (id === undefined || height === 0 || Math.abs((next.get(id) ?? -1) - height) < 0.5) continue;
      next.set(id, height);
      changed = true;
    }
    if (changed) setMeasured(next);
  });
  onCleanup(() => sizes.disconnect());
  onMount(() => {
    if (list === undefined) return;
    let settling = false;
    const measuredSpan = (seen: Span) => {
      setSpan(seen);
      if (settling) return;
      settling = true;
      requestAnimationFrame(() => setTimeout(() => setSettled(true), 0));
    };
    onCleanup(watchViewport(list, measuredSpan));
  });

  return (
    <div
      ref={list}
      class="card-window"
      style={{ height: `${stack().total}px` }}
      data-testid="cards-window"
      data-total={props.cards.length}
      data-card-row={props.row ?? 'board'}
      onKeyDown={onKeyDown}
    >
      {/* Every card has a slot, always in the DOM in list order; only the shown ones are filled. Slots of
          cards coming into view or leaving it are never moved, for a moved element loses the keyboard focus.
          Keyed by id: a card someone else changed is the same element drawn anew, its focus and open menu kept. */}
      <For each={ids()}>
        {(id) => (
          <div
            class="card-slot"
            style={{ top: `${topOf(id)}px` }}
            ref={(slot) => {
              slots.set(slot, id);
              sizes.observe(slot);
              onCleanup(() => {
                sizes.unobserve(slot);
                slots.delete(slot);
              });
            }}
          >
            <Show when={shown().has(id) && byId().get(id)}>{(card) => <BoardCard card={card()} context={props.context} />}</Show>
          </div>
        )}
      </For>
    </div>
  );
}
