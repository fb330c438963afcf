import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { isMissing, passing } from './page-missing';

const problem = (status: number, field?: string) =>
  new ApiProblem(status, status === 404 ? 'not_found' : 'bad_request', { zh: '', en: '' }, field === undefined ? [] : [{ field, message: { zh: '应为数字', en: 'Must be a number' } }], null);

describe('a page that cannot be shown', () => {
  it('is about a campaign not there when the server finds none, or the address names none', () => {
    expect(isMissing(problem(404), '/campaigns/999/board')).toBe(true);
    expect(isMissing(problem(400, 'query.campaign'), '/campaigns/abc/settings')).toBe(true);
    expect(isMissing(problem(400, 'param.id'), '/campaigns/0/reports')).toBe(true);
  });

  it('is a failure to explain and retry otherwise: a bad request on a campaign the address names, the network, a server error', () => {
    expect(isMissing(problem(400, 'query.from'), '/campaigns/1/reports')).toBe(false);
    expect(isMissing(problem(400, 'query.from'), '/campaigns/12')).toBe(false);
    expect(isMissing(problem(0), '/campaigns/1/board')).toBe(false);
    expect(isMissing(problem(500), '/campaigns/1/board')).toBe(false);
    expect(isMissing(new Error('chunk failed to load'), '/campaigns/1/wall')).toBe(false);
  });

  it('is tried again by itself when it may pass (no answer, a server error, a part that failed to load), not when the same request would be refused again', () => {
    expect([problem(0), problem(500), problem(503), new Error('chunk failed to load')].map(passing)).toEqual([true, true, true, true]);
    expect([problem(400, 'query.from'), problem(403), problem(404)].map(passing)).toEqual([false, false, false]);
  });
});
