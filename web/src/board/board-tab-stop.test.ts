import { describe, expect, it } from 'vitest';
import type { Card } from '../api/client';
import { boardTabStop } from './board-tab-stop';
import { testCard } from './test-card';

const column = (state: string, side: boolean, cards: readonly Card[]) => ({ state, side, cards });

describe("the card in the board's Tab order", () => {
  // The board's columns as read: a side column (查否) may come before a main one; the view draws it after them.
  const unfounded = column('unfounded', true, [testCard(9, { state: 'unfounded' })]);
  const found = column('found', false, []);
  const verifying = column('verifying', false, [testCard(4, { state: 'verifying', unitId: 'nanzheng' }), testCard(5, { state: 'verifying', unitId: 'hantai' })]);
  const columns = [found, unfounded, verifying];

  it('without lanes, is the first card the view draws: the main columns first, a side column only when open', () => {
    expect(boardTabStop(columns, () => true, null, null)).toBe(4);
    expect(boardTabStop([found, unfounded], () => true, null, null)).toBe(9);
    expect(boardTabStop([found, unfounded], () => false, null, null)).toBeNull();
  });

  it('stays on the card focused last while it is drawn', () => {
    expect(boardTabStop(columns, () => true, null, 5)).toBe(5);
    expect(boardTabStop(columns, () => false, null, 9)).toBe(4);
  });

  it("in lanes, is the top lane's first card, its lanes drawn in the order read", () => {
    expect(boardTabStop(columns, () => false, { by: 'unit', keys: ['hantai', 'nanzheng'] }, null)).toBe(5);
    expect(boardTabStop(columns, () => false, { by: 'unit', keys: ['nanzheng', 'hantai'] }, null)).toBe(4);
  });
});
