import type { HistoryEntry } from '../api/client';

/** The last day an extension entry gave, or null for any other entry. */
export function extendedUntil(entry: Pick<HistoryEntry, 'event' | 'payload'>): string | null {
  const { until } = entry.payload;
  return entry.event.endsWith('.extend') && typeof until === 'string' ? until : null;
}

/** The day a request for more time asked for, or null for any other entry. */
export function askedUntil(entry: Pick<HistoryEntry, 'event' | 'payload'>): string | null {
  const { until } = entry.payload;
  return entry.event.endsWith('.requestExtension') && typeof until === 'string' ? until : null;
}

/** How many times the deadline of the state the item is in now was extended: the extensions since it last entered a state. */
export function extensionsInState(entries: readonly Pick<HistoryEntry, 'event' | 'payload' | 'fromState' | 'toState'>[]): number {
  let count = 0;
  for (const entry of entries) {
    if (entry.fromState !== entry.toState) count = 0;
    else if (extendedUntil(entry) !== null) count += 1;
  }
  return count;
}
