import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { clues } from '../../db/schema';
import { canonicalCaseNumber, type Actor } from '../../engine';
import type { ClueState } from '../../engine/clue/clue.model';
import { readScope } from './board';

/** The states a clue keeps the case number it was filed under in (a merged one counts as its target's). */
const caseStates = ['filed', 'solved', 'prosecuted'] as const satisfies readonly ClueState[];

/** How many holders are read at most: past a few, the number is plainly shared on purpose or plainly wrong. */
const holdersRead = 50;

export interface CaseNumberHolder {
  readonly clueId: number;
  readonly unitId: string;
  readonly state: string;
  /** Null outside the viewer's scope: they learn that another unit filed under the number, not what its clue says. */
  readonly title: string | null;
}

/**
 * The other clues of a campaign filed under a case number, by number. One case can cover several clues, so filing a second clue under a
 * number is not refused; but it is more often a mistyped number than a
 * shared case, and whoever types it should see who holds it before they
 * confirm. The number is matched as the engine stores it ({@link canonicalCaseNumber}: half-width, trimmed, upper case), so
 * "ａ６１０７…" or "a6107…" finds the clue filed under "A6107…". A number stored as typed before the engine normalised it is
 * matched only as it was typed.
 *
 * No index serves it: an index on the case number inside the clue's
 * context would be rewritten by every move (each one sets the context),
 * and this is asked once a pause while a number is typed. It walks the
 * campaign's filed, solved and prosecuted clues through the board's index.
 */
export async function caseNumberHolders(db: Db, campaignId: number, caseNumber: string, actor: Actor, excludeId: number): Promise<{ caseNumber: string; holders: CaseNumberHolder[] }> {
  const wanted = canonicalCaseNumber(caseNumber);
  const rows = await db
    .select({ clueId: clues.id, unitId: clues.unitId, state: clues.state, title: clues.title })
    .from(clues)
    .where(and(eq(clues.campaignId, campaignId), inArray(clues.state, [...caseStates]), ne(clues.id, excludeId), sql`json_extract(${clues.context}, '$.caseNumber') = ${wanted}`))
    .orderBy(asc(clues.id))
    .limit(holdersRead);
  const scope = readScope(actor);
  return { caseNumber: wanted, holders: rows.map((row) => ({ ...row, title: scope === null || scope.includes(row.unitId) ? row.title : null })) };
}
