import { describe, expect, it } from 'vitest';
import { editedFields } from './history-edit';

describe('what an edit in the history changed', () => {
  it('names the fields the edit sent, in the form’s order, and not the person it was given to', () => {
    expect(editedFields({ event: 'clue.edit', payload: { type: 'clue.edit', description: '新', title: '新标题', assigneeId: 4 } })).toEqual(['title', 'description']);
    expect(editedFields({ event: 'problem.edit', payload: { type: 'problem.edit', categoryId: 3, problemKind: 'platform' } })).toEqual(['category', 'problemKind']);
  });

  it('is nothing for another event', () => {
    expect(editedFields({ event: 'clue.file', payload: { type: 'clue.file', title: 'x' } })).toEqual([]);
  });
});
