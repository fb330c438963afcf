import { describe, expect, it } from 'vitest';
import { laneKeyOf, laneLeftUnchanged } from './lane-key';
import { testCard } from './test-card';

describe("a card's lane", () => {
  const card = testCard(1, { unitId: 'hantai', categoryId: 3 });

  it('is its unit, or its category (none when it has none)', () => {
    expect(laneKeyOf(card, 'unit')).toBe('hantai');
    expect(laneKeyOf(card, 'category')).toBe('3');
    expect(laneKeyOf(testCard(2, { categoryId: null }), 'category')).toBe('none');
  });

  it('is not changed by a drop into another lane, which says so: a transfer needs its reason, a category an edit', () => {
    expect(laneLeftUnchanged(card, 'unit', 'nanzheng')).toBe('laneNotTransfer');
    expect(laneLeftUnchanged(card, 'category', '5')).toBe('laneNotCategory');
  });

  it('says nothing of a drop in its own lane, or on a board without lanes', () => {
    expect(laneLeftUnchanged(card, 'unit', 'hantai')).toBeNull();
    expect(laneLeftUnchanged(card, 'category', '3')).toBeNull();
    expect(laneLeftUnchanged(card, 'unit', null)).toBeNull();
    expect(laneLeftUnchanged(card, 'none', 'hantai')).toBeNull();
  });
});
