import { describe, expect, it } from 'vitest';
import { peopleIn, readerScope, unitFilterInReach, unitsIn } from './reader-scope';

const units = [{ id: 'office' }, { id: 'hantai' }, { id: 'hantai-pcs' }, { id: 'nanzheng' }];
const people = [{ unitId: 'hantai', name: '张' }, { unitId: 'nanzheng', name: '李' }, { unitId: 'hantai-pcs', name: '王' }];

describe("a filter's choices", () => {
  it("offer a lead or an officer their own units and those units' people only", () => {
    for (const role of ['lead', 'officer']) {
      const scope = readerScope({ role, unitScope: ['hantai', 'hantai-pcs'] });
      expect(unitsIn(units, scope).map((u) => u.id)).toEqual(['hantai', 'hantai-pcs']);
      expect(peopleIn(people, scope)?.map((p) => p.name)).toEqual(['张', '王']);
    }
  });

  it('offer the office, a viewer and the administrator everything, and nothing before the people are read', () => {
    for (const role of ['office', 'viewer', 'admin']) expect(unitsIn(units, readerScope({ role, unitScope: ['office'] }))).toHaveLength(4);
    expect(readerScope(null)).toBeNull();
    expect(peopleIn(undefined, new Set(['hantai']))).toBeUndefined();
  });
});

describe('a unit filter after the reader moved', () => {
  it('applies no more once the unit is outside what they see, and still does inside it or for one who sees everything', () => {
    const moved = readerScope({ role: 'officer', unitScope: ['xixiang'] });
    expect(unitFilterInReach('yangxian', moved)).toBe(false);
    expect(unitFilterInReach('xixiang', moved)).toBe(true);
    expect(unitFilterInReach(undefined, moved)).toBe(true);
    expect(unitFilterInReach('yangxian', readerScope({ role: 'office', unitScope: ['office'] }))).toBe(true);
  });
});
