import { lazy } from 'solid-js';

// The dialogs and the detail panel (with the payload forms and their schemas) are not part of the
// board's first render: their code is fetched a moment after the board shows, when the browser is idle.
export const MoveDialog = lazy(() => import('./move-dialog').then((m) => ({ default: m.MoveDialog })));
export const CreateDialog = lazy(() => import('./create-dialog').then((m) => ({ default: m.CreateDialog })));
export const DetailPanel = lazy(() => import('./detail-panel').then((m) => ({ default: m.DetailPanel })));

let preloaded = false;

/** Fetches the dialogs' code once, a second after the board painted, when the browser is idle. */
export function preloadDialogs(): void {
  if (preloaded) return;
  preloaded = true;
  const preload = () => {
    void MoveDialog.preload();
    void CreateDialog.preload();
    void DetailPanel.preload();
  };
  setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(preload, { timeout: 2000 }) : preload()), 1000);
}
