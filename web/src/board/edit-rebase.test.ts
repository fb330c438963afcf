import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../api/client';
import { rebased, valuesOf } from './edit-rebase';

const item = (version: number, fields: Partial<Pick<ItemDetail, 'title' | 'assigneeId' | 'categoryId'>> & { description?: string }): ItemDetail =>
  ({ kind: 'clue', id: 7, version, title: fields.title ?? '原标题', unitId: 'hantai', assigneeId: fields.assigneeId ?? 3, categoryId: fields.categoryId ?? null, context: { description: fields.description ?? '原内容', source: 'hotline' } }) as unknown as ItemDetail;

describe('an edit half typed while someone else changed the item', () => {
  it("keeps what the user typed and shows the other's change in the fields the user did not touch", () => {
    const opened = item(4, {});
    const typed = { ...valuesOf(opened), title: '我改的标题' };
    const changed = item(5, { description: '负责人补充的内容', assigneeId: 9 });
    expect(rebased(typed, opened, changed)).toEqual({ ...valuesOf(changed), title: '我改的标题' });
  });

  it("keeps the user's value where both changed the same field", () => {
    const opened = item(4, {});
    const typed = { ...valuesOf(opened), description: '我写的内容' };
    expect(rebased(typed, opened, item(5, { description: '负责人写的内容' })).description).toBe('我写的内容');
  });
});
