import type { HistoryEntry } from '../api/client';

/** The payload's keys an edit is about, by the name the form gives its field (a category by `category`). */
const fieldOfKey: Readonly<Record<string, string>> = { title: 'title', description: 'description', categoryId: 'category', source: 'source', problemKind: 'problemKind' };

/**
 * The fields an edit of an item changed, in the form's order, for its
 * history: the entry said "Edit" and no more. The person it was given to is
 * said apart (assignedTo); an entry of any other event has none.
 */
export function editedFields(entry: Pick<HistoryEntry, 'event' | 'payload'>): string[] {
  if (!entry.event.endsWith('.edit')) return [];
  return Object.keys(fieldOfKey)
    .filter((key) => key in entry.payload)
    .map((key) => fieldOfKey[key] ?? key);
}

/** A field an edit changed, with the value it had before (undefined where the history read does not say) and after. */
export interface EditedValue {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/**
 * What each edit of an item's history changed, by the entry's seq: each field
 * with its value before, found in the entries before it (the last edit that
 * set it, else what the item was created with), and after. "修改了：标题" alone
 * left the reader to open the audit log for what the title had been.
 */
export function editedValues(entries: readonly Pick<HistoryEntry, 'seq' | 'event' | 'payload'>[]): Map<number, EditedValue[]> {
  const known = new Map<string, unknown>();
  const changes = new Map<number, EditedValue[]>();
  for (const entry of entries) {
    if (entry.event.endsWith('.create')) {
      const input = entry.payload.input;
      if (typeof input === 'object' && input !== null) for (const key of Object.keys(fieldOfKey)) if (key in input) known.set(key, (input as Record<string, unknown>)[key]);
      continue;
    }
    if (!entry.event.endsWith('.edit')) continue;
    const edited = Object.keys(fieldOfKey).filter((key) => key in entry.payload);
    changes.set(
      entry.seq,
      edited.map((key) => ({ field: fieldOfKey[key] ?? key, from: known.get(key), to: entry.payload[key] })),
    );
    for (const key of edited) known.set(key, entry.payload[key]);
  }
  return changes;
}
