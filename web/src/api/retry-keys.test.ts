import { describe, expect, it } from 'vitest';
import { ApiProblem } from './problem';
import { answerLost, withRetryKey } from './retry-keys';

const problem = (status: number, code: string) => new ApiProblem(status, code, { zh: '', en: '' }, [], null);

describe('whether a failed write may still have been applied', () => {
  it('counts no answer, a gateway’s and the server failing as it ran as perhaps applied', () => {
    expect(answerLost(problem(0, 'network'))).toBe(true);
    expect(answerLost(problem(502, 'bad_gateway'))).toBe(true);
    expect(answerLost(problem(500, 'internal'))).toBe(true);
  });

  it('takes the server at its word when it says nothing was kept: a full disk, a start, a stop', () => {
    expect(answerLost(problem(507, 'disk_full'))).toBe(false);
    expect(answerLost(problem(503, 'starting'))).toBe(false);
    expect(answerLost(problem(503, 'stopping'))).toBe(false);
    expect(answerLost(problem(409, 'version_conflict'))).toBe(false);
  });

  it('sends the next try of a request refused for a full disk with a new key, and one whose answer was lost with the same', async () => {
    const keys: string[] = [];
    const refuse = (error: ApiProblem) => (key: string) => {
      keys.push(key);
      return Promise.reject(error);
    };
    await expect(withRetryKey('move 1', refuse(problem(507, 'disk_full')))).rejects.toThrow();
    await expect(withRetryKey('move 1', refuse(problem(0, 'network')))).rejects.toThrow();
    await expect(withRetryKey('move 1', refuse(problem(0, 'network')))).rejects.toThrow();
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe(keys[1]);
  });
});
