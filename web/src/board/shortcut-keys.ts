/**
 * The board's page-wide keys, beside the cards' own (card-keys.ts): `?` shows
 * every key the board takes, `/` puts the focus in its search box, as GitHub
 * and Jira have them. Neither is taken from someone typing (a `?` in a note is
 * a question mark), nor with Ctrl, Alt or ⌘ held (the browser's own keys), nor
 * while a dialog or the drawer's form holds the focus.
 */
export type BoardShortcut = 'keys' | 'search';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

/** The board's shortcut a key press asks for; null for any other key, a key held with a modifier, or one pressed while typing. */
export function boardShortcutOf(press: KeyPress, typing: boolean): BoardShortcut | null {
  if (typing || press.ctrlKey || press.altKey || press.metaKey) return null;
  // Shift is not checked: `?` is Shift+/ on most layouts, and a plain `?` key on others.
  return press.key === '?' ? 'keys' : press.key === '/' ? 'search' : null;
}

/** Whether a key pressed with the focus on `target` goes into what the user is writing or choosing, not to the page. */
export function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"], [role="menu"]') !== null;
}
