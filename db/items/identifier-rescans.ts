import { asc, eq, inArray } from 'drizzle-orm';
import { insertRows } from '../bulk-insert';
import type { Db } from '../client';
import { clueIdentifiers, clues, identifierRescans } from '../schema';
import { identifierRows } from './store';

/** Clues rewritten per transaction: a few hundred keep each commit short on a campaign of 100,000. */
const rescanBatch = 500;

/**
 * Finds again, from each clue's title and description, the identifiers of
 * the clues a migration queued in `identifier_rescans` (because the
 * extraction now finds other ones), replacing those stored, and empties the
 * queue. Each batch leaves the queue in the transaction that rewrites its
 * clues, so a start stopped halfway resumes where it was. Returns how many
 * clues it rewrote.
 */
export async function rescanIdentifiers(db: Db): Promise<number> {
  let rescanned = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const queued = await tx
        .select({ id: identifierRescans.clueId, context: clues.context })
        .from(identifierRescans)
        .leftJoin(clues, eq(clues.id, identifierRescans.clueId))
        .orderBy(asc(identifierRescans.clueId))
        .limit(rescanBatch);
      if (queued.length === 0) return 0;
      const ids = queued.map((clue) => clue.id);
      await tx.delete(clueIdentifiers).where(inArray(clueIdentifiers.clueId, ids));
      const rows = queued.flatMap((clue) => (clue.context === null ? [] : identifierRows(clue.id, clue.context)));
      for (let i = 0; i < rows.length; i += 2000) await insertRows(tx, clueIdentifiers, rows.slice(i, i + 2000));
      await tx.delete(identifierRescans).where(inArray(identifierRescans.clueId, ids));
      return queued.length;
    });
    if (done === 0) return rescanned;
    rescanned += done;
  }
}
