import { describe, expect, it } from 'vitest';
import { sideAddressToggled, sideColumnsToRead } from './side-columns';

const column = (state: string, side: boolean, cards: number, next: string | null = 'more') => ({ state, side, next, cards: Array.from({ length: cards }, (_, i) => i) });

describe("the board's side columns (查否, 已并案)", () => {
  it('reads on only an open side column with more on the server and fewer cards than a page', () => {
    const columns = [column('found', false, 0), column('unfounded', true, 0), column('merged', true, 0)];
    expect(sideColumnsToRead(columns, (state) => state === 'merged', 50)).toEqual(['merged']);
    expect(sideColumnsToRead(columns, () => true, 50)).toEqual(['unfounded', 'merged']);
    expect(sideColumnsToRead(columns, () => false, 50)).toEqual([]);
  });

  it('leaves a side column alone once it holds a page of cards, or has no more', () => {
    expect(sideColumnsToRead([column('unfounded', true, 50)], () => true, 50)).toEqual([]);
    expect(sideColumnsToRead([column('unfounded', true, 50)], () => true, 200)).toEqual(['unfounded']);
    expect(sideColumnsToRead([column('unfounded', true, 3, null)], () => true, 50)).toEqual([]);
  });

  it('opens or closes one side column in the address, written in the order the board draws them', () => {
    expect(sideAddressToggled(new Set(), 'merged')).toBe('merged');
    expect(sideAddressToggled(new Set(['merged']), 'unfounded')).toBe('unfounded,merged');
    expect(sideAddressToggled(new Set(['unfounded', 'merged']), 'unfounded')).toBe('merged');
    // The last one closed leaves `?side=` out of the address.
    expect(sideAddressToggled(new Set(['merged']), 'merged')).toBeUndefined();
  });
});
