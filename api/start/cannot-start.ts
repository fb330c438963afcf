import { libsqlErrorIn, reasonOf } from '../../db/error-cause';
import type { Label } from '../../engine/labels';
import { startLine } from './start-line';

/**
 * A start that stops for a reason the operator can act on (the port taken,
 * the database unreachable or read-only, a password missing): its message is
 * the one line said, Chinese then English as the command-line tools say
 * theirs, with exit code 1, instead of a stack trace.
 */
export class CannotStart extends Error {
  constructor(readonly reason: Label) {
    super(startLine(reason));
    this.name = 'CannotStart';
  }
}

/**
 * What the start says when it stops: a refusal of its own as it is; the
 * database's refusal of a later step (the first start's seeding, a lock held
 * past the busy timeout) with libSQL's reason, not drizzle's failed query (a
 * statement of several KB); anything else, a bug, by its message.
 */
export function startFailureLine(error: unknown): string {
  if (error instanceof CannotStart) return error.message;
  if (libsqlErrorIn(error) !== undefined) {
    const reason = reasonOf(error);
    return new CannotStart({ zh: `Battlemap 无法启动：数据库拒绝了启动时的操作：${reason}`, en: `Battlemap cannot start: the database refused what the start asked of it: ${reason}.` }).message;
  }
  return error instanceof Error ? error.message : String(error);
}
