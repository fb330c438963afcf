/**
 * The board's arrow keys. The cards are one composite widget with a single
 * Tab stop (WAI-ARIA's roving tab index, as its grid and listbox patterns
 * have it): Tab enters the board on the card last focused and leaves it
 * after that card's move button, and the arrows go from card to card. Up and
 * Down keep to the card's column (or lane cell), Home and End go to its ends;
 * Left and Right go to the card nearest on screen in the previous or next
 * column (in lanes, the lane's row) that has cards, passing over empty and
 * collapsed ones, whose toggles stay ordinary Tab stops. No key wraps round.
 */
export const cardKeys: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'ArrowLeft', 'ArrowRight']);

/** The index Up, Down, Home or End takes the focus to in a list of `count` cards from `index`; null for another key or past an end. */
export function stepWithin(key: string, index: number, count: number): number | null {
  const to = key === 'ArrowUp' ? index - 1 : key === 'ArrowDown' ? index + 1 : key === 'Home' ? 0 : key === 'End' ? count - 1 : -1;
  return to >= 0 && to < count && to !== index ? to : null;
}

/** The index of the centre nearest to `y` (the first of equals), null when there are none. */
export function nearestTo(centres: readonly number[], y: number): number | null {
  let best: number | null = null;
  centres.forEach((centre, i) => {
    if (best === null || Math.abs(centre - y) < Math.abs((centres[best] ?? 0) - y)) best = i;
  });
  return best;
}

/**
 * The card in the board's Tab order: the one focused last while it is still
 * drawn, else the first the board draws. `lists` are the open columns'
 * cards left to right; with lanes, `laneRank` gives a card's lane's place
 * from the top, and the first card is that of the top lane's leftmost cell.
 */
export function tabStopOf<C extends { readonly id: number }>(lists: readonly (readonly C[])[], last: number | null, laneRank: ((card: C) => number) | null): number | null {
  if (last !== null && lists.some((cards) => cards.some((card) => card.id === last))) return last;
  let best: { id: number; rank: number } | null = null;
  for (const cards of lists) {
    for (const card of cards) {
      const rank = laneRank?.(card) ?? 0;
      if (best === null || rank < best.rank) best = { id: card.id, rank };
      if (laneRank === null) break;
    }
    if (laneRank === null && best !== null) break;
  }
  return best?.id ?? null;
}

const drawnCards = (list: Element) => [...list.querySelectorAll<HTMLElement>('article[data-card-id]:not([data-dnd-placeholder])')];
const centreOf = (element: Element) => {
  const { top, bottom } = element.getBoundingClientRect();
  return (top + bottom) / 2;
};

/**
 * The card Left or Right takes the focus to from `card`: in the next list of
 * its row with cards drawn in `step`'s direction, the one nearest on screen.
 * A list draws every card on screen, so the nearest drawn is the nearest.
 */
export function cardAcross(card: HTMLElement, step: 1 | -1): HTMLElement | null {
  const list = card.closest<HTMLElement>('[data-card-row]');
  const board = list?.closest('[data-testid="board"]');
  if (list === null || list === undefined || board === null || board === undefined) return null;
  const row = list.dataset.cardRow;
  const lists = [...board.querySelectorAll<HTMLElement>('[data-card-row]')].filter((other) => other.dataset.cardRow === row);
  const y = centreOf(card);
  for (let at = lists.indexOf(list) + step; at >= 0 && at < lists.length; at += step) {
    const cards = drawnCards(lists[at] as HTMLElement);
    const nearest = nearestTo(cards.map(centreOf), y);
    if (nearest !== null) return cards[nearest] ?? null;
  }
  return null;
}

/** Focuses a card and scrolls it (its column, and the board) just into view. */
export function focusOnCard(card: HTMLElement): void {
  card.focus({ preventScroll: true });
  card.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
