import { prefetchBoard } from './board/board-prefetch';
import { prefetchSession } from './session/session-prefetch';
import { reloadForNewBuild, serverAnswers } from './new-build';

// The page's first reads start now, from this small entry (async in index.html: it waits neither
// for the stylesheet nor for the page to be parsed), while the app's code, preloaded beside it, is
// still downloading and compiling.
prefetchSession(location);
prefetchBoard(location);

// A chunk of this (older) build that the server no longer has: the page loads the new build, once. Only when the server
// answers: one stopped or restarting fails every chunk too, and the page and what is typed in it are kept for its return.
window.addEventListener('vite:preloadError', () => {
  void serverAnswers(() => fetch('/', { cache: 'no-store' })).then((answers) => {
    if (answers) reloadForNewBuild(sessionStorage, Date.now(), () => location.reload());
  });
});

const app = import('./mount').catch((error: unknown) => {
  document.body.textContent = 'Battlemap 未能加载，请刷新页面。 Battlemap could not load: please reload the page.';
  throw error;
});
const parsed = new Promise<void>((done) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => done(), { once: true });
  else done();
});
void Promise.all([app, parsed]).then(([{ mountApp }]) => {
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root');
  mountApp(root);
});
