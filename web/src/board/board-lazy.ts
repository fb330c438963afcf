import { lazyPart } from '../ui/lazy-part';

// The dialogs and the detail panel (with the payload forms and their schemas) are not part of the
// board's first render: their code is fetched a moment after the board shows, when the browser is idle.
// Each is shown inside a LazyPart, which says so and closes it if that fetch fails.
export const MoveDialog = lazyPart(() => import('./move-dialog').then((m) => m.MoveDialog));
export const CreateDialog = lazyPart(() => import('./create-dialog').then((m) => m.CreateDialog));
export const DetailPanel = lazyPart(() => import('./detail-panel').then((m) => m.DetailPanel));

let preloaded = false;

/** Fetches the dialogs' code once, a second after the board painted, when the browser is idle. */
export function preloadDialogs(): void {
  if (preloaded) return;
  preloaded = true;
  const preload = () => {
    // A preload that fails is fetched again when its part is asked for (see LazyPart): nothing to say yet.
    for (const part of [MoveDialog, CreateDialog, DetailPanel]) part.preload().catch(() => undefined);
  };
  setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(preload, { timeout: 2000 }) : preload()), 1000);
}
