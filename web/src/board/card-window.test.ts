import { describe, expect, test } from 'vitest';
import { stackOf, windowOf } from './card-window';

const ids = Array.from({ length: 100 }, (_, i) => i + 1);

describe('card window', () => {
  test('stacks measured heights, estimating the unmeasured, with the gap between cards', () => {
    const stack = stackOf([1, 2, 3], new Map([[2, 150]]), 100, 6);
    expect(stack.tops).toEqual([0, 106, 262]);
    expect(stack.total).toBe(362);
    expect(stackOf([], new Map(), 100, 6).total).toBe(0);
  });

  test('renders only the cards meeting the visible span plus the overscan', () => {
    const stack = stackOf(ids, new Map(), 100, 10);
    // Cards are 110 px apart: 0–99, 110–209, … A span of 300–700 meets cards 3..7 (indices 2..6).
    expect(windowOf(stack, 300, 700, 0)).toEqual([2, 3, 4, 5, 6]);
    // 200 px of overscan each side widens it to 100–900: from the card at 110 to the one at 880.
    expect(windowOf(stack, 300, 700, 200)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(windowOf(stack, 0, 250, 0)).toEqual([0, 1, 2]);
    expect(windowOf(stack, 20_000, 21_000, 0)).toEqual([]);
  });

  test('keeps pinned cards (focus, drag) wherever they are, in list order', () => {
    const stack = stackOf(ids, new Map(), 100, 10);
    expect(windowOf(stack, 0, 200, 0, [80])).toEqual([0, 1, 80]);
    expect(windowOf(stack, 0, 200, 0, [1, -1, 500])).toEqual([0, 1]);
  });
});
