import { describe, expect, it } from 'vitest';
import { moveConflictOf } from './move-conflict';

const mine = { assigneeId: 7 };
const verifying = { to: 'verifying', event: 'verify', needs: [], offers: [] };

describe('a move refused because someone else changed its card first', () => {
  it('is theirs when they made this very move, whoever holds the card now', () => {
    expect(moveConflictOf(mine, 'verifying', { state: 'verifying', assigneeId: 9, allowed: [] })).toBe('theirs');
  });

  it('is a reassignment when the card went to someone else and the move is no longer offered', () => {
    expect(moveConflictOf(mine, 'verifying', { state: 'found', assigneeId: 9, allowed: [] })).toBe('reassigned');
    expect(moveConflictOf(mine, 'verifying', { state: 'found', assigneeId: null, allowed: [] })).toBe('reassigned');
  });

  it('is a change otherwise: the same holder, the move still offered, or the card not sent back', () => {
    expect(moveConflictOf(mine, 'verifying', { state: 'found', assigneeId: 7, allowed: [] })).toBe('changed');
    expect(moveConflictOf(mine, 'verifying', { state: 'found', assigneeId: 9, allowed: [verifying] })).toBe('changed');
    expect(moveConflictOf(mine, 'verifying', null)).toBe('changed');
  });
});
