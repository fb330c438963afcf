import type { UnitLink } from './units';

/** A unit as a tree-ordered list shows it: with how deep it sits (the office 0), to indent it by. */
export interface PlacedUnit<U extends UnitLink> {
  readonly unit: U;
  readonly depth: number;
}

/**
 * The units in tree order: each unit right below its parent, before the
 * parent's next sibling, depth first; siblings keep the order they are given
 * in (the bureau's, by sortOrder). A unit added later under an earlier one is
 * listed under it, not last, so that no picker shows a station under the
 * county created just before it.
 */
export function treeOrder<U extends UnitLink>(units: readonly U[]): PlacedUnit<U>[] {
  const children = new Map<string | null, U[]>();
  for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const out: PlacedUnit<U>[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      out.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  // A unit whose parent is not among them (a list cut short) is listed still, last, rather than lost from every drop-down.
  const placed = new Set(out.map((row) => row.unit));
  for (const unit of units) if (!placed.has(unit)) out.push({ unit, depth: 0 });
  return out;
}
