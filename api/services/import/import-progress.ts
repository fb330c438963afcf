/** Where a running import stands, for the screen that started it. */
export interface ImportProgress {
  readonly stage: 'checking' | 'creating' | 'writing' | 'done';
  readonly done: number;
  readonly total: number;
}

interface Tracked extends ImportProgress {
  readonly userId: number;
  readonly updatedAt: number;
}

/** Finished or abandoned imports are forgotten after this long. */
const keepMs = 10 * 60_000;

/**
 * The progress of imports running in this process, by an id the client
 * chose. In memory on purpose: it is only a hint for a progress bar, worth
 * nothing after the import's own answer arrives. Only the user who started
 * an import can read its progress.
 */
export class ImportProgressBoard {
  private readonly imports = new Map<string, Tracked>();

  report(id: string, userId: number, progress: ImportProgress, now = Date.now()): void {
    const known = this.imports.get(id);
    // An id belongs to the user who first used it; another user's reports are ignored.
    if (known !== undefined && known.userId !== userId) return;
    this.imports.set(id, { ...progress, userId, updatedAt: now });
    this.forgetOld(now);
  }

  read(id: string, userId: number, now = Date.now()): ImportProgress | null {
    this.forgetOld(now);
    const known = this.imports.get(id);
    if (known === undefined || known.userId !== userId) return null;
    return { stage: known.stage, done: known.done, total: known.total };
  }

  private forgetOld(now: number): void {
    for (const [id, tracked] of this.imports) if (now - tracked.updatedAt > keepMs) this.imports.delete(id);
  }
}
