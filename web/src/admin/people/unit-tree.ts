import type { UnitLink } from '../../../../engine/units';

/** The units in tree order (each below the one above it, siblings as the server lists them), each with its depth. */
export function treeOrder<U extends UnitLink>(units: readonly U[]): { unit: U; depth: number }[] {
  const children = new Map<string | null, U[]>();
  for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const out: { unit: U; depth: number }[] = [];
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
