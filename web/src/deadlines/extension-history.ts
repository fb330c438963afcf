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

/**
 * The day each refusal of more time refused, by the refusal's entry (its seq): the day the request before it asked
 * for. The refusal's own entry holds its reason alone, so the history said "不予延期" with no word of the day asked,
 * which was only in the request's entry below it.
 */
export function declinedDays(entries: readonly Pick<HistoryEntry, 'seq' | 'event' | 'payload'>[]): Map<number, string> {
  const declined = new Map<number, string>();
  let asked: string | null = null;
  for (const entry of entries) {
    const until = askedUntil(entry);
    if (until !== null) asked = until;
    else if (entry.event.endsWith('.declineExtension') && asked !== null) {
      declined.set(entry.seq, asked);
      asked = null;
    } else if (extendedUntil(entry) !== null) asked = null;
  }
  return declined;
}

/** A refusal of more time that still stands: the day it refused (null when the history holds no request before it), why, and by whom. */
export interface StandingRefusal {
  readonly until: string | null;
  readonly reason: string;
  readonly by: string | null;
}

/**
 * The last refusal of more time, while it stands: no request asked, no extension given and no move to another state
 * since. The drawer says it beside the deadline, where whoever asked looks: the request's box had gone without a
 * word, and an officer could take the deadline for moved.
 */
export function standingRefusal(entries: readonly Pick<HistoryEntry, 'seq' | 'event' | 'payload' | 'fromState' | 'toState' | 'actorName'>[]): StandingRefusal | null {
  const days = declinedDays(entries);
  let standing: StandingRefusal | null = null;
  for (const entry of entries) {
    if (entry.event.endsWith('.declineExtension')) {
      const { reason } = entry.payload;
      standing = { until: days.get(entry.seq) ?? null, reason: typeof reason === 'string' ? reason : '', by: entry.actorName };
    } else if (askedUntil(entry) !== null || extendedUntil(entry) !== null || entry.fromState !== entry.toState) standing = null;
  }
  return standing;
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
