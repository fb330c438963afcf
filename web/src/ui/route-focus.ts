import { createEffect, on, onCleanup, onMount } from 'solid-js';

/** How many frames a page loaded on first opening (its code fetched) is waited for. */
const framesToWait = 120;

/**
 * Puts the focus on the page's main part once it is drawn, when nothing has
 * it (a page that put it somewhere, a form's first field, keeps it), and
 * again while the page settles if the part it was put on is drawn anew (a
 * page drawn in stages replaced its main part, and the focus fell to the
 * page's start). The element focused when it began (the link followed, on
 * the page being left) counts as nothing. Returns what stops the waiting.
 */
function focusMainWhenDrawn(): () => void {
  let frame = 0;
  let waited = 0;
  const left = document.activeElement;
  const tryFocus = () => {
    const active = document.activeElement;
    const unfocused = active === null || active === document.body || active === left || !active.isConnected;
    const main = document.querySelector<HTMLElement>('main');
    if (unfocused && main !== null) {
      // Focusable from a script only, not in the Tab order.
      if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
      main.focus({ preventScroll: true });
    } else if (!unfocused && active?.tagName !== 'MAIN') {
      // Someone put the focus somewhere (a form's first field, the user's click): theirs.
      return;
    }
    if ((waited += 1) < framesToWait) frame = requestAnimationFrame(tryFocus);
  };
  frame = requestAnimationFrame(tryFocus);
  return () => cancelAnimationFrame(frame);
}

/**
 * After a move to another page of the app (a link of the top bar), the
 * focus goes to the new page's main part: each page draws its own top bar,
 * so the link that had the focus is gone, and the keyboard fell back to the
 * page's start, Tab walking the whole top bar again.
 */
export function focusMainOnNavigation(pathname: () => string): void {
  let stop = () => {};
  onCleanup(() => stop());
  createEffect(
    on(
      pathname,
      () => {
        stop();
        stop = focusMainWhenDrawn();
      },
      { defer: true },
    ),
  );
}

/**
 * A page read by scrolling its main part (the report, the battle map), opened
 * directly: with the focus on the document's body, Page Down, Space and the
 * arrows scrolled nothing until the reader clicked inside it.
 */
export function focusMainOnOpen(): void {
  let stop = () => {};
  onMount(() => (stop = focusMainWhenDrawn()));
  onCleanup(() => stop());
}
