/**
 * Gives the focus to the first field marked wrong (`aria-invalid`) within a
 * form, once the refusal that marks it is drawn: its message, which
 * describes it, is read out with it, and the keyboard is where the mending
 * is. A dialog's or a page's own form; the drawer's forms, drawn anew as
 * the item is read again, go through focusFirstInvalid (board/form-focus).
 */
export function focusFirstMarked(within: HTMLElement | undefined): void {
  queueMicrotask(() => within?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
