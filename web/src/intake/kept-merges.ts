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

/** The merges as the import request carries them: each row named, or "the earliest for every row" and the rows chosen otherwise. */
export interface MergesSent {
  readonly mergeEarliest: boolean;
  /** Row → the clue it merges into; null keeps it a new clue (only with mergeEarliest). */
  readonly merges: ReadonlyMap<number, number | null>;
}

/** The longest list of merges sent row by row: the server takes 8,000 characters in `merges`. */
const mergesSentRowByRow = 6_000;

/**
 * The choices as the address can carry them: each row chosen, as long as
 * that fits; past it, when most duplicate rows merge into the earliest clue
 * offered them (as "merge all into the earliest" chooses), that rule and the
 * rows chosen otherwise. Named row by row, 10,000 duplicates made an address
 * of 130,000 characters that the server refused unread, and the page said it
 * could not reach the server. Row by row wherever it fits: the rule takes the
 * earliest clue as the import finds it, and a choice named is refused when
 * its clue was merged meanwhile into another, rather than followed there.
 */
export function mergesToSend(chosen: ReadonlyMap<number, number>, plan: Pick<ImportPlan, 'duplicates'>): MergesSent {
  if (JSON.stringify(Object.fromEntries(chosen)).length <= mergesSentRowByRow) return { mergeEarliest: false, merges: chosen };
  const earliest = plan.duplicates.filter((d) => d.mergeInto[0] !== undefined && chosen.get(d.row) === d.mergeInto[0]);
  if (earliest.length * 2 <= plan.duplicates.length) return { mergeEarliest: false, merges: chosen };
  const otherwise = new Map<number, number | null>();
  for (const d of plan.duplicates) {
    const clueId = chosen.get(d.row);
    if (clueId === undefined) otherwise.set(d.row, null);
    else if (clueId !== d.mergeInto[0]) otherwise.set(d.row, clueId);
  }
  return { mergeEarliest: true, merges: otherwise };
}
