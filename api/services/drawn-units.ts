/** A unit as the battle map places it: its parent and whether the campaign's map has a shape for it. */
export interface PlacedUnit {
  readonly id: string;
  readonly parentId: string | null;
  readonly mapFeatureId: string | null;
}

/**
 * The unit each unit's figures are drawn under on the battle map and the
 * wall: itself when the map has its shape or it sits right under the root
 * (the office: a county branch, a city detachment), otherwise its nearest
 * such ancestor. A police station under a county branch is counted in its
 * county's shape, not drawn as a tile among the city detachments, so the
 * county's colour is its whole area's work. A unit whose parent is unknown
 * (a broken chain) is drawn as itself.
 */
export function drawnUnitOf(units: readonly PlacedUnit[]): (unitId: string) => string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const drawn = new Map<string, string>();
  const resolve = (unitId: string): string => {
    const known = drawn.get(unitId);
    if (known !== undefined) return known;
    const unit = byId.get(unitId);
    const parent = unit?.parentId === null || unit?.parentId === undefined ? undefined : byId.get(unit.parentId);
    // Walked upwards at most as deep as the tree; a unit drawn as itself ends the walk (a cycle cannot be stored: parents exist first).
    const at = unit === undefined || unit.mapFeatureId !== null || parent === undefined || parent.parentId === null ? unitId : resolve(parent.id);
    drawn.set(unitId, at);
    return at;
  };
  return resolve;
}
