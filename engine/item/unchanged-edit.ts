/**
 * True when an edit leaves every field it names as it was (a form that sends
 * every field, saved with nothing changed). Stored, such an edit gave the item
 * a new version, so that another user's edit begun meanwhile was refused as
 * stale, and the history an entry that says nothing.
 */
export function editChangesNothing(before: unknown, after: unknown, payload: unknown): boolean {
  const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
  if (!isObject(before) || !isObject(after) || !isObject(payload)) return false;
  const was = new Map(Object.entries(before));
  const is = new Map(Object.entries(after));
  return Object.keys(payload).every((field) => Object.is(was.get(field), is.get(field)));
}
