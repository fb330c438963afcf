import { inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { clues } from '../../../db/schema';
import { whoRefusal, type Actor } from '../../../engine';
import { ApiError } from '../../errors';
import { readScope } from '../board';
import { applyRequestsIn } from '../move-item';
import type { ImportPlan } from './import-plan';

/** Merging an import's rows into the clues they duplicate: what may be offered, and the merges chosen, made. */

/** Rows to merge on import: spreadsheet row → the existing clue it duplicates. */
export type ImportMerges = ReadonlyMap<number, number>;

/** What becomes of the duplicate rows no choice names: kept as new clues, merged into the earliest clue offered, or skipped. */
export type DuplicateRule = 'keep' | 'merge' | 'skip';

/**
 * The importer's choices: spreadsheet row → the clue to merge it into, null
 * to keep it a new clue, or 'skip' to import nothing for it.
 */
export type MergeChoices = ReadonlyMap<number, number | null | 'skip'>;

/** The duplicate rows as the import treats them: those merged on creation, and those not created at all. */
export interface DuplicateOutcome {
  readonly merges: ImportMerges;
  readonly skipped: ReadonlySet<number>;
}

/**
 * The merges to make and the rows to skip: each row as chosen, and every
 * other duplicate row by the rule: with 'merge' into the first clue its check
 * offers it, the earliest (a row offered none stays new); with 'skip' not
 * imported. The page sends the rule and only the rows chosen otherwise, so
 * that a file of any size fits in the address.
 */
export function duplicateOutcome(duplicates: ImportPlan['duplicates'], chosen: MergeChoices, rule: DuplicateRule): DuplicateOutcome {
  const merges = new Map<number, number>();
  const skipped = new Set<number>();
  for (const [row, choice] of chosen) {
    if (choice === 'skip') skipped.add(row);
    else if (choice !== null) merges.set(row, choice);
  }
  if (rule === 'keep') return { merges, skipped };
  for (const duplicate of duplicates) {
    if (chosen.has(duplicate.row)) continue;
    // Skipping needs no right over the clue repeated, so a row its importer may not merge is skipped all the same.
    if (rule === 'skip') skipped.add(duplicate.row);
    else if (duplicate.mergeInto[0] !== undefined) merges.set(duplicate.row, duplicate.mergeInto[0]);
  }
  return { merges, skipped };
}

/**
 * The clues each duplicate row may be merged into by this importer, as the
 * merge's engine decision will allow it: a merged clue stands for the clue
 * it was merged into (followed to the end of the chain), and a clue of
 * another unit is offered to the office only. Fills `mergeInto` in place,
 * and returns the clues the rows name, for the page to say what each is.
 */
export async function offerMerges(
  db: Db | Tx,
  actor: Actor,
  duplicates: readonly { readonly row: number; readonly clueIds: readonly number[]; readonly mergeInto: number[] }[],
  planned: readonly { readonly row: number; readonly unitId: string; readonly assigneeId: number | null }[],
): Promise<ImportPlan['duplicateClues']> {
  const known = new Map<number, { id: number; state: string; unitId: string; title: string; mergedInto: number | null }>();
  let wanted = [...new Set(duplicates.flatMap((d) => d.clueIds))];
  // A chain is one link long as merges are made (never into a merged clue); a survivor merged later makes it longer.
  for (let depth = 0; wanted.length > 0 && depth < 8; depth++) {
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await db
        .select({ id: clues.id, state: clues.state, unitId: clues.unitId, title: clues.title, mergedInto: sql<number | null>`json_extract(${clues.context}, '$.mergedInto')` })
        .from(clues)
        .where(inArray(clues.id, wanted.slice(i, i + 500)));
      for (const row of rows) known.set(row.id, row);
    }
    wanted = [...new Set([...known.values()].map((c) => c.mergedInto).filter((id): id is number => id !== null && !known.has(id)))];
  }
  const survivor = (id: number) => {
    let clue = known.get(id);
    for (let hops = 0; clue?.state === 'merged' && clue.mergedInto !== null && hops < 8; hops++) {
      id = clue.mergedInto;
      clue = known.get(id);
    }
    return clue === undefined || clue.state === 'merged' ? null : { id, unitId: clue.unitId };
  };
  const plannedOf = new Map(planned.map((p) => [p.row, p]));
  for (const duplicate of duplicates) {
    const row = plannedOf.get(duplicate.row);
    // The new clue moves to merged: the importer must be one who may move it (an officer only a clue assigned to them).
    if (row === undefined || whoRefusal('mover', actor, { unitId: row.unitId, assigneeId: row.assigneeId }) !== null) continue;
    const targets = new Set<number>();
    for (const id of duplicate.clueIds) {
      const target = survivor(id);
      if (target !== null && (actor.role === 'office' || target.unitId === row.unitId)) targets.add(target.id);
    }
    duplicate.mergeInto.push(...[...targets].sort((a, b) => a - b));
  }
  // The clues named, so that a clerk sees what each is, not a number to look up: a title only where the importer may read it.
  const named = new Set(duplicates.flatMap((d) => [...d.clueIds, ...d.mergeInto]));
  const scope = readScope(actor);
  return [...named]
    .sort((a, b) => a - b)
    .flatMap((id) => {
      const clue = known.get(id);
      if (clue === undefined) return [];
      return [{ id, unitId: clue.unitId, state: clue.state, title: scope === null || scope.includes(clue.unitId) ? clue.title : null }];
    });
}

/**
 * Merges each chosen new clue into the existing clue it duplicates, in the
 * import's transaction, through the same engine decision as a merge on the
 * board: the survivor records what it absorbed. A refused merge (across
 * units without the office's rights, into a clue already merged) stops the
 * whole import with the row that caused it. Rows not created (invalid ones
 * skipped, or imported before) have nothing to merge. Returns the rows
 * merged, each with the clue it went into.
 */
export async function mergeCreated(
  tx: Tx,
  createdOfRow: ReadonlyMap<number, number>,
  merges: ImportMerges,
  actor: Actor,
  now: Date,
  batchId: string,
  checked: ImportPlan,
): Promise<{ row: number; into: number }[]> {
  const merged: { row: number; into: number }[] = [];
  for (const [row, targetId] of merges) {
    const id = createdOfRow.get(row);
    if (id === undefined) continue;
    try {
      await applyRequestsIn(tx, 'clue', id, actor, 1, [{ to: 'merged', payload: { targetId, reason: `导入时合并（批次 ${batchId}）/ merged on import (batch ${batchId})` } }], now);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const reason = { zh: `第 ${row} 行无法合并到线索 #${targetId}：${error.reason.zh}`, en: `Row ${row} cannot be merged into clue #${targetId}: ${error.reason.en}` };
      throw new ApiError(error.code, { reason, extra: { plan: { ...checked, issues: [{ row, column: '', field: 'merge', reason }] } } });
    }
    merged.push({ row, into: targetId });
  }
  return merged.sort((a, b) => a.row - b.row);
}
