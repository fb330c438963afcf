import { describe, expect, it } from 'vitest';
import { actionName, draftFor, draftText } from './batch-draft';

const two = [
  { kind: 'clue', id: 12 },
  { kind: 'clue', id: 7 },
] as const;

describe("a batch's draft", () => {
  it('gives back what was typed to the same selection, in any order', () => {
    const text = draftText(two, { until: '2026-11-30', reason: '需补充调取证据' });
    expect(draftFor(text, [...two].reverse())).toEqual({ until: '2026-11-30', reason: '需补充调取证据' });
  });

  it('gives nothing to another selection: more items, fewer, or another kind', () => {
    const text = draftText(two, { reason: '需补充调取证据' });
    expect(draftFor(text, [...two, { kind: 'clue', id: 3 }])).toBeNull();
    expect(draftFor(text, [{ kind: 'clue', id: 7 }])).toBeNull();
    expect(draftFor(text, [{ kind: 'problem', id: 12 }, { kind: 'clue', id: 7 }])).toBeNull();
  });

  it('keeps nothing when nothing was typed, and reads nothing from a text that is not a draft', () => {
    expect(draftText(two, { reason: '  ', until: '' })).toBeNull();
    expect(draftFor(null, two)).toBeNull();
    expect(draftFor('{', two)).toBeNull();
    expect(draftFor('"需补充"', two)).toBeNull();
  });

  it('is one per change: a move names its state', () => {
    expect(actionName({ type: 'move', to: 'verifying' })).toBe('move.verifying');
    expect(actionName({ type: 'transfer' })).toBe('transfer');
  });
});
