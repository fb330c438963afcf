import { createSignal, onCleanup, onMount, type Accessor } from 'solid-js';

/** The screen the wall is laid out for, in CSS pixels: a 1080p screen at 1.2× zoom, a 1600×900 window. */
const designWidth = 1600;
const designHeight = 900;

/**
 * How much larger than its design the wall is drawn on a screen: a wall is
 * read from across a room, and a 4K television at 1:1 pixels showed its
 * figures at a third of the size they have on a 1080p one, in a side panel
 * mostly empty. Never below 1: smaller screens keep the sizes (and the
 * height-bound ones) their own styles give.
 */
export function wallZoom(width: number, height: number): number {
  const fit = Math.min(width / designWidth, height / designHeight);
  return fit <= 1 ? 1 : Math.floor(fit * 100) / 100;
}

/**
 * Whether a screen is too narrow or too low for the wall's one-screen layout (a phone, either way up): there its
 * sections stack and the page scrolls, as the battle map's do below the same 900 px. Squeezed into one screen, a
 * phone's wall had its heading one character a line, figures without their numbers and its buttons off the edge.
 */
export function wallStacks(width: number, height: number): boolean {
  return width <= 900 || height <= 500;
}

/**
 * Whether a screen of 3:2 or squarer (a 4:3 projector at 1024 × 768, a 1280 × 1024 monitor) has the detachments under
 * the map rather than beside the figures: there the map is bound by its column's width and leaves room under it, while
 * the side, under a head of two rows, had none for the figures' scope, the detachments' names and a typical case. The
 * threshold is the styles' `max-aspect-ratio: 3/2`.
 */
export function wallPutsUnitsUnderMap(width: number, height: number): boolean {
  return !wallStacks(width, height) && width / height <= 3 / 2;
}

/** How the wall is drawn on a screen: its zoom, and a hundredth of the screen's height in the wall's own pixels. */
export interface WallScale {
  readonly zoom: number;
  /** Its sections one under another ({@link wallStacks}). */
  readonly stacked: boolean;
  /** The detachments drawn under the map ({@link wallPutsUnitsUnderMap}). */
  readonly unitsUnderMap: boolean;
  /**
   * What the wall's styles use for `vh` (their `--vh`). Their sizes follow the screen's height below its
   * design (min(40px, 4.2vh)); Chromium resolves `vh` against the screen before zooming, so a zoomed wall
   * got them twice over: a 1080p screen laid out as a 1600 × 1034 window squeezed into 900 lines, every
   * figure at its largest, and no room left for the typical case in English. Zoomed, a hundredth of the
   * height it stands for: 9 px on every 16:9 screen, as on the design's.
   */
  readonly vh: string;
}

export function wallScale(width: number, height: number): WallScale {
  // Stacked, the wall scrolls rather than fitting the screen's height: its sizes are those of its design screen.
  if (wallStacks(width, height)) return { zoom: 1, stacked: true, unitsUnderMap: false, vh: `${designHeight / 100}px` };
  const zoom = wallZoom(width, height);
  return { zoom, stacked: false, unitsUnderMap: wallPutsUnitsUnderMap(width, height), vh: zoom === 1 ? '1vh' : `${Math.round(height / zoom) / 100}px` };
}

/** {@link wallScale} of the window, following its size. */
export function useWallScale(): Accessor<WallScale> {
  const [scale, setScale] = createSignal(wallScale(window.innerWidth, window.innerHeight));
  const follow = () => setScale(wallScale(window.innerWidth, window.innerHeight));
  onMount(() => window.addEventListener('resize', follow));
  onCleanup(() => window.removeEventListener('resize', follow));
  return scale;
}
