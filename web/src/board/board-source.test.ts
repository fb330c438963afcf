import { describe, expect, it } from 'vitest';
import { filtersOf } from './board-source';

describe("the board's filters from its address", () => {
  it('cut a search longer than the box takes to its first 200 characters, rather than a board refused whole', () => {
    const long = '网'.repeat(250);
    expect(filtersOf({ q: long }).q).toBe('网'.repeat(200));
    expect(filtersOf({ q: '易借' }).q).toBe('易借');
    expect(filtersOf({ q: '' }).q).toBeUndefined();
  });
});
