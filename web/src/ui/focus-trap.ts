const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside a modal dialog (`aria-modal="true"` promises it): from its
 * last control Tab goes to its first, and Shift+Tab from its first to its
 * last, instead of on to the page behind the backdrop. Call from the
 * dialog's keydown handler; answers whether it moved the focus.
 */
export function keepTabInside(dialog: HTMLElement | undefined, event: KeyboardEvent): boolean {
  if (dialog === undefined || event.key !== 'Tab') return false;
  const controls = [...dialog.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.getClientRects().length > 0);
  const first = controls[0];
  const last = controls.at(-1);
  if (first === undefined || last === undefined) return false;
  const active = document.activeElement;
  const outside = !(active instanceof Node) || !dialog.contains(active);
  if (event.shiftKey ? active === first || outside : active === last || outside) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
    return true;
  }
  return false;
}
