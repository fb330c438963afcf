import { describe, expect, it } from 'vitest';
import { firstRows } from './first-rows';

describe('the first rows of a finding said in a line', () => {
  it('are all of them when there are few, sorted and each once', () => {
    expect(firstRows([7, 2, 5, 2], 5)).toEqual({ first: [2, 5, 7], more: 0 });
  });

  it('are the first few, then how many more', () => {
    expect(firstRows([12, 2, 3, 4, 9, 30, 31], 5)).toEqual({ first: [2, 3, 4, 9, 12], more: 2 });
  });
});
