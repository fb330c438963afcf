import { useBeforeLeave, useLocation } from '@solidjs/router';
import { onCleanup } from 'solid-js';
import { askConfirm, type ConfirmOptions } from './confirm-dialog';

/**
 * Asks before the page is left while it holds what would be lost: `question` answers what to ask (its text, and the
 * dialog's heading and confirm button), or null when nothing would be lost. A link or Back within the app asks in the app's own dialog and goes on only on its yes; a reload,
 * a closed tab or an address typed asks through the browser's own prompt (its words are the browser's: a page may
 * no longer set them). Asked only as the page is left, so a change read from elsewhere meanwhile asks nothing.
 */
export function useLeaveGuard(question: () => LeaveQuestion | null): void {
  const location = useLocation();
  useBeforeLeave((leaving) => {
    // Another hash or query of the same page (a link to one of its sections) leaves nothing behind.
    if (leaving.defaultPrevented || (typeof leaving.to === 'string' && samePage(leaving.to, location.pathname))) return;
    const asked = question();
    if (asked === null) return;
    leaving.preventDefault();
    void askConfirm(asked.text, asked).then((yes) => {
      if (yes) leaving.retry(true);
    });
  });
  const unloading = (event: BeforeUnloadEvent) => {
    if (question() === null) return;
    event.preventDefault();
    // Chromium before 119 and Safari ask only when the event's returnValue is set.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', unloading);
  onCleanup(() => window.removeEventListener('beforeunload', unloading));
}

/** The words of the question asked before leaving: its text, and the confirm dialog's heading and button. */
export interface LeaveQuestion extends ConfirmOptions {
  readonly text: string;
}

const samePage = (to: string, pathname: string): boolean => new URL(to, window.location.href).pathname === pathname;
