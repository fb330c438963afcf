/**
 * What had the focus as a dialog or panel opened, to give it back once it has
 * closed: unless its owner has put the focus somewhere already, it goes back
 * to that control (the button that opened it), or to `fallback` when that is
 * gone. Left on the page's body, a keyboard user started again from the top.
 * Call as it opens (before it takes the focus); call the answer as it closes.
 */
export function rememberOpener(fallback?: () => HTMLElement | null): () => void {
  const active = document.activeElement;
  const opener = active instanceof HTMLElement && active !== document.body ? active : null;
  return () =>
    requestAnimationFrame(() => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      (opener?.isConnected === true ? opener : (fallback?.() ?? null))?.focus();
    });
}
