/**
 * What had the focus as a dialog or panel opened, to give it back once it has
 * closed: unless its owner has put the focus somewhere already, it goes back
 * to that control (the button that opened it), or to `fallback` when that is
 * gone or disabled (a batch's button once its cards are no longer ticked). Left on the page's body, a keyboard user started again from the top.
 * Call as it opens (before it takes the focus); call the answer as it closes.
 */
export function rememberOpener(fallback?: () => HTMLElement | null): () => void {
  const active = document.activeElement;
  const opener = active instanceof HTMLElement && active !== document.body ? active : null;
  return () =>
    requestAnimationFrame(() => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      (opener !== null && takesFocus(opener) ? opener : (fallback?.() ?? null))?.focus();
    });
}

/** Whether focus() would move the focus there: a control removed or disabled keeps it where it is. */
const takesFocus = (element: HTMLElement): boolean => element.isConnected && !element.matches(':disabled');
