/** Who reads, as far as what they may see goes. */
interface Reader {
  readonly role: string;
  readonly unitId: string;
  readonly unitScope: readonly string[];
}

/** Whether two readings of a user see the same: the same role, in the same unit, over the same units (in any order). */
export function sameReach(a: Reader, b: Reader): boolean {
  return a.role === b.role && a.unitId === b.unitId && a.unitScope.length === b.unitScope.length && a.unitScope.every((unit) => b.unitScope.includes(unit));
}
