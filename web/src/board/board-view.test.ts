import { describe, expect, it } from 'vitest';
import { boardFilterKeys } from './board-source';
import { filtersCleared, filtersGivenIn, inboxViewOf, openIdOf } from './board-view';

describe("what the board's address opens over the board", () => {
  it("opens the drawer of the item the address names by its number, and none for a value that names no item", () => {
    expect(openIdOf({ item: '12' })).toBe(12);
    expect(openIdOf({})).toBeNull();
    for (const item of ['', '12a', '-3', '1.5', ' 12']) expect(openIdOf({ item })).toBeNull();
  });

  it('opens the inbox on one of its tabs, and not for a tab there is none of', () => {
    expect(inboxViewOf({ inbox: 'mine' })).toBe('mine');
    expect(inboxViewOf({ inbox: 'unit' })).toBe('unit');
    expect(inboxViewOf({ inbox: 'asked' })).toBe('asked');
    expect(inboxViewOf({ inbox: 'all' })).toBeNull();
    expect(inboxViewOf({})).toBeNull();
  });
});

describe("the filters of the board's address", () => {
  it('counts a filter the board refuses as given (so "clear" clears it), and an empty one as not', () => {
    expect(filtersGivenIn({ overdue: 'yes', unit: 'hantai', q: '', kind: 'problem' })).toEqual(['unit', 'overdue']);
    expect(filtersGivenIn({ side: 'merged', item: '3' })).toEqual([]);
  });

  it('clears every filter, and leaves the view and what is open alone', () => {
    const cleared = filtersCleared();
    expect(Object.keys(cleared).sort()).toEqual([...boardFilterKeys].sort());
    expect(Object.values(cleared).every((value) => value === undefined)).toBe(true);
  });
});
