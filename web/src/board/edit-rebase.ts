import type { ItemDetail } from '../api/client';
import type { ItemValues } from './item-form';

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
export function rebased(typed: ItemValues, base: ItemDetail, current: ItemDetail): ItemValues {
  const before = valuesOf(base);
  const now = valuesOf(current);
  const keys = Object.keys(typed) as (keyof ItemValues)[];
  return Object.fromEntries(keys.map((key) => [key, typed[key] === before[key] ? now[key] : typed[key]])) as unknown as ItemValues;
}

/**
 * An edit as its draft keeps it: the fields the user changed from the item
 * the form was opened on, and that item's version; nothing when nothing
 * changed. Only the changes: kept whole, a field never touched would carry
 * its old value back over someone else's change once the draft is restored.
 */
export function editDraftOf(base: ItemDetail, typed: ItemValues): Record<string, string> {
  const before = valuesOf(base);
  const changed = (Object.keys(typed) as (keyof ItemValues)[]).filter((key) => typed[key] !== before[key]);
  return changed.length === 0 ? {} : { ...Object.fromEntries(changed.map((key) => [key, typed[key]])), version: String(base.version) };
}

/**
 * An edit's draft restored on the item as it is now: the changes typed over
 * its values, and whether the item has changed since they were typed (the
 * form then says so, as when it changes while the form is open).
 */
export function restoredEdit(current: ItemDetail, kept: Readonly<Record<string, string>>): { readonly values: ItemValues; readonly overtaken: boolean } {
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
  return { values, overtaken: kept.version !== undefined && kept.version !== String(current.version) };
}
