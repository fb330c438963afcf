import type { Change } from '../live/live-events';

/** The key of an item in the set of those with a request waiting. */
export function requestKey(subject: string, subjectId: number): string {
  return `${subject}:${subjectId}`;
}

const requestEvents = /\.(requestExtension|extend|declineExtension)$/;

/**
 * Whether a change may alter the requests for more time waiting: one asked,
 * granted (an extension) or declined, or an item with one moving on (a
 * request is for its state's deadline and ends with it). Other moves, most
 * of what the stream carries, leave the list as it was and are not read for.
 */
export function touchesRequests(change: Change, waiting: ReadonlySet<string>): boolean {
  if (change.subject !== 'clue' && change.subject !== 'problem') return false;
  if (requestEvents.test(change.event)) return true;
  return change.fromState !== change.toState && waiting.has(requestKey(change.subject, change.subjectId));
}
