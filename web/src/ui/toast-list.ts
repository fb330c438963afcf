export type ToastTone = 'error' | 'warning' | 'info';

export interface Toast {
  readonly id: number;
  readonly tone: ToastTone;
  /** Read at render time, so a toast follows a language switch. */
  readonly text: () => string;
  /** Where the message leads, a link after its text (the report an advance froze). */
  readonly link?: ToastLink;
}

export interface ToastLink {
  readonly href: string;
  readonly text: () => string;
}

/** How many toasts stand at once: older ones give way. */
export const maxToasts = 4;

/**
 * The toasts shown once `added` joins them: one saying the same thing in the
 * same tone gives way to it (ten saves in a row say 已保存 once, for the
 * last), and the oldest give way past {@link maxToasts}.
 */
export function withToast(shown: readonly Toast[], added: Toast): Toast[] {
  const text = added.text();
  const others = shown.filter((toast) => toast.tone !== added.tone || toast.text() !== text);
  return [...others.slice(-(maxToasts - 1)), added];
}
