import { createEffect } from 'solid-js';
import type { ItemKind } from '../api/client';
import type { Column } from './board-state';

/** Where two columns fill the screen and the board rests at a column's start (board.css, a phone). */
const phone = '(max-width: 600px)';

/**
 * On a phone, the board first drawn for a kind of item opens at its first main column holding any, not on empty
 * ones: a lead's or an officer's 新发现 can be empty while their work waits two or three swipes to the right, and
 * the screen showed nothing but 暂无. Once per kind, and not where the board is already scrolled (a card opened by
 * its address brings itself into view); after that where the board rests is the user's.
 */
export function openAtWork(board: () => HTMLElement | undefined, drawn: () => boolean, kind: () => ItemKind, columns: () => readonly Column[]): void {
  const opened = new Set<ItemKind>();
  createEffect(() => {
    const element = board();
    if (!drawn() || element === undefined || opened.has(kind())) return;
    opened.add(kind());
    if (!matchMedia(phone).matches) return;
    const first = columns().find((column) => column.count > 0);
    if (first === undefined || first === columns()[0]) return;
    // Once its cards are laid out: the column's place is known only then.
    requestAnimationFrame(() => {
      const column = element.querySelector<HTMLElement>(`[data-testid="column-${first.state}"]`);
      if (column === null || element.scrollLeft > 0) return;
      const padding = parseFloat(getComputedStyle(element).scrollPaddingInlineStart) || 0;
      element.scrollLeft = column.getBoundingClientRect().left - element.getBoundingClientRect().left - padding;
    });
  });
}
