import { describe, expect, it } from 'vitest';
import { importedWith } from './history-import';

describe('an entry of a clue made by an import', () => {
  it('gives the batch and the row’s source id', () => {
    expect(importedWith({ payload: { type: 'clue.report', batchId: 'b-1', sourceRef: 'T-1' } })).toEqual({ batch: 'b-1', sourceRef: 'T-1' });
    expect(importedWith({ payload: { type: 'clue.report', batchId: 'b-1', sourceRef: null } })).toEqual({ batch: 'b-1', sourceRef: null });
  });

  it('is nothing for an entry of a clue made one by one, or a move', () => {
    expect(importedWith({ payload: { type: 'clue.report' } })).toBeNull();
    expect(importedWith({ payload: { type: 'clue.verify', assigneeId: 3 } })).toBeNull();
  });
});
