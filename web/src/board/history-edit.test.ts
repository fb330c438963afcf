import { describe, expect, it } from 'vitest';
import { editedFields, editedValues } from './history-edit';

describe('what an edit in the history changed', () => {
  it('names the fields the edit sent, in the form’s order, and not the person it was given to', () => {
    expect(editedFields({ event: 'clue.edit', payload: { type: 'clue.edit', description: '新', title: '新标题', assigneeId: 4 } })).toEqual(['title', 'description']);
    expect(editedFields({ event: 'problem.edit', payload: { type: 'problem.edit', categoryId: 3, problemKind: 'platform' } })).toEqual(['category', 'problemKind']);
  });

  it('is nothing for another event', () => {
    expect(editedFields({ event: 'clue.file', payload: { type: 'clue.file', title: 'x' } })).toEqual([]);
  });

  it('gives each edited field its value before, from the last edit that set it or the item as created, and after', () => {
    const history = [
      { seq: 1, event: 'clue.create', payload: { type: 'clue.create', input: { title: '原标题', description: '原描述', categoryId: 2, source: 'tip' } } },
      { seq: 5, event: 'clue.file', payload: { type: 'clue.file', caseNumber: 'X' } },
      { seq: 7, event: 'clue.edit', payload: { type: 'clue.edit', title: '第二个标题' } },
      { seq: 9, event: 'clue.edit', payload: { type: 'clue.edit', title: '第三个标题', categoryId: 5 } },
    ];
    const values = editedValues(history);
    expect(values.get(7)).toEqual([{ field: 'title', from: '原标题', to: '第二个标题' }]);
    expect(values.get(9)).toEqual([
      { field: 'title', from: '第二个标题', to: '第三个标题' },
      { field: 'category', from: 2, to: 5 },
    ]);
    expect(values.has(5)).toBe(false);
  });

  it('leaves the value before unknown where the history read holds no earlier value', () => {
    expect(editedValues([{ seq: 3, event: 'problem.edit', payload: { type: 'problem.edit', problemKind: 'platform' } }]).get(3)).toEqual([{ field: 'problemKind', from: undefined, to: 'platform' }]);
  });
});
