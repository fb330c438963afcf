import { describe, expect, it } from 'vitest';
import { lastPageOf, offsetOf, pageInAddress, pageParam, sortableColumn, sortAddressParam, sortAfterClick, sortInAddress } from './list-address';

describe('a list page in its address', () => {
  it('reads the page number, page 1 for none or a bad one', () => {
    expect(pageInAddress(undefined)).toBe(1);
    expect(pageInAddress('3')).toBe(3);
    for (const bad of ['0', '-2', 'abc', '2.5', '', '1e3', '99999999']) expect(pageInAddress(bad), bad).toBe(1);
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(4)).toBe('4');
    expect(offsetOf(1)).toBe(0);
    expect(offsetOf(3)).toBe(100);
  });

  it('goes to the last page that has rows', () => {
    expect(lastPageOf(0)).toBe(1);
    expect(lastPageOf(50)).toBe(1);
    expect(lastPageOf(51)).toBe(2);
    expect(lastPageOf(240)).toBe(5);
  });

  it('reads the order, newest first when the address has none or one the list has not', () => {
    expect(sortInAddress('clues', '-dueAt')).toEqual({ column: 'dueAt', descending: true });
    expect(sortInAddress('clues', 'caseNumber')).toEqual({ column: 'caseNumber', descending: false });
    expect(sortInAddress('problems', 'caseNumber')).toEqual({ column: 'id', descending: true });
    expect(sortInAddress('clues', 'title')).toEqual({ column: 'id', descending: true });
    expect(sortInAddress('clues', undefined)).toEqual({ column: 'id', descending: true });
    expect(sortInAddress('responsibility', 'dueAt')).toBeNull();
    expect(sortAddressParam({ column: 'id', descending: true })).toBeUndefined();
    expect(sortAddressParam({ column: 'id', descending: false })).toBe('id');
    expect(sortAddressParam({ column: 'assignee', descending: true })).toBe('-assignee');
  });

  it('sorts a column its natural way at a first click, and reverses it at the next', () => {
    const newest = { column: 'id', descending: true } as const;
    // The time limit soonest first: the most urgent at the top.
    expect(sortAfterClick(newest, 'dueAt')).toEqual({ column: 'dueAt', descending: false });
    expect(sortAfterClick({ column: 'dueAt', descending: false }, 'dueAt')).toEqual({ column: 'dueAt', descending: true });
    expect(sortAfterClick(newest, 'foundAt')).toEqual({ column: 'foundAt', descending: true });
    expect(sortAfterClick(newest, 'assignee')).toEqual({ column: 'assignee', descending: false });
    expect(sortAfterClick(newest, 'state')).toEqual({ column: 'state', descending: false });
    expect(sortAfterClick({ column: 'state', descending: false }, 'state')).toEqual({ column: 'state', descending: true });
    expect(sortAfterClick(newest, 'id')).toEqual({ column: 'id', descending: false });
  });

  it('makes only the clue and problem lists\' sortable headings buttons', () => {
    expect(sortableColumn('clues', 'dueAt')).toBe('dueAt');
    expect(sortableColumn('clues', 'title')).toBeUndefined();
    expect(sortableColumn('problems', 'caseNumber')).toBeUndefined();
    expect(sortableColumn('responsibility', 'dueAt')).toBeUndefined();
  });
});
