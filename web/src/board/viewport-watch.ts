import { batch } from 'solid-js';

/** The part of a list inside its scroll container's visible area, in the list's own pixels. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

interface Watcher {
  readonly list: HTMLElement;
  readonly set: (span: Span) => void;
}

interface Watched {
  readonly watchers: Set<Watcher>;
  readonly resize: ResizeObserver;
  readonly onScroll: () => void;
  frame: number | null;
}

const watched = new Map<HTMLElement, Watched>();

/**
 * Once per frame for each scroll container, reads the container and every
 * list in it first, then sets all their spans in one batch: reading and
 * writing in turn would force a layout per list (a board in lanes has a hundred).
 */
function flush(parent: HTMLElement, entry: Watched): void {
  entry.frame = null;
  const box = parent.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  const spans = [...entry.watchers].map((watcher) => {
    const list = watcher.list.getBoundingClientRect();
    return { watcher, span: { from: top - list.top, to: bottom - list.top } };
  });
  batch(() => {
    for (const { watcher, span } of spans) watcher.set(span);
  });
}

function schedule(parent: HTMLElement, entry: Watched): void {
  if (entry.frame === null) entry.frame = requestAnimationFrame(() => flush(parent, entry));
}

/** The nearest ancestor that scrolls vertically (a column's body, or the board in lanes). */
export function scrollParentOf(element: HTMLElement): HTMLElement {
  for (let at = element.parentElement; at !== null; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return at;
  }
  return document.documentElement;
}

/**
 * Tells `set` which span of `list` is on screen, now and whenever its
 * scroll container scrolls or changes size (or the window does). Answers the function that stops it.
 */
export function watchViewport(list: HTMLElement, set: (span: Span) => void): () => void {
  const parent = scrollParentOf(list);
  let entry = watched.get(parent);
  if (entry === undefined) {
    const created: Watched = {
      watchers: new Set(),
      frame: null,
      resize: new ResizeObserver(() => schedule(parent, created)),
      onScroll: () => schedule(parent, created),
    };
    parent.addEventListener('scroll', created.onScroll, { passive: true });
    window.addEventListener('resize', created.onScroll, { passive: true });
    created.resize.observe(parent);
    watched.set(parent, created);
    entry = created;
  }
  const current = entry;
  const watcher: Watcher = { list, set };
  current.watchers.add(watcher);
  // The list itself grows as its cards are measured, and moves when what sits above it does.
  current.resize.observe(list);
  schedule(parent, current);
  return () => {
    current.watchers.delete(watcher);
    current.resize.unobserve(list);
    if (current.watchers.size > 0) return;
    parent.removeEventListener('scroll', current.onScroll);
    window.removeEventListener('resize', current.onScroll);
    current.resize.disconnect();
    if (current.frame !== null) cancelAnimationFrame(current.frame);
    watched.delete(parent);
  };
}
