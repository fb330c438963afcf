import { render } from 'solid-js/web';
import { App } from './app';
// With the app rather than in the entry: all of the app's styles then make one stylesheet, in the
// order they always had, which index.html links (web/build/preload-app.ts).
import './styles/base.css';
import './styles/board.css';

/** Renders the whole app into `root`. */
export function mountApp(root: HTMLElement): void {
  render(() => <App />, root);
}
