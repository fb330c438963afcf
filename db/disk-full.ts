import { LibsqlError } from '@libsql/client';
import { causeChain, reasonOf } from './error-cause';
import { systemCodeOf } from './system-error';

/** The system's codes for a disk (or the quota on it) with no room left. */
const noRoomCodes: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);

/**
 * A write that failed for want of room, as the write worker's thread tells
 * the main one: an error's class and cause do not survive the copy between
 * threads, so the worker says it so (see serveGroups) and the main thread
 * knows it for what it is.
 */
export class DiskFull extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DiskFull';
  }
}

/** SQLite's own code for it (`database or disk is full`), however a statement's error wraps it. */
const isSqliteFull = (link: unknown): boolean => link instanceof LibsqlError && (link.code === 'SQLITE_FULL' || link.extendedCode === 'SQLITE_FULL');

/**
 * Whether an error is the disk's (or the database's page limit's) being full:
 * SQLite's SQLITE_FULL anywhere in the cause chain (drizzle wraps it in its
 * `Failed query:`), the system's ENOSPC or EDQUOT, or the worker's
 * {@link DiskFull}. Nothing of such a write was kept: it is refused for want
 * of room, not for a fault of the request or of the code.
 */
export function isDiskFull(error: unknown): boolean {
  return causeChain(error).some((link) => link instanceof DiskFull || isSqliteFull(link) || noRoomCodes.has(systemCodeOf(link) ?? ''));
}

/** A full disk's error in one line for the log (`SQLITE_FULL: database or disk is full`), or null for any other error. */
export function diskFullReasonOf(error: unknown): string | null {
  return isDiskFull(error) ? reasonOf(error) : null;
}
