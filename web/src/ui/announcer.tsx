import { createSignal } from 'solid-js';

const [message, setMessage] = createSignal('');

/** Tells screen-reader users what just happened (a move, a refusal), politely, without moving focus. */
export function announce(text: string): void {
  // The same text twice in a row must be read twice: clear, then set on the next frame.
  setMessage('');
  requestAnimationFrame(() => setMessage(text));
}

/** The page's one live region for announcements; visually hidden. */
export function Announcer() {
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message()}
    </div>
  );
}
