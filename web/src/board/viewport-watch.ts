import { batch } from 'solid-js';

/** The part of a list inside its scroll container's visible area, in the list's own pixels. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

interface Watcher {
  readonly list: HTMLElement;
  readonly set: (span: Span) => void;
  /** Its scroll container's entry, from the first frame after it was watched on. */
  entry?: Watched;
}

interface Watched {
  readonly parent: HTMLElement;
  readonly watchers: Set<Watcher>;
  readonly resize: ResizeObserver;
  readonly onScroll: () => void;
}

const watched = new Map<HTMLElement, Watched>();
/** Lists watched since the last frame: their scroll containers are found at the next one. */
const arriving = new Set<Watcher>();
/** Scroll containers to read at the next frame. */
const due = new Set<Watched>();
let frame: number | null = null;

/**
 * Once per frame: finds the scroll containers of the lists watched since the
 * last one, then, for every scroll container that scrolled or changed size,
 * reads the container and every list in it, and sets all their spans in one
 * batch. Reading and writing in turn would force a layout per list (a board
 * has a column per state, in lanes a hundred cells). The containers are
 * found here, all at once, for the same reason: looked for as each list
 * mounted, every computed style read forced the style of a page still being
 * built to be worked out again, a tenth of a second of a board's first load
 * (in a CPU profile, the most of any one function).
 */
function flush(): void {
  frame = null;
  for (const watcher of arriving) attach(watcher);
  arriving.clear();
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
  requestFrame();
}

function requestFrame(): void {
  if (frame === null) frame = requestAnimationFrame(flush);
}

/** Watches a list's scroll container, and the list in it, from now on; read at this frame. */
function attach(watcher: Watcher): void {
  const parent = scrollParentOf(watcher.list);
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
  watcher.entry = entry;
  entry.watchers.add(watcher);
  // The list itself grows as its cards are measured, and moves when what sits above it does.
  entry.resize.observe(watcher.list);
  due.add(entry);
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
  const watcher: Watcher = { list, set };
  arriving.add(watcher);
  requestFrame();
  return () => {
    arriving.delete(watcher);
    const current = watcher.entry;
    if (current === undefined) return;
    current.watchers.delete(watcher);
    current.resize.unobserve(list);
    if (current.watchers.size > 0) return;
    current.parent.removeEventListener('scroll', current.onScroll);
    window.removeEventListener('resize', current.onScroll);
    current.resize.disconnect();
    due.delete(current);
    watched.delete(current.parent);
  };
}
