import { describe, expect, test } from 'vitest';
import { nearestTo, stepWithin, tabStopOf } from './card-keys';

describe("the board's arrow keys", () => {
  test('Up and Down step within the list and stop at its ends; Home and End go to them', () => {
    expect(stepWithin('ArrowDown', 0, 3)).toBe(1);
    expect(stepWithin('ArrowUp', 1, 3)).toBe(0);
    expect(stepWithin('ArrowUp', 0, 3)).toBeNull();
    expect(stepWithin('ArrowDown', 2, 3)).toBeNull();
    expect(stepWithin('Home', 2, 3)).toBe(0);
    expect(stepWithin('End', 0, 3)).toBe(2);
    expect(stepWithin('End', 2, 3)).toBeNull();
    expect(stepWithin('ArrowLeft', 1, 3)).toBeNull();
  });

  test('Left and Right take the card whose centre is nearest, the upper of two as near', () => {
    expect(nearestTo([10, 110, 210], 150)).toBe(1);
    expect(nearestTo([10, 110, 210], 160)).toBe(1);
    expect(nearestTo([10, 110, 210], 900)).toBe(2);
    expect(nearestTo([], 50)).toBeNull();
  });

  test('the Tab stop is the card focused last while it is drawn, else the first the board draws', () => {
    const lists = [[], [{ id: 4 }, { id: 5 }], [{ id: 6 }]];
    expect(tabStopOf(lists, null, null)).toBe(4);
    expect(tabStopOf(lists, 6, null)).toBe(6);
    expect(tabStopOf(lists, 9, null)).toBe(4);
    expect(tabStopOf([], null, null)).toBeNull();
    // With lanes: the top lane's leftmost card, though another lane's comes first in its column.
    const lane = new Map([[4, 1], [5, 0], [6, 0]]);
    expect(tabStopOf(lists, null, (card) => lane.get(card.id) ?? 9)).toBe(5);
  });
});
