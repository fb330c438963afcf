import type { DuplicateRule, ImportPlan } from './api';

/** What the importer chose for a duplicate row: the clue to merge it into, or to skip it; a row not chosen is a new clue. */
export type RowChoice = number | 'skip';

/**
 * The merge choices that still hold against a new check of the file: a row
 * merged into a clue the check no longer offers it (merged meanwhile into
 * another, moved out of the importer's units, the row remapped) is a new
 * clue again. Kept, such a choice showed "do not merge" in its row while the
 * bar still counted it, and went with every import after, each refused alike.
 */
export function keptMerges(chosen: ReadonlyMap<number, RowChoice>, plan: Pick<ImportPlan, 'duplicates'>): ReadonlyMap<number, RowChoice> {
  const offered = new Map(plan.duplicates.map((d) => [d.row, d.mergeInto]));
  // A skip holds while the row is still a duplicate: it asks no right over the clue it repeats.
  const kept = [...chosen].filter(([row, choice]) => (choice === 'skip' ? offered.has(row) : offered.get(row)?.includes(choice) === true));
  return kept.length === chosen.size ? chosen : new Map(kept);
}

/** Whether an import was refused for a merge it asked for (a target no longer there to merge into): the file is then checked again. */
export function refusedForMerge(plan: Pick<ImportPlan, 'issues'>): boolean {
  return plan.issues.some((issue) => issue.field === 'merge');
}

/** The choices as the import request carries them: each row named, or a rule for every duplicate row and the rows chosen otherwise. */
export interface MergesSent {
  /** What becomes of the duplicate rows `merges` does not name. */
  readonly duplicates: DuplicateRule;
  /** Row → the clue it merges into, null to keep it a new clue (against a rule), or 'skip'. */
  readonly merges: ReadonlyMap<number, number | null | 'skip'>;
}

/** The longest list of choices sent row by row: the server takes 8,000 characters in `merges`. */
const mergesSentRowByRow = 6_000;

/**
 * The choices as the address can carry them: each row chosen, as long as
 * that fits; past it, the rule most duplicate rows follow (merged into the
 * earliest clue offered them, as "merge all into the earliest" chooses, or
 * skipped, as "skip every duplicate row" does) and the rows chosen otherwise.
 * Named row by row, 10,000 duplicates made an address of 130,000 characters
 * that the server refused unread, and the page said it could not reach the
 * server. Row by row wherever it fits: the merge rule takes the earliest clue
 * as the import finds it, and a choice named is refused when its clue was
 * merged meanwhile into another, rather than followed there.
 */
export function mergesToSend(chosen: ReadonlyMap<number, RowChoice>, plan: Pick<ImportPlan, 'duplicates'>): MergesSent {
  if (JSON.stringify(Object.fromEntries(chosen)).length <= mergesSentRowByRow) return { duplicates: 'keep', merges: chosen };
  const ruleOf = (d: ImportPlan['duplicates'][number]): DuplicateRule | null => {
    const choice = chosen.get(d.row);
    if (choice === undefined) return 'keep';
    if (choice === 'skip') return 'skip';
    return choice === d.mergeInto[0] ? 'merge' : null;
  };
  const following = { keep: 0, merge: 0, skip: 0 };
  for (const d of plan.duplicates) {
    const rule = ruleOf(d);
    if (rule !== null) following[rule] += 1;
  }
  const rule = (['keep', 'merge', 'skip'] as const).reduce((most, next) => (following[next] > following[most] ? next : most));
  if (rule === 'keep') return { duplicates: 'keep', merges: chosen };
  const otherwise = new Map<number, number | null | 'skip'>();
  for (const d of plan.duplicates) if (ruleOf(d) !== rule) otherwise.set(d.row, chosen.get(d.row) ?? null);
  return { duplicates: rule, merges: otherwise };
}
