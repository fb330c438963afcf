/** What the unit tree needs of a unit: its code and the code of the unit above it. */
interface TreeNode {
  readonly id: string;
  readonly parentId: string | null;
}

/** The units in tree order (each below the one above it, siblings as the server lists them), each with its depth. */
export function treeOrder<U extends TreeNode>(units: readonly U[]): { unit: U; depth: number }[] {
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

/** A unit and every unit below it: none of them may become its parent (the server refuses it; a form should not offer it). */
export function selfAndBelow(units: readonly TreeNode[], id: string): Set<string> {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && found.has(unit.parentId) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
    }
  }
  return found;
}
