import { onCleanup, onMount } from 'solid-js';
import { keepTabInside } from './focus-trap';
import { rememberOpener } from './focus-return';

/**
 * The keyboard of a modal dialog for as long as it is mounted: Escape cancels
 * it (not while it is sending), Tab stays inside it, and the first control
 * `focusFirst` selects has the focus when it opens. Closed, it gives the focus
 * back to what had it when it opened (the button that opened it), unless its
 * owner has put it somewhere already: left on the page's body, a keyboard
 * user started again from the top (the create dialog, the batch's); `fallback`
 * says where it goes when that control is gone or disabled.
 */
export function useModalKeys(dialog: () => HTMLElement | undefined, options: { readonly busy: () => boolean; readonly onCancel: () => void; readonly focusFirst: string; readonly fallback?: () => HTMLElement | null }): void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !options.busy()) options.onCancel();
    else keepTabInside(dialog(), event);
  };
  let giveBack = () => {};
  onMount(() => {
    giveBack = rememberOpener(options.fallback);
    document.addEventListener('keydown', onKey);
    dialog()?.querySelector<HTMLElement>(options.focusFirst)?.focus();
  });
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    giveBack();
  });
}
