import { describe, expect, it } from 'vitest';
import { maxBatchItems } from '../../../api/contracts/batch';
import type { Card } from '../api/client';
import { boardSelectAll, columnState, currentOf, rangeOf, ticked } from './card-selection';
import { testCard } from './test-card';

const card = (id: number, over: Partial<Card> = {}): Card =>
  testCard(id, { allowed: [{ to: 'verifying', event: 'clue.verify', needs: ['assigneeId'], offers: [] }], changes: ['clue.assign'], ...over });
const readOnly = (id: number) => card(id, { allowed: [], changes: [] });

describe('the cards ticked on a board', () => {
  it('ticks only cards the viewer may change, and unticks', () => {
    const some = ticked(new Map(), [card(1), readOnly(2), card(3)], true);
    expect([...some.keys()]).toEqual(['clue:1', 'clue:3']);
    expect([...ticked(some, [card(1)], false).keys()]).toEqual(['clue:3']);
  });

  it('keeps a clue and a problem of the same number apart', () => {
    const both = ticked(new Map(), [card(7), card(7, { kind: 'problem' })], true);
    expect(both.size).toBe(2);
  });

  it('stops at what one batch takes', () => {
    const many = Array.from({ length: maxBatchItems + 20 }, (_, i) => card(i + 1));
    expect(ticked(new Map(), many, true).size).toBe(maxBatchItems);
  });

  it("sends the board's latest copy of a card, the last seen one when it is off the board, and drops one no longer changeable", () => {
    const kept = ticked(new Map(), [card(1), card(2), card(3)], true);
    const now = currentOf(kept, [card(1, { version: 4, state: 'verifying' }), readOnly(3)]);
    expect(now.map((c) => [c.id, c.version])).toEqual([
      [1, 4],
      [2, 1],
    ]);
  });

  it("says whether a column's changeable cards are all, some or none ticked", () => {
    const column = [card(1), card(2), readOnly(3)];
    expect(columnState(column, new Set())).toBe('none');
    expect(columnState(column, new Set(['clue:1']))).toBe('some');
    expect(columnState(column, new Set(['clue:1', 'clue:2']))).toBe('all');
  });

  it('takes the run of a column between two cards, either way round, and nothing across columns', () => {
    const column = [card(1), card(2), readOnly(3), card(4)];
    expect(rangeOf(column, card(2), card(4))?.map((c) => c.id)).toEqual([2, 3, 4]);
    expect(rangeOf(column, card(4), card(1))?.map((c) => c.id)).toEqual([1, 2, 3, 4]);
    expect(rangeOf(column, card(2), card(9))).toBeNull();
    // Ticked, the run leaves out the card the viewer may not change.
    expect([...ticked(new Map(), rangeOf(column, card(2), card(4)) ?? [], true).keys()]).toEqual(['clue:2', 'clue:4']);
  });

  describe('offers every card of the board at once', () => {
    const changeable = { cards: [card(1), card(2)], count: 70 };
    const closed = { cards: [readOnly(3)], count: 86 };

    it('counting the cards not read yet of the columns whose cards the viewer may change, and none of a column it may not', () => {
      expect(boardSelectAll([changeable, closed, { cards: [card(4)], count: 5 }], 0, false)).toEqual({ state: 'offered', total: 75, upTo: false });
    });

    it('counting only the cards the viewer may change of a column read to its end, and at most the rest of one not', () => {
      const mixedRead = { cards: [card(6), readOnly(7), card(8)], count: 3 };
      expect(boardSelectAll([mixedRead], 0, false)).toEqual({ state: 'offered', total: 2, upTo: false });
      expect(boardSelectAll([mixedRead], 2, false).state).toBe('no');
      const mixedPart = { cards: [card(6), readOnly(7)], count: 40 };
      expect(boardSelectAll([mixedPart, mixedRead], 0, false)).toEqual({ state: 'offered', total: 41, upTo: true });
    });

    it('once nothing more would be ticked: everything counted is, or it was all ticked at once', () => {
      expect(boardSelectAll([changeable], 70, false).state).toBe('no');
      expect(boardSelectAll([changeable], 12, true).state).toBe('no');
      expect(boardSelectAll([closed], 0, false)).toEqual({ state: 'no', total: 0, upTo: false });
    });

    it('saying so, instead, when one batch would not take them, once some are ticked', () => {
      const large = [changeable, { cards: [card(5)], count: maxBatchItems }];
      expect(boardSelectAll(large, 3, false)).toEqual({ state: 'tooMany', total: maxBatchItems + 70, upTo: false });
      expect(boardSelectAll(large, 0, false).state).toBe('no');
      expect(boardSelectAll([{ cards: [card(5)], count: maxBatchItems }], 0, false).state).toBe('offered');
    });
  });
});
