import { describe, expect, test } from 'vitest';
import { firstMenuItem, menuItemFor, type MenuEntry } from './menu-keys';

/** Menu entries named as given; a name in brackets is a disabled one. */
const menu = (...names: string[]): MenuEntry[] => names.map((name) => ({ label: name.replace(/^\[|\]$/g, ''), disabled: name.startsWith('[') }));

describe('where a key takes the focus in a menu', () => {
  const moves = menu('Filed', 'Unfounded', 'Merged');

  test('arrows go to the next and previous item, round the ends', () => {
    expect(menuItemFor('ArrowDown', 0, moves)).toBe(1);
    expect(menuItemFor('ArrowDown', 2, moves)).toBe(0);
    expect(menuItemFor('ArrowUp', 1, moves)).toBe(0);
    expect(menuItemFor('ArrowUp', 0, moves)).toBe(2);
    // With nothing focused yet, down starts at the top and up at the bottom.
    expect(menuItemFor('ArrowDown', -1, moves)).toBe(0);
    expect(menuItemFor('ArrowUp', -1, moves)).toBe(2);
  });

  test('Home and End go to the first and last item, wherever the focus is', () => {
    expect(menuItemFor('Home', 2, moves)).toBe(0);
    expect(menuItemFor('End', 0, moves)).toBe(2);
    expect(firstMenuItem(moves)).toBe(0);
  });

  test('a typed letter goes to the next item starting with it, in any case, round the end', () => {
    const states = menu('Filed', 'Unfounded', 'Found', 'Merged');
    expect(menuItemFor('f', 0, states)).toBe(2);
    expect(menuItemFor('F', 2, states)).toBe(0);
    expect(menuItemFor('m', -1, states)).toBe(3);
    expect(menuItemFor('x', 0, states)).toBeNull();
  });

  test('disabled items are skipped by every key, and the menu opens on the first enabled one', () => {
    const some = menu('[Filed]', 'Unfounded', '[Found]', 'Merged');
    expect(firstMenuItem(some)).toBe(1);
    expect(menuItemFor('ArrowDown', 1, some)).toBe(3);
    expect(menuItemFor('ArrowDown', 3, some)).toBe(1);
    expect(menuItemFor('ArrowUp', 1, some)).toBe(3);
    expect(menuItemFor('Home', 3, some)).toBe(1);
    expect(menuItemFor('End', 1, menu('Filed', 'Unfounded', '[Merged]'))).toBe(1);
    expect(menuItemFor('f', 1, some)).toBeNull();
  });

  test('leaves other keys alone, and finds nothing in a menu with no item to take the focus', () => {
    for (const key of ['Enter', ' ', 'Tab', 'Escape', 'Shift', 'ArrowLeft']) expect(menuItemFor(key, 0, moves), key).toBeNull();
    expect(menuItemFor('ArrowDown', -1, [])).toBeNull();
    expect(firstMenuItem(menu('[Filed]', '[Merged]'))).toBeNull();
  });
});
