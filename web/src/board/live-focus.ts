import type { ItemKind } from '../api/client';
import { tr, trFilled } from '../i18n/i18n';
import { messages } from '../i18n/messages';
import type { Change } from '../live/live-events';
import { announce } from '../ui/announcer';
import { cardElement } from './board-moves';
import { stateLabel } from './domain-labels';

/** Where the keyboard was when someone else's change to the card it was on arrived. */
export interface KeyboardPlace {
  readonly kind: ItemKind;
  readonly id: number;
  /** The card's element, and the state it was drawn in. */
  readonly element: HTMLElement;
  readonly from: string;
  /** The state the change took it to, when it says. */
  readonly to: string | null;
  /** Whether the focus was in the card's move menu. */
  readonly inMenu: boolean;
  /** The cards drawn after and before it: where the keyboard goes on if the card is drawn nowhere. */
  readonly neighbours: readonly number[];
}

const slotCard = (slot: Element | null | undefined) => slot?.querySelector<HTMLElement>('[data-card-id]') ?? null;

/** Where the keyboard is when a change arrives: on the card it is about (or in its menu), else null. */
export function keyboardPlace(change: Change, kind: ItemKind): KeyboardPlace | null {
  const place = keyboardOnCard(kind, change.toState);
  return place !== null && place.id === change.subjectId ? place : null;
}

/**
 * Where the keyboard is when the whole board is read afresh (the stream said
 * too much changed to be sent change by change): on whichever card it is,
 * wherever that card may have gone; null when it is on none.
 */
export function keyboardOnCard(kind: ItemKind, to: string | null = null): KeyboardPlace | null {
  const active = document.activeElement;
  const element = active instanceof HTMLElement ? active.closest<HTMLElement>('[data-card-id]') : null;
  if (element === null || element.hasAttribute('data-dnd-placeholder')) return null;
  const slot = element.parentElement;
  const neighbours = [slotCard(slot?.nextElementSibling), slotCard(slot?.previousElementSibling)].flatMap((card) => (card === null ? [] : [Number(card.dataset.cardId)]));
  return {
    kind,
    id: Number(element.dataset.cardId),
    element,
    from: element.dataset.state ?? '',
    to,
    inMenu: active?.closest('[role="menu"]') !== null,
    neighbours,
  };
}

/**
 * Once the re-read a change asked for is drawn: a card drawn anew where it
 * was kept its element, and with it the focus and an open menu (which closes
 * itself, saying why, if its moves changed). One that left its column, or
 * the board, could not: the focus goes to it where it is drawn now, else to
 * the collapsed column it went to, else to the card that took its place,
 * else to the board; and a polite message says what happened. The keyboard
 * gone on elsewhere meanwhile is left where it is.
 */
export function keepPlace(place: KeyboardPlace): void {
  if (place.element.isConnected) return;
  const active = document.activeElement;
  const card = cardElement(place.id);
  if (active !== null && active !== document.body && (card === null || !card.contains(active))) return;
  const collapsed = place.to === null ? null : document.querySelector<HTMLElement>(`.column-collapsed[data-testid="toggle-${place.to}"]`);
  const neighbour = place.neighbours.map(cardElement).find((element) => element !== null) ?? null;
  const board = document.querySelector<HTMLElement>('[data-testid="board"]');
  // Focusable from a script only, not in the Tab order.
  if (card === null && collapsed === null && neighbour === null && board !== null && !board.hasAttribute('tabindex')) board.tabIndex = -1;
  (card ?? collapsed ?? neighbour ?? board)?.focus();

  // Where it went: as the change said, else (a board read afresh) where it is drawn now.
  const to = place.to ?? card?.dataset.state ?? null;
  const moved = to !== null && to !== place.from;
  let said = moved ? trFilled(messages.liveMoved, { id: place.id, state: tr(stateLabel(place.kind, to)) }) : trFilled(messages.liveChanged, { id: place.id });
  if (card === null && collapsed === null) said = trFilled(messages.liveNotShown, { what: said });
  if (place.inMenu) said = trFilled(messages.liveMenuClosed, { what: said });
  announce(said);
}
