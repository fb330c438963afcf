import { createResource } from 'solid-js';
import { api } from '../api/client';
import { keptRead } from '../ui/read-shown';
import type { PeopleChoice } from '../board/payload-input';
import { unitFieldOf, unitsNeeding, type BatchPlan } from './batch-plan';

/**
 * Inside the batch dialog: whom its assignee fields offer. The people of the units of the items that need one, read
 * by unit, for whoever is named must be of the item's unit (the server checks each): a unit's own field (see
 * BatchPlan.byUnit) offers its people, the one field of a batch within one unit all of them. Kept as last read while
 * a read again fails, and tried again: the dialog stays open, the list as it was.
 */
export function useBatchPeople(plan: BatchPlan): (fieldName: string) => PeopleChoice {
  const units = unitsNeeding(plan, 'assigneeId');
  const [read, { refetch }] = createResource(
    () => (plan.needs.includes('assigneeId') ? units : false),
    async (ids) => {
      const lists = await Promise.all(ids.map((unit) => api.users(unit)));
      return new Map(ids.map((unitId, at) => [unitId, (lists[at] ?? []).filter((user) => user.role !== 'viewer' && user.role !== 'admin' && user.unitId === unitId).map((user) => ({ id: user.id, displayName: user.displayName }))]));
    },
  );
  const byUnit = keptRead(read, refetch);
  return (fieldName) => {
    const people = byUnit();
    const ofUnit = unitFieldOf(fieldName);
    const offered = people === undefined ? [] : ofUnit === null ? [...people.values()].flat() : (people.get(ofUnit.unitId) ?? []);
    return { loading: read.loading, people: offered };
  };
}
