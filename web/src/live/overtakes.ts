import type { Change } from './live-events';

/**
 * Whether a change makes a move or edit prepared on the item's earlier version stale: a work note does not (the server
 * takes a move prepared before one), so an open dialog or a held card need not say someone changed it.
 */
export const overtakes = (change: Change, seenVersion: number): boolean => change.version > seenVersion && !change.event.endsWith('.note');
