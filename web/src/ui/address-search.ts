import { createEffect, on } from 'solid-js';

/**
 * A search box's text kept to the search the address holds (the board's, a list's): when the address's search
 * changes under it (Back and Forward, another list's tab, a filter cleared), the box says the new one, and a search
 * still waiting to be sent (`cancelPending`) is not sent over it. Left, a list's box held a search the list no longer
 * filtered by, which read as filtering it and its export. The text typed is kept while it already means the
 * address's search (a space typed at its end).
 */
export function followAddressSearch(q: () => string | undefined, text: () => string, setText: (text: string) => void, cancelPending: () => void): void {
  createEffect(
    on(
      q,
      (value) => {
        if ((text().trim() || undefined) === value) return;
        cancelPending();
        setText(value ?? '');
      },
      { defer: true },
    ),
  );
}
