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
