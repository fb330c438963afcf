import { onCleanup } from 'solid-js';

/** The parts of a page a lost focus falls back to, nearest first: each is said by its heading, when it has one. */
const regions = '[role=dialog], [role=alertdialog], [role=tabpanel], [role=region], section, fieldset, main';
const headings = 'h1, h2, h3, h4, legend';

/**
 * Keeps the keyboard's place when what had the focus is taken off the page
 * while it had it: a unit deleted by its own button, the map removed, a form
 * closed by its save. The browser puts the focus on the page's body, and a
 * keyboard user started again from the top of the page. Instead it goes to
 * the heading of the nearest part of the page still there (the settings'
 * section), or to that part itself when it shows none (the people page's tab),
 * so Tab goes on from where the user was and a screen reader says where that
 * is. Nothing is done when someone else put the focus somewhere first (a
 * dialog giving it back to the button that opened it). Watches what is
 * taken out of `root` (a page's main part) until the answer is called.
 *
 * Not the board's: its cards, drawn anew as they move or scroll, have their
 * own ways of keeping the focus on the card (see virtual-cards.tsx).
 */
export function keepFocusInPlace(root: HTMLElement): () => void {
  // The control in `root` the keyboard was last at. A dialog it opened (a confirmation) does not change it: the
  // keyboard comes back to it, or would, had it not been disabled meanwhile while its work was sent (the map's
  // Remove) and then taken away by that work. Focus put anywhere else outside `root` does.
  let last: Element | null = null;
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target !== null && root.contains(target)) last = target;
    else if (target?.closest('[aria-modal=true]') == null) last = null;
  };
  const observer = new MutationObserver((records) => {
    const lost = last;
    if (lost === null || lost.isConnected) return;
    last = null;
    // Where it was taken from: the nearest part of the page still there.
    const from = records.find((record) => record.target.isConnected && [...record.removedNodes].some((node) => node === lost || node.contains(lost)))?.target;
    if (from === undefined) return;
    // After the dialogs' own giving back, which runs in this frame too (see focus-return.ts).
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      focusNear(from);
    });
  });
  document.addEventListener('focusin', onFocusIn);
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
  };
}

/**
 * Focuses the heading of the nearest part of the page around `place` that shows one; or else the nearest part that
 * is named (a tab's panel, named by its tab: its heading there is for screen readers alone, and a focus ring on it
 * would be a pixel wide); or else the nearest part.
 */
function focusNear(place: Node): void {
  const start = place instanceof Element ? place : place.parentElement;
  if (start === null || !start.isConnected) return;
  let nearest: HTMLElement | null = null;
  let named: HTMLElement | null = null;
  for (let region = start.closest<HTMLElement>(regions); region !== null; region = region.parentElement?.closest<HTMLElement>(regions) ?? null) {
    nearest ??= region;
    if (region.tagName === 'MAIN') break;
    const heading = [...region.querySelectorAll<HTMLElement>(headings)].find((h) => !h.matches('.visually-hidden'));
    if (heading !== undefined) return focusOn(heading);
    if (region.hasAttribute('aria-labelledby') || region.hasAttribute('aria-label')) named ??= region;
  }
  const part = named ?? nearest;
  if (part !== null) focusOn(part);
}

/** Focuses an element from a script, one not in the Tab order (a heading) made focusable so: the next Tab goes on from it. */
function focusOn(element: HTMLElement): void {
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus({ preventScroll: true });
}

/** A page's main part as its ref: keeps the keyboard's place in it (see {@link keepFocusInPlace}) while the page is open. */
export function useFocusKeeper(): (main: HTMLElement) => void {
  let stop = () => {};
  onCleanup(() => stop());
  return (main) => {
    stop();
    stop = keepFocusInPlace(main);
  };
}
