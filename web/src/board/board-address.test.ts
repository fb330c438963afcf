import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sideClueStates } from '../../../engine/clue/clue.model';
import { boardAddressIssues, namesNoBoard } from './board-address';
import { filtersOf, kindOf, readsAsWritten, sideAddressOf, sideColumnStates, sideColumnsOf, swimlaneOf, type BoardSearch } from './board-source';

describe("the board's address, as the page reads it", () => {
  it('takes every address its own controls write', () => {
    expect(boardAddressIssues({})).toEqual([]);
    expect(boardAddressIssues({ kind: 'problem', swimlane: 'unit', overdue: 'true', escalated: 'true', asked: 'true', item: '12' })).toEqual([]);
    expect(boardAddressIssues({ kind: 'clue', swimlane: 'none' })).toEqual([]);
    for (const side of ['unfounded', 'merged', 'unfounded,merged', 'merged,unfounded']) expect(boardAddressIssues({ side })).toEqual([]);
    // Cleared controls leave empty values behind in a hand-edited link; they mean "no choice".
    expect(boardAddressIssues({ kind: '', swimlane: '', overdue: '' })).toEqual([]);
  });

  it('refuses by name lanes or a yes-or-no filter its controls could not have written, which it would otherwise read as the default', () => {
    expect(boardAddressIssues({ swimlane: 'units' })[0]?.field).toBe('swimlane');
    expect(swimlaneOf({ swimlane: 'units' })).toBe('none');
    expect(boardAddressIssues({ overdue: 'yes' })[0]?.field).toBe('overdue');
    expect(filtersOf({ overdue: 'yes' })).toEqual({});
    expect(boardAddressIssues({ escalated: '1' })[0]?.field).toBe('escalated');
    expect(boardAddressIssues({ asked: 'TRUE' })[0]?.field).toBe('asked');
    // Every part refused is said, each by its name: one at a time, a link with two wrong parts is mended by trial.
    expect(boardAddressIssues({ swimlane: 'units', overdue: 'yes', side: 'unfound' }).map((issue) => issue.field)).toEqual(['swimlane', 'overdue', 'side']);
    // A side column there is none of, or one named twice: said, not read as none open.
    for (const side of ['unfound', 'Merged', 'unfounded,', 'unfounded,unfounded', 'found']) {
      const [refusal] = boardAddressIssues({ side });
      expect(refusal?.field).toBe('side');
      expect(refusal?.message.zh).toContain('unfounded,merged');
      expect(sideColumnsOf({ side })).toEqual(new Set());
    }
  });

  it('names no board by a kind there is none of, which the page says as an address no page answers to, not in code words', () => {
    expect(namesNoBoard({ kind: 'problems' })).toBe(true);
    expect(namesNoBoard({ kind: 'Problem' })).toBe(true);
    for (const kind of ['clue', 'problem', '', undefined]) expect(namesNoBoard({ kind })).toBe(false);
    expect(kindOf({ kind: 'problems' })).toBe('clue');
  });

  it("leaves to the server the filters it sends as written, which the server refuses by name", () => {
    expect(boardAddressIssues({ quiet: 'abc', category: 'x', assignee: '-1', unit: 'nowhere' })).toEqual([]);
    expect(filtersOf({ quiet: 'abc' })).toEqual({ quiet: 'abc' });
  });

  it('keeps the side columns the user opened: the address written for any of them open reads back as those open, and none open leaves it out', () => {
    expect(sideAddressOf(new Set())).toBeUndefined();
    expect(sideColumnsOf({})).toEqual(new Set());
    expect(sideAddressOf(new Set(['merged', 'unfounded']))).toBe('unfounded,merged');
    // Named in another order by hand, they are the same columns open.
    expect(sideColumnsOf({ side: 'merged,unfounded' })).toEqual(new Set(['unfounded', 'merged']));
    fc.assert(
      fc.property(fc.subarray([...sideColumnStates]), (open) => {
        const side = sideAddressOf(new Set(open));
        expect(boardAddressIssues({ side })).toEqual([]);
        expect(sideColumnsOf({ side })).toEqual(new Set(open));
      }),
    );
  });

  it("names the engine's side states, which the board draws apart", () => {
    expect(sideColumnStates).toEqual(sideClueStates);
  });

  it("refuses, or names no board by, exactly the addresses the board's early read leaves alone (which does without zod)", () => {
    const refused = (address: BoardSearch) => namesNoBoard(address) || boardAddressIssues(address).length > 0;
    const values = [undefined, '', 'clue', 'problem', 'problems', 'none', 'unit', 'category', 'units', 'true', 'false', 'yes', 'TRUE', '1', 'unfounded', 'merged', 'unfounded,merged', 'merged,unfounded'];
    // Each part alone first: mixed at random, one refused part hides how the others are read.
    for (const key of ['kind', 'swimlane', 'overdue', 'escalated', 'asked', 'quiet', 'side'] as const) {
      for (const given of values) {
        const address: BoardSearch = given === undefined ? {} : { [key]: given };
        expect(readsAsWritten(address), `${key}=${given}`).toBe(!refused(address));
      }
    }
    const value = fc.constantFrom(...values);
    fc.assert(
      fc.property(fc.record({ kind: value, swimlane: value, overdue: value, escalated: value, asked: value, quiet: value, side: value }), (search) => {
        const address = Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as BoardSearch;
        expect(readsAsWritten(address)).toBe(!refused(address));
      }),
    );
  });
});
