/**
 * Says, within this process, that who may read what may have changed: an account moved to another unit, given another
 * role, disabled, its password reset or its sessions ended, a unit moved in the tree, a session signed out. The open
 * event streams then ask whether their sessions still hold, rather than at their next heartbeat (25 s), so a page
 * follows its user's new reach, or goes to the sign-in, within a moment. The audit feed tells it of every such change
 * the log records, made through this process or another, within a poll (see AuditFeed); the sign-out route of one the
 * log does not record, which reaches another process's streams at their next session check.
 */
export class AccountChanges {
  readonly #listeners = new EventTarget();

  /** After a change is saved: every stream listening checks its session. */
  changed(): void {
    this.#listeners.dispatchEvent(new Event('changed'));
  }

  /** Calls `listener` after each change, until the returned function is called. */
  subscribe(listener: () => void): () => void {
    this.#listeners.addEventListener('changed', listener);
    return () => this.#listeners.removeEventListener('changed', listener);
  }
}
