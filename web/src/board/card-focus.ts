import { createSignal } from 'solid-js';

// The card that has the keyboard focus now (null once the focus is elsewhere), and the one that had it last (kept).
// A card drawn in another column (after a move, the user's or someone else's) is a new element; it takes the focus
// back so the user keeps their place. Redrawn in its own column, it keeps its element. Lists keep both rendered even
// when scrolled out of their window: the focus always has an element, and Tab into the board finds the last card.
const [focusedCard, setFocusedCard] = createSignal<number | null>(null);
const [lastCard, setLastCard] = createSignal<number | null>(null);
export { focusedCard, lastCard };

/** Makes a card the board's last focused one ahead of the focus itself, so that its list renders it for the focus to go to. */
export const rememberCard = (id: number) => setLastCard(id);

if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (event) => {
    const card = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-card-id]') : null;
    const id = card === null ? null : Number(card.dataset.cardId);
    setFocusedCard(id);
    if (id !== null) setLastCard(id);
  });
}
