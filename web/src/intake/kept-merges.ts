import type { ImportPlan } from './api';

/**
 * The merge choices that still hold against a new check of the file: a row
 * merged into a clue the check no longer offers it (merged meanwhile into
 * another, moved out of the importer's units, the row remapped) is a new
 * clue again. Kept, such a choice showed "do not merge" in its row while the
 * bar still counted it, and went with every import after, each refused alike.
 */
export function keptMerges(chosen: ReadonlyMap<number, number>, plan: Pick<ImportPlan, 'duplicates'>): ReadonlyMap<number, number> {
  const offered = new Map(plan.duplicates.map((d) => [d.row, d.mergeInto]));
  const kept = [...chosen].filter(([row, clueId]) => offered.get(row)?.includes(clueId) === true);
  return kept.length === chosen.size ? chosen : new Map(kept);
}

/** Whether an import was refused for a merge it asked for (a target no longer there to merge into): the file is then checked again. */
export function refusedForMerge(plan: Pick<ImportPlan, 'issues'>): boolean {
  return plan.issues.some((issue) => issue.field === 'merge');
}
