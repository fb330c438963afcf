import { describe, expect, test } from 'vitest';
import { boardShortcutOf, type KeyPress } from './shortcut-keys';

const press = (key: string, held: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, ...held });

describe("the board's page-wide keys", () => {
  test('? shows the keys, / goes to the search box', () => {
    expect(boardShortcutOf(press('?'), false)).toBe('keys');
    expect(boardShortcutOf(press('/'), false)).toBe('search');
  });

  test('nothing is taken from someone typing, or with a modifier held (the browser’s own keys)', () => {
    expect(boardShortcutOf(press('?'), true)).toBeNull();
    expect(boardShortcutOf(press('/'), true)).toBeNull();
    expect(boardShortcutOf(press('/', { ctrlKey: true }), false)).toBeNull();
    expect(boardShortcutOf(press('?', { metaKey: true }), false)).toBeNull();
    expect(boardShortcutOf(press('/', { altKey: true }), false)).toBeNull();
  });

  test('other keys are the cards’ or nobody’s', () => {
    for (const key of ['m', 'M', 'ArrowDown', 'Enter', ' ', 'Escape', 'k']) expect(boardShortcutOf(press(key), false)).toBeNull();
  });
});
