import { describe, expect, it } from 'vitest';
import { forwardAt, nextMove, type LoadClue } from './move-mix';

/** The states a clue goes through under the load, starting in verifying, for `turns` turns. */
function path(id: number, turns: number): string[] {
  const clue: LoadClue = { id, version: 1, state: 'verifying', verifyingVisits: 0 };
  const states: string[] = [];
  for (let turn = 0; turn < turns; turn++) {
    const move = nextMove(clue, 'test');
    if (move === null) break;
    clue.state = move.to;
    states.push(move.to);
  }
  return states;
}

describe('the moves load', () => {
  it('files a clue of even id at its own visit in verifying, never the first, then solves it and sends it for prosecution', () => {
    const at = forwardAt(4);
    expect(at).toBeGreaterThanOrEqual(2);
    const states = path(4, 100);
    const cycles = Array.from({ length: (at ?? 0) - 1 }, () => ['unfounded', 'verifying']).flat();
    expect(states).toEqual([...cycles, 'filed', 'solved', 'prosecuted']);
  });

  it('cycles a clue of odd id verifying ⇄ unfounded for ever, so moves never run out', () => {
    expect(forwardAt(7)).toBeNull();
    const states = path(7, 1000);
    expect(states).toHaveLength(1000);
    expect(new Set(states)).toEqual(new Set(['unfounded', 'verifying']));
  });

  it('spreads the forward moves of even ids over the 2nd to the 17th visit', () => {
    const visits = new Set(Array.from({ length: 64 }, (_, i) => forwardAt(2 * i)));
    expect(Math.min(...[...visits].map(Number))).toBe(2);
    expect(Math.max(...[...visits].map(Number))).toBe(17);
  });
});
