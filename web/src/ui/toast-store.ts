import { createSignal } from 'solid-js';
import { withToast, type Toast, type ToastLink, type ToastTone } from './toast-list';

// The messages shown, apart from their view (toasts.tsx): the session and the live updates say and clear them, and
// their unit tests run without the Solid JSX transform.
const [toasts, setToasts] = createSignal<readonly Toast[]>([]);
let nextId = 1;

/** The messages standing now, oldest first. */
export const shownToasts = toasts;

/** Shows a message for a few seconds (errors, and one with a link to follow, stay longer); its id, to take it down sooner. */
export function toast(text: () => string, tone: ToastTone = 'error', link?: ToastLink): number {
  const id = nextId++;
  setToasts((list) => withToast(list, { id, tone, text, ...(link === undefined ? {} : { link }) }));
  setTimeout(() => dismiss(id), tone === 'error' || link !== undefined ? 10_000 : 5000);
  return id;
}

/** Takes every message down at once. */
export function dismissAllToasts(): void {
  setToasts([]);
}

/** Takes one message down. */
export function dismiss(id: number): void {
  setToasts((list) => list.filter((item) => item.id !== id));
}
