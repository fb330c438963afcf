import type { Label } from '../../../../engine/labels';

/**
 * Each field's messages as one: a field the server finds wrong twice (a unit
 * code too short and of letters it does not take) says both under it. Kept
 * one each, the field showed the last while the banner, the first, named no
 * field at all.
 */
export function byField(fields: readonly { readonly field: string; readonly message: Label }[]): ReadonlyMap<string, Label> {
  const joined = new Map<string, Label>();
  for (const { field, message } of fields) {
    const before = joined.get(field);
    joined.set(field, before === undefined ? message : { zh: `${before.zh}；${message.zh}`, en: `${before.en}; ${message.en}` });
  }
  return joined;
}
