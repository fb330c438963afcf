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
  readonly parent: HTMLElement;
  readonly watchers: Set<Watcher>;
  readonly resize: ResizeObserver;
  readonly onScroll: () => void;
}

const watched = new Map<HTMLElement, Watched>();
/** Scroll containers to read at the next frame. */
const due = new Set<Watched>();
let frame: number | null = null;

/**
 * Once per frame, for every scroll container that scrolled or changed size,
 * reads the container and every list in it first, then sets all their spans
 * in one batch: reading and writing in turn would force a layout per list
 * (a board has a column per state, in lanes a hundred cells).
 */
function flush(): void {
  frame = null;
  const spans = [...due].flatMap((entry) => {
    const box = entry.parent.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    return [...entry.watchers].map((watcher) => {
      const list = watcher.list.getBoundingClientRect();
      return { watcher, span: { from: top - list.top, to: bottom - list.top } };
    });
  });
  due.clear();
  batch(() => {
    for (const { watcher, span } of spans) watcher.set(span);
  });
}

function schedule(entry: Watched): void {
  due.add(entry);
  if (frame === null) frame = requestAnimationFrame(flush);
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
      parent,
      watchers: new Set(),
      resize: new ResizeObserver(() => schedule(created)),
      onScroll: () => schedule(created),
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
  schedule(current);
  return () => {
    current.watchers.delete(watcher);
    current.resize.unobserve(list);
    if (current.watchers.size > 0) return;
    parent.removeEventListener('scroll', current.onScroll);
    window.removeEventListener('resize', current.onScroll);
    current.resize.disconnect();
    due.delete(current);
    watched.delete(parent);
  };
}
