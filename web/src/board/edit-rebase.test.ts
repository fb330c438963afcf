import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../api/client';
import { editDraftOf, rebased, restoredEdit, stillColliding, valuesOf } from './edit-rebase';

const item = (version: number, fields: Partial<Pick<ItemDetail, 'title' | 'assigneeId' | 'categoryId'>> & { description?: string }): ItemDetail =>
  ({ kind: 'clue', id: 7, version, title: fields.title ?? '原标题', unitId: 'hantai', assigneeId: fields.assigneeId ?? 3, categoryId: fields.categoryId ?? null, context: { description: fields.description ?? '原内容', source: 'hotline' } }) as unknown as ItemDetail;

describe('an edit half typed while someone else changed the item', () => {
  it("keeps what the user typed and shows the other's change in the fields the user did not touch", () => {
    const opened = item(4, {});
    const typed = { ...valuesOf(opened), title: '我改的标题' };
    const changed = item(5, { description: '负责人补充的内容', assigneeId: 9 });
    expect(rebased(typed, opened, changed)).toEqual({ values: { ...valuesOf(changed), title: '我改的标题' }, collisions: {} });
  });

  it("keeps the user's value where both changed the same field, and names the other's value, which saving would replace", () => {
    const opened = item(4, {});
    const typed = { ...valuesOf(opened), description: '我写的内容', title: '我改的标题' };
    const both = rebased(typed, opened, item(5, { description: '负责人写的内容', title: '我改的标题' }));
    expect(both.values.description).toBe('我写的内容');
    // The same title typed by both is no collision.
    expect(both.collisions).toEqual({ description: '负责人写的内容' });
    // Emptied by the other: said too.
    expect(rebased(typed, opened, item(5, { description: '' })).collisions).toEqual({ description: '' });
  });

  it('drops a collision once the user’s value is the other’s', () => {
    const values = { ...valuesOf(item(4, {})), description: '负责人写的内容', title: '我改的标题' };
    expect(stillColliding({ description: '负责人写的内容', title: '他的标题' }, values)).toEqual({ title: '他的标题' });
  });
});

describe("an edit's draft (kept when the session runs out at its submit, or the drawer closes)", () => {
  it('keeps only the fields the user changed, with the version they were typed on; nothing when nothing changed', () => {
    const opened = item(4, {});
    expect(editDraftOf(opened, valuesOf(opened))).toEqual({});
    expect(editDraftOf(opened, { ...valuesOf(opened), description: '补充的内容' })).toEqual({ description: '补充的内容', 'was:description': '原内容', version: '4' });
  });

  it("restored on the item as it is now: the user's changes over its values, and whether it changed meanwhile", () => {
    const kept = editDraftOf(item(4, {}), { ...valuesOf(item(4, {})), title: '我改的标题' });
    expect(restoredEdit(item(4, {}), kept)).toEqual({ values: { ...valuesOf(item(4, {})), title: '我改的标题' }, overtaken: false, collisions: {} });
    // Someone else changed the description since: theirs shows, the user's title stays, and the form is told.
    const changed = item(6, { description: '负责人补充的内容' });
    expect(restoredEdit(changed, kept)).toEqual({ values: { ...valuesOf(changed), title: '我改的标题' }, overtaken: true, collisions: {} });
    // And the title too: theirs is named beside the user's.
    const retitled = item(7, { title: '负责人改的标题' });
    expect(restoredEdit(retitled, kept)).toEqual({ values: { ...valuesOf(retitled), title: '我改的标题' }, overtaken: true, collisions: { title: '负责人改的标题' } });
    // A draft kept before it noted what it began from finds none.
    expect(restoredEdit(retitled, { title: '我改的标题', version: '4' }).collisions).toEqual({});
  });
});
