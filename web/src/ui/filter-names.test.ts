import { describe, expect, it } from 'vitest';
import { filterName } from './filter-names';

describe("a refused read's field, named as the filter the user changes", () => {
  it('is the filter as its control calls it, whether the API names it as a query parameter or on its own', () => {
    expect(filterName('query.quiet')).toBe('进展');
    expect(filterName('query.overdue')).toBe('只看超期');
    expect(filterName('unit')).toBe('承办单位');
    expect(filterName('state')).toBe('状态');
    expect(filterName('query.q')).toBe('搜索');
    // The board's own check of its address names its view's controls too.
    expect(filterName('kind')).toBe('线索或问题');
    expect(filterName('swimlane')).toBe('分组');
  });

  it('is none for a field that is not a filter', () => {
    expect(filterName('query.limit')).toBeUndefined();
    expect(filterName('cursor')).toBeUndefined();
  });
});
