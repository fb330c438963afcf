import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardAddressRefusal } from './board-address';
import { filtersOf, kindOf, readsAsWritten, swimlaneOf, type BoardSearch } from './board-source';

describe("the board's address, as the page reads it", () => {
  it('takes every address its own controls write', () => {
    expect(boardAddressRefusal({})).toBeUndefined();
    expect(boardAddressRefusal({ kind: 'problem', swimlane: 'unit', overdue: 'true', escalated: 'true', asked: 'true', item: '12' })).toBeUndefined();
    expect(boardAddressRefusal({ kind: 'clue', swimlane: 'none' })).toBeUndefined();
    // Cleared controls leave empty values behind in a hand-edited link; they mean "no choice".
    expect(boardAddressRefusal({ kind: '', swimlane: '', overdue: '' })).toBeUndefined();
  });

  it('refuses by name a view or a yes-or-no filter its controls could not have written, which it would otherwise read as the default', () => {
    const kind = boardAddressRefusal({ kind: 'problems' });
    expect(kind?.field).toBe('kind');
    expect(kindOf({ kind: 'problems' })).toBe('clue');
    expect(kind?.message.zh).toContain('clue');
    expect(boardAddressRefusal({ swimlane: 'units' })?.field).toBe('swimlane');
    expect(swimlaneOf({ swimlane: 'units' })).toBe('none');
    expect(boardAddressRefusal({ overdue: 'yes' })?.field).toBe('overdue');
    expect(filtersOf({ overdue: 'yes' })).toEqual({});
    expect(boardAddressRefusal({ escalated: '1' })?.field).toBe('escalated');
    expect(boardAddressRefusal({ asked: 'TRUE' })?.field).toBe('asked');
  });

  it("leaves to the server the filters it sends as written, which the server refuses by name", () => {
    expect(boardAddressRefusal({ quiet: 'abc', category: 'x', assignee: '-1', unit: 'nowhere' })).toBeUndefined();
    expect(filtersOf({ quiet: 'abc' })).toEqual({ quiet: 'abc' });
  });

  it("refuses exactly the addresses the board's early read leaves alone (which does without zod)", () => {
    const value = fc.constantFrom(undefined, '', 'clue', 'problem', 'problems', 'none', 'unit', 'category', 'units', 'true', 'false', 'yes', 'TRUE', '1');
    fc.assert(
      fc.property(fc.record({ kind: value, swimlane: value, overdue: value, escalated: value, asked: value, quiet: value }), (search) => {
        const address = Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as BoardSearch;
        expect(readsAsWritten(address)).toBe(boardAddressRefusal(address) === undefined);
      }),
    );
  });
});
