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

/** {@link wallZoom} of the window, following its size. */
export function useWallZoom(): Accessor<number> {
  const [zoom, setZoom] = createSignal(wallZoom(window.innerWidth, window.innerHeight));
  const follow = () => setZoom(wallZoom(window.innerWidth, window.innerHeight));
  onMount(() => window.addEventListener('resize', follow));
  onCleanup(() => window.removeEventListener('resize', follow));
  return zoom;
}
