import type { Label } from '../../../engine/labels';
import type { ItemDetail } from '../api/client';
import type { ItemField, ItemValues } from './item-form';

/**
 * The fields both the user and someone else changed since the form was
 * opened, each with the other's value: saving replaces it with the user's,
 * so the form shows it beside the field, to take instead or to overwrite
 * knowingly (it was lost unseen, said only as "description changed" in the history).
 */
export type Collisions = Partial<Record<ItemField, string>>;

const fieldsOf = (values: ItemValues) => Object.keys(values) as ItemField[];

/** A draft's note of the value a changed field had when the user began typing (`was:description`). */
const wasKey = (field: ItemField) => `was:${field}`;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** An item's fields as the edit form holds them: text, ids as text, '' for none. */
export function valuesOf(item: ItemDetail): ItemValues {
  return {
    unitId: item.unitId,
    assigneeId: item.assigneeId === null ? '' : String(item.assigneeId),
    title: item.title,
    description: text(item.context.description),
    categoryId: item.categoryId === null ? '' : String(item.categoryId),
    source: text(item.context.source),
    problemKind: text(item.context.problemKind),
  };
}

/**
 * An edit half typed when someone else changed the item (a move, their own
 * edit): the fields the user changed keep what they typed, the others show
 * the item as it is now. The form then sends only the user's changes, on
 * the item's new version: sent on the item they opened, a field they never
 * touched carried its old value back over the other's change.
 */
export function rebased(typed: ItemValues, base: ItemDetail, current: ItemDetail): { readonly values: ItemValues; readonly collisions: Collisions } {
  const before = valuesOf(base);
  const now = valuesOf(current);
  const values: { -readonly [K in ItemField]: string } = { ...now };
  const collisions: Collisions = {};
  for (const key of fieldsOf(typed)) {
    if (typed[key] === before[key]) continue;
    values[key] = typed[key];
    if (now[key] !== before[key] && now[key] !== typed[key]) collisions[key] = now[key];
  }
  return { values, collisions };
}

/** The collisions left once the user's values are these: a field the user set to the other's value has none. */
export function stillColliding(collisions: Collisions, values: ItemValues): Collisions {
  return Object.fromEntries(fieldsOf(values).flatMap((key) => (collisions[key] === undefined || collisions[key] === values[key] ? [] : [[key, collisions[key]]])));
}

/**
 * An edit as its draft keeps it: the fields the user changed from the item
 * the form was opened on, and that item's version; nothing when nothing
 * changed. Only the changes: kept whole, a field never touched would carry
 * its old value back over someone else's change once the draft is restored.
 */
export function editDraftOf(base: ItemDetail, typed: ItemValues): Record<string, string> {
  const before = valuesOf(base);
  const changed = fieldsOf(typed).filter((key) => typed[key] !== before[key]);
  if (changed.length === 0) return {};
  // With what each changed field held then: a draft restored on an item someone changed since finds the collisions too.
  const was = Object.fromEntries(changed.map((key) => [wasKey(key), before[key]]));
  return { ...Object.fromEntries(changed.map((key) => [key, typed[key]])), ...was, version: String(base.version) };
}

/**
 * An edit's draft restored on the item as it is now: the changes typed over
 * its values, whether the item has changed since they were typed (the
 * form then says so, as when it changes while the form is open), and the
 * fields someone else changed too, with their value.
 */
export function restoredEdit(current: ItemDetail, kept: Readonly<Record<string, string>>): { readonly values: ItemValues; readonly overtaken: boolean; readonly collisions: Collisions } {
  const now = valuesOf(current);
  const values: ItemValues = {
    unitId: kept.unitId ?? now.unitId,
    assigneeId: kept.assigneeId ?? now.assigneeId,
    title: kept.title ?? now.title,
    description: kept.description ?? now.description,
    categoryId: kept.categoryId ?? now.categoryId,
    source: kept.source ?? now.source,
    problemKind: kept.problemKind ?? now.problemKind,
  };
  const collisions: Collisions = {};
  for (const key of fieldsOf(values)) {
    const was = kept[wasKey(key)];
    // A draft kept before it noted what it began from has none to tell.
    if (kept[key] !== undefined && was !== undefined && now[key] !== was && now[key] !== kept[key]) collisions[key] = now[key];
  }
  return { values, overtaken: kept.version !== undefined && kept.version !== String(current.version), collisions };
}

/** What the edit form says when the item changed while it was open. */
export const editMessages = {
  changedMeanwhile: { zh: '此事项刚被他人修改：您未改动的内容已显示为最新，保存时以您填写的为准', en: 'Someone else just changed this item: what you did not change now shows theirs; saving keeps what you typed' },
  changedBothMeanwhile: {
    zh: '此事项刚被他人修改：您未改动的内容已显示为最新；您与他人都改了的内容，他人填写的显示在该栏下方，保存时以您填写的为准',
    en: 'Someone else just changed this item: what you did not change now shows theirs; where you both changed a field, theirs shows below it, and saving keeps what you typed',
  },
} satisfies Record<string, Label>;
