/**
 * A start that stops for a reason the operator can act on (the port taken,
 * the database unreachable or read-only, a password missing): its message is
 * the one line said, with exit code 1, instead of a stack trace.
 */
export class CannotStart extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotStart';
  }
}
