import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { unitLeads, units, users } from '../../../db/schema';
import type { Role } from '../../../engine';
import { subtreeOf } from '../../../engine/units';

export interface RoutingUnit {
  readonly id: string;
  readonly parentId: string | null;
}

export interface RoutingUser {
  readonly id: number;
  readonly role: Role;
  readonly unitId: string;
}

/** Who a unit's escalations go to: named users, or the campaign office as a whole. */
export type Route = { readonly to: 'leads'; readonly unitId: string; readonly userIds: readonly number[] } | { readonly to: 'office' };

/**
 * The escalation ladder above the assignee, as the people administration
 * stores it. A level 2 escalation goes to the stored leads of the item's
 * unit (those whose own unit is it or one above it still, and the office's
 * users). A unit with none stored falls back to its users of role lead (how
 * units were led before leads were stored, and still the demo's), then
 * climbs to the parent unit; a unit with no lead anywhere above it reaches
 * the office. Level 3 goes to the stored leads of the campaign office (the
 * root unit), or to every office user when it has none.
 *
 * Routing is computed when read, not frozen into the escalation: a new lead
 * takes over the open escalations of their unit at once.
 */
export class EscalationRouting {
  readonly #route = new Map<string, Route>();
  readonly #officeLeads: readonly number[] | null;
  /** Every active office user: who an office escalation reaches when the office has no stored lead. */
  readonly #officeUsers: readonly number[];

  constructor(tree: readonly RoutingUnit[], active: readonly RoutingUser[], stored: readonly { unitId: string; userId: number }[]) {
    const parentOf = new Map(tree.map((u) => [u.id, u.parentId]));
    const activeById = new Map(active.map((u) => [u.id, u]));
    // A stored lead leads a unit while their own unit is it or one above it (as when they were stored): moved to
    // another unit since, or their unit moved, the unit's items are none of theirs to read, and its escalations
    // went on reaching them alone (their titles in the inbox) while the unit's own leads never heard of them.
    const scopes = new Map<string, readonly string[]>();
    const covers = (user: RoutingUser, unitId: string) => {
      if (user.role === 'office') return true;
      let scope = scopes.get(user.unitId);
      if (scope === undefined) scopes.set(user.unitId, (scope = subtreeOf(user.unitId, tree)));
      return scope.includes(unitId);
    };
    const leadsOf = new Map<string, number[]>();
    for (const { unitId, userId } of stored) {
      const user = activeById.get(userId);
      if (user === undefined || !covers(user, unitId)) continue;
      leadsOf.set(unitId, [...(leadsOf.get(unitId) ?? []), userId]);
    }
    const byRole = new Map<string, number[]>();
    for (const user of active) if (user.role === 'lead') byRole.set(user.unitId, [...(byRole.get(user.unitId) ?? []), user.id]);
    const root = tree.find((u) => u.parentId === null)?.id ?? null;
    this.#officeLeads = root === null ? null : (leadsOf.get(root) ?? null);
    this.#officeUsers = active.filter((u) => u.role === 'office').map((u) => u.id);

    const resolve = (unitId: string, seen: Set<string>): Route => {
      const known = this.#route.get(unitId);
      if (known !== undefined) return known;
      // A broken tree (a cycle, a missing parent) reaches the office rather than nobody.
      if (seen.has(unitId) || !parentOf.has(unitId)) return { to: 'office' };
      seen.add(unitId);
      const named = leadsOf.get(unitId) ?? (unitId === root ? undefined : byRole.get(unitId));
      const parent = parentOf.get(unitId) ?? null;
      let route: Route;
      if (named !== undefined && named.length > 0) route = { to: 'leads', unitId, userIds: named };
      else if (parent === null) route = { to: 'office' };
      else route = resolve(parent, seen);
      this.#route.set(unitId, route);
      return route;
    };
    for (const unit of tree) resolve(unit.id, new Set());
  }

  /** Where a level 2 escalation of an item of this unit goes. */
  routeOf(unitId: string): Route {
    return this.#route.get(unitId) ?? { to: 'office' };
  }

  /** The users a level 3 (office) escalation goes to; null when every office user receives it. */
  get officeLeads(): readonly number[] | null {
    return this.#officeLeads;
  }

  /** True when an office-level escalation is this user's: a stored lead of the office, or any office user when none is stored. */
  isOfficeRecipient(user: { id: number; role: Role }): boolean {
    if (user.role !== 'office') return false;
    return this.#officeLeads === null || this.#officeLeads.includes(user.id);
  }

  /** The units whose level 2 escalations reach this user, directly or because nobody nearer leads them. */
  unitsRoutedTo(user: { id: number; role: Role }): string[] {
    const office = this.isOfficeRecipient(user);
    return [...this.#route.entries()].filter(([, route]) => (route.to === 'leads' ? route.userIds.includes(user.id) : office)).map(([id]) => id);
  }

  /**
   * The user ids an escalation goes to (for webhooks): the office's stored
   * leads, or each office user when none is stored, named as such. (It
   * named none then, which a receiver could not tell from nobody.)
   */
  recipientsOf(recipient: 'assignee' | 'unitLead' | 'office', unitId: string | null, assigneeId: number | null): number[] {
    if (recipient === 'assignee') return assigneeId === null ? [] : [assigneeId];
    const route = recipient === 'unitLead' && unitId !== null ? this.routeOf(unitId) : ({ to: 'office' } as const);
    if (route.to === 'leads') return [...route.userIds];
    return [...(this.#officeLeads ?? this.#officeUsers)];
  }
}

/** Reads the unit tree, the active users and the stored leads: a few hundred rows at most. */
export async function loadEscalationRouting(db: Db | Tx): Promise<EscalationRouting> {
  // One after another: inside a transaction the statements share one connection.
  const tree = await db.select({ id: units.id, parentId: units.parentId }).from(units);
  const active = await db.select({ id: users.id, role: users.role, unitId: users.unitId }).from(users).where(isNull(users.disabledAt));
  const stored = await db
    .select({ unitId: unitLeads.unitId, userId: unitLeads.userId })
    .from(unitLeads)
    .innerJoin(users, and(eq(users.id, unitLeads.userId), isNull(users.disabledAt)));
  return new EscalationRouting(tree, active, stored);
}
