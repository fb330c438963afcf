import type { ItemDetail, ItemEdit } from '../api/client';
import { nullableId, type ItemValues } from './item-form';
import { valuesOf } from './edit-rebase';

/** Only what the user changed, so the audit log records what happened and nothing else. */
export function editOf(item: ItemDetail, v: ItemValues): ItemEdit {
  const before = valuesOf(item);
  return {
    version: item.version,
    ...(v.title.trim() !== before.title && { title: v.title.trim() }),
    ...(v.description.trim() !== before.description && { description: v.description.trim() }),
    ...(v.categoryId !== before.categoryId && { categoryId: nullableId(v.categoryId) }),
    ...(v.assigneeId !== before.assigneeId && { assigneeId: nullableId(v.assigneeId) }),
  };
}
