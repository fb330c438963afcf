/*
 * A side column's toggle is drawn anew when pressed: the collapsed strip (Expand) gives way to the open column's header
 * (Collapse), and back. The element that had the focus is gone with it, and the focus fell to the page's body, where a
 * screen reader lost its place and Escape or the arrows acted on nothing. The toggle pressed is noted here, and the one
 * that takes its place takes the focus once drawn. A column opened or closed otherwise (the address on load, Back and
 * Forward) finds nothing noted, and the focus is left where it is.
 */

let pressed: { readonly state: string; readonly toggle: HTMLElement } | null = null;

/** Notes the side column's toggle the user pressed (Enter, Space or a click), then opens or closes the column. */
export function pressToggle(state: string, toggle: HTMLElement, swap: (state: string) => void): void {
  pressed = { state, toggle };
  swap(state);
}

/** Given a side column's toggle as it is drawn: takes the focus when it replaces the one pressed and the focus was lost with it. */
export function takeFocusIfPressed(toggle: HTMLElement, state: string): void {
  if (pressed?.state !== state) return;
  const old = pressed.toggle;
  pressed = null;
  // Drawn, and the one pressed gone (once the address has changed): the focus went to the body with it, unless the
  // keyboard or the mouse went on elsewhere meanwhile, where it is left.
  queueMicrotask(() => {
    const active = document.activeElement;
    if (old.isConnected || !toggle.isConnected || (active !== null && active !== document.body)) return;
    toggle.focus();
  });
}
