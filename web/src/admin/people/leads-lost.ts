import { subtreeOf } from '../../../../engine/units';
import type { UnitNode, UserAccount } from './api';

/** A unit lead a move takes off a unit. */
export interface LeadLost {
  readonly unitId: string;
  readonly userId: number;
}

/**
 * The leads a unit and the units below it lose when it is moved under
 * `parentId`, as the server takes them off (api/services/people/uncovered-leads.ts):
 * a lead (office staff lead anywhere) whose own unit would no longer be the
 * unit or one above it, since they could not act on what is escalated to
 * them there. `leadIds` are the leads the form saves for the moved unit itself.
 */
export function leadsLostByMove(
  unitId: string,
  parentId: string,
  leadIds: readonly number[],
  units: readonly Pick<UnitNode, 'id' | 'parentId' | 'leadIds'>[],
  users: readonly Pick<UserAccount, 'id' | 'role' | 'unitId'>[],
): LeadLost[] {
  const tree = units.map((u) => (u.id === unitId ? { ...u, parentId } : u));
  const lost: LeadLost[] = [];
  for (const id of subtreeOf(unitId, tree)) {
    const leads = id === unitId ? leadIds : (units.find((u) => u.id === id)?.leadIds ?? []);
    for (const userId of leads) {
      const user = users.find((u) => u.id === userId);
      if (user?.role === 'lead' && !subtreeOf(user.unitId, tree).includes(id)) lost.push({ unitId: id, userId });
    }
  }
  return lost;
}
