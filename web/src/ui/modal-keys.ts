import { onCleanup, onMount } from 'solid-js';
import { keepTabInside } from './focus-trap';

/**
 * The keyboard of a modal dialog for as long as it is mounted: Escape cancels
 * it (not while it is sending), Tab stays inside it, and the first control
 * `focusFirst` selects has the focus when it opens.
 */
export function useModalKeys(dialog: () => HTMLElement | undefined, options: { readonly busy: () => boolean; readonly onCancel: () => void; readonly focusFirst: string }): void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !options.busy()) options.onCancel();
    else keepTabInside(dialog(), event);
  };
  onMount(() => {
    document.addEventListener('keydown', onKey);
    dialog()?.querySelector<HTMLElement>(options.focusFirst)?.focus();
  });
  onCleanup(() => document.removeEventListener('keydown', onKey));
}
