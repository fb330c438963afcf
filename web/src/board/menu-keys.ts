/** An item of a menu as the keyboard sees it: the name a typed letter is matched against, and whether it can be chosen. */
export interface MenuEntry {
  readonly label: string;
  readonly disabled: boolean;
}

/**
 * The item a key takes the focus to in a menu (WAI-ARIA's menu pattern):
 * ArrowDown and ArrowUp to the next or previous item, round from the last to
 * the first and back; Home and End to the first and last; a printable
 * character to the next item whose label starts with it. Disabled items are
 * skipped by all of them. `from` is the focused item's index, -1 when none
 * has the focus. Null for a key the menu leaves alone, or when no item can take it.
 */
export function menuItemFor(key: string, from: number, entries: readonly MenuEntry[]): number | null {
  switch (key) {
    case 'ArrowDown':
      return nextEnabled(entries, from, 1);
    case 'ArrowUp':
      return nextEnabled(entries, from < 0 ? entries.length : from, -1);
    case 'Home':
      return nextEnabled(entries, -1, 1);
    case 'End':
      return nextEnabled(entries, entries.length, -1);
    default:
      return typed(key, from, entries);
  }
}

/** The first item the menu's focus starts on as it opens. */
export const firstMenuItem = (entries: readonly MenuEntry[]): number | null => menuItemFor('Home', -1, entries);

/** The first enabled item from `from` (excluded) in `step`'s direction, wrapping round the ends. */
function nextEnabled(entries: readonly MenuEntry[], from: number, step: 1 | -1): number | null {
  const count = entries.length;
  for (let moved = 1; moved <= count; moved += 1) {
    const at = (((from + step * moved) % count) + count) % count;
    if (entries[at]?.disabled === false) return at;
  }
  return null;
}

/** Type-ahead: a single printable character (not Space, which chooses) goes to the next item starting with it. */
function typed(key: string, from: number, entries: readonly MenuEntry[]): number | null {
  if ([...key].length !== 1 || key.trim() === '') return null;
  const letter = key.toLocaleLowerCase();
  const count = entries.length;
  for (let moved = 1; moved <= count; moved += 1) {
    const at = (Math.max(from, -1) + moved + count) % count;
    const entry = entries[at];
    if (entry !== undefined && !entry.disabled && entry.label.trim().toLocaleLowerCase().startsWith(letter)) return at;
  }
  return null;
}
