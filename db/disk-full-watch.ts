import { diskFullReasonOf } from './disk-full';

/**
 * Whether the disk is full, as the writes' outcomes tell it: full from the
 * first write that fails for want of room until one succeeds again. A write
 * succeeds only where it found room, so the next one that does says that
 * space was freed. `changed` hears each change once: the reason when the
 * disk has just been found full, null when it no longer is.
 */
export class DiskFullWatch {
  readonly #changed: (reason: string | null) => void;
  #reason: string | null = null;

  constructor(changed: (reason: string | null) => void = () => undefined) {
    this.#changed = changed;
  }

  /** Why the last write failed for a full disk (`SQLITE_FULL: database or disk is full`) while it still is; null otherwise. */
  get reason(): string | null {
    return this.#reason;
  }

  /** A write succeeded. */
  wrote(): void {
    if (this.#reason === null) return;
    this.#reason = null;
    this.#changed(null);
  }

  /** A write failed with `error`: only a full disk's failure, and only the first of them, changes anything. */
  failed(error: unknown): void {
    if (this.#reason !== null) return;
    const reason = diskFullReasonOf(error);
    if (reason === null) return;
    this.#reason = reason;
    this.#changed(reason);
  }
}
