import { createSignal, onCleanup, type Accessor } from 'solid-js';

/**
 * Whether the screen is touched rather than pointed at (a phone, a tablet): there no file is dragged in and none pasted
 * with Ctrl+V, so what a page offers for them is said otherwise. Follows a change (a tablet given a mouse); call it
 * inside a component.
 */
export function createTouchScreen(): Accessor<boolean> {
  const media = matchMedia('(pointer: coarse)');
  const [touch, setTouch] = createSignal(media.matches);
  const changed = () => setTouch(media.matches);
  media.addEventListener('change', changed);
  onCleanup(() => media.removeEventListener('change', changed));
  return touch;
}
