import { describe, expect, it } from 'vitest';
import { EscalationRouting } from './escalation-routing';

const tree = [
  { id: 'office', parentId: null },
  { id: 'hantai', parentId: 'office' },
  { id: 'hantai-1', parentId: 'hantai' },
  { id: 'wangan', parentId: 'office' },
  { id: 'liuba', parentId: 'office' },
];
const people = [
  { id: 1, role: 'office' as const, unitId: 'office' },
  { id: 2, role: 'office' as const, unitId: 'office' },
  { id: 10, role: 'lead' as const, unitId: 'hantai' },
  { id: 11, role: 'lead' as const, unitId: 'hantai' },
  { id: 20, role: 'lead' as const, unitId: 'wangan' },
];

describe('escalation routing', () => {
  it('sends a unit\'s level 2 to its stored leads, else its role leads, else up the tree to the office\'s leads', () => {
    const routing = new EscalationRouting(tree, people, [
      { unitId: 'hantai', userId: 11 },
      { unitId: 'office', userId: 2 },
    ]);
    expect(routing.routeOf('hantai')).toEqual({ to: 'leads', unitId: 'hantai', userIds: [11] });
    expect(routing.routeOf('hantai-1')).toEqual({ to: 'leads', unitId: 'hantai', userIds: [11] });
    expect(routing.routeOf('wangan')).toEqual({ to: 'leads', unitId: 'wangan', userIds: [20] });
    expect(routing.routeOf('liuba')).toEqual({ to: 'leads', unitId: 'office', userIds: [2] });
    expect(routing.unitsRoutedTo({ id: 11, role: 'lead' }).sort()).toEqual(['hantai', 'hantai-1']);
    expect(routing.unitsRoutedTo({ id: 10, role: 'lead' })).toEqual([]);
    // Level 3 and the leaderless units go to the office's stored lead only.
    expect(routing.isOfficeRecipient({ id: 2, role: 'office' })).toBe(true);
    expect(routing.isOfficeRecipient({ id: 1, role: 'office' })).toBe(false);
    expect(routing.unitsRoutedTo({ id: 2, role: 'office' }).sort()).toEqual(['liuba', 'office']);
    expect(routing.recipientsOf('unitLead', 'liuba', null)).toEqual([2]);
    expect(routing.recipientsOf('assignee', 'hantai', 77)).toEqual([77]);
  });

  it('skips disabled leads and, with no office lead stored, reaches every office user', () => {
    const routing = new EscalationRouting(tree, people.filter((p) => p.id !== 11), [{ unitId: 'hantai', userId: 11 }]);
    expect(routing.routeOf('hantai')).toEqual({ to: 'leads', unitId: 'hantai', userIds: [10] });
    expect(routing.isOfficeRecipient({ id: 1, role: 'office' })).toBe(true);
    expect(routing.isOfficeRecipient({ id: 10, role: 'lead' })).toBe(false);
    // Each of them named, which a webhook's receiver tells from nobody.
    expect(routing.recipientsOf('office', null, null)).toEqual(people.filter((p) => p.role === 'office').map((p) => p.id));
    expect(routing.recipientsOf('office', null, null).length).toBeGreaterThan(0);
  });

  it("passes over a stored lead whose own unit no longer covers the unit they were stored for (moved to another unit since): the unit's own leads get it", () => {
    // Lead 11 was stored as hantai's lead, then moved to wangan: hantai's items are none of theirs to read or act on.
    const moved = people.map((p) => (p.id === 11 ? { ...p, unitId: 'wangan' } : p));
    const routing = new EscalationRouting(tree, moved, [{ unitId: 'hantai', userId: 11 }]);
    expect(routing.routeOf('hantai')).toEqual({ to: 'leads', unitId: 'hantai', userIds: [10] });
    expect(routing.unitsRoutedTo({ id: 11, role: 'lead' })).toEqual(['wangan']);
    expect(routing.recipientsOf('unitLead', 'hantai-1', null)).toEqual([10]);
    // Stored for a unit below their own, a lead still leads it; an office user leads any unit.
    const below = new EscalationRouting(tree, people, [{ unitId: 'hantai-1', userId: 11 }, { unitId: 'liuba', userId: 1 }]);
    expect(below.routeOf('hantai-1')).toEqual({ to: 'leads', unitId: 'hantai-1', userIds: [11] });
    expect(below.routeOf('liuba')).toEqual({ to: 'leads', unitId: 'liuba', userIds: [1] });
  });
});
