/**
 * A settings section's draft carried onto settings read anew (another
 * section saved, or someone else's change found on a conflict): what the
 * user changed since the settings before (`base`) is kept, the rest is
 * taken from the new ones (`next`). A part is compared whole where it is a
 * list or a value, and key by key where it is an object. Drafts were
 * replaced whole: saving one section threw away what was typed, unsaved, in
 * every other, and a conflict threw away the edit it refused.
 */
export function rebaseDraft<T>(base: T, draft: T, next: T): T {
  if (sameValue(draft, base)) return next;
  if (isRecord(base) && isRecord(draft) && isRecord(next)) {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(base), ...Object.keys(draft), ...Object.keys(next)])) {
      const value = rebaseDraft(base[key], draft[key], next[key]);
      if (value !== undefined) merged[key] = value;
    }
    return merged as T;
  }
  return draft;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equal as data: the same values, objects key by key whatever their order, lists item by item. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}
