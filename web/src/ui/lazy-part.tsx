import { ErrorBoundary, lazy, type Component, type JSX } from 'solid-js';
import { tr } from '../i18n/i18n';
import { toast } from './toast-store';

/** A part's code that could not be fetched: the server down, the network gone, or a new build that replaced its file. */
export class CodeNotLoaded extends Error {
  constructor(cause: unknown) {
    super(`code not loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'CodeNotLoaded';
  }
}

/**
 * {@link lazy}, its fetch failing as {@link CodeNotLoaded}, for a part shown
 * inside a {@link LazyPart}. Solid fetches it again the next time it is asked
 * for (a failed fetch is not kept).
 */
export function lazyPart<P extends object>(load: () => Promise<Component<P>>): Component<P> & { preload: () => Promise<{ default: Component<P> }> } {
  return lazy(() =>
    load().then(
      (part) => ({ default: part }),
      (error: unknown) => {
        throw new CodeNotLoaded(error);
      },
    ),
  );
}

const notLoaded = { zh: '无法连接服务器，未能打开：请检查网络后重试', en: 'Cannot reach the server, so this could not be opened: check the network and try again' };

/**
 * Where a dialog or a panel whose code is fetched when first shown is
 * shown: if that fetch fails, the page stays, a toast says why, and
 * `onFailed` closes the part (asked for again, it is fetched again). Left to
 * the page's own boundary, one dialog asked for while the server was down
 * had replaced the whole board with 页面无法显示. Any other error goes on to
 * the page's boundary, as before.
 */
export function LazyPart(props: { onFailed: () => void; children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(error: unknown) => {
        if (!(error instanceof CodeNotLoaded)) throw error;
        console.warn(error);
        toast(() => tr(notLoaded), 'error');
        queueMicrotask(() => props.onFailed());
        return null;
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}
