/** The roles a Battlemap user can hold. */
export const roles = ['admin', 'office', 'lead', 'officer', 'viewer'] as const;
export type Role = (typeof roles)[number];

/**
 * Who is asking, as the rules see them at the instant of the request.
 *
 * `unitScope` is the actor's own unit and every unit below it. It is captured
 * into each audit event so that replaying history never depends on how the
 * unit tree or the user's unit looked later.
 */
export interface Actor {
  readonly userId: number;
  readonly role: Role;
  readonly unitScope: readonly string[];
}

/** Roles that may move items at all; admin and viewer only read. */
export function movesItems(role: Role): boolean {
  return role === 'office' || role === 'lead' || role === 'officer';
}

/** True when the unit is the actor's own unit or one below it. */
export function hasUnitInScope(actor: Actor, unitId: string): boolean {
  return actor.role === 'office' || actor.unitScope.includes(unitId);
}
