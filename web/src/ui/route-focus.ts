import { createEffect, on, onCleanup } from 'solid-js';

/** How many frames a page loaded on first opening (its code fetched) is waited for. */
const framesToWait = 120;

/**
 * After a move to another page of the app (a link of the top bar), the
 * focus goes to the new page's main part: each page draws its own top bar,
 * so the link that had the focus is gone, and the keyboard fell back to the
 * page's start, Tab walking the whole top bar again. Only when nothing has
 * the focus: a page that put it somewhere (a form's first field) keeps it.
 */
export function focusMainOnNavigation(pathname: () => string): void {
  let frame = 0;
  onCleanup(() => cancelAnimationFrame(frame));
  createEffect(
    on(
      pathname,
      () => {
        cancelAnimationFrame(frame);
        let waited = 0;
        const tryFocus = () => {
          if (document.activeElement !== null && document.activeElement !== document.body) return;
          const main = document.querySelector<HTMLElement>('main');
          if (main === null) {
            if ((waited += 1) < framesToWait) frame = requestAnimationFrame(tryFocus);
            return;
          }
          // Focusable from a script only, not in the Tab order.
          if (!main.hasAttribute('tabindex')) main.tabIndex = -1;
          main.focus({ preventScroll: true });
        };
        frame = requestAnimationFrame(tryFocus);
      },
      { defer: true },
    ),
  );
}
