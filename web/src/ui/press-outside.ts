import { onCleanup } from 'solid-js';

/**
 * Calls `away` on a press (mouse, pen or finger) anywhere outside `inside()`, for
 * as long as the calling component lives: how a small popup closes when the user
 * turns to something else.
 */
export function onPressOutside(inside: () => Node | undefined, away: () => void): void {
  const onPointer = (event: PointerEvent) => {
    const box = inside();
    if (box !== undefined && !box.contains(event.target as Node)) away();
  };
  document.addEventListener('pointerdown', onPointer);
  onCleanup(() => document.removeEventListener('pointerdown', onPointer));
}
