import { describe, expect, it } from 'vitest';
import { leadsLostByMove } from './leads-lost';

// The demo's shape: two county branches under the office, a police station under one of them with a station below it.
const units = [
  { id: 'office', parentId: null, leadIds: [] },
  { id: 'hantai', parentId: 'office', leadIds: [14] },
  { id: 'nanzheng', parentId: 'office', leadIds: [16] },
  { id: 'beiguan', parentId: 'hantai', leadIds: [14, 1] },
  { id: 'beiguan-east', parentId: 'beiguan', leadIds: [14, 20] },
];
const users = [
  { id: 1, role: 'office' as const, unitId: 'office' },
  { id: 14, role: 'lead' as const, unitId: 'hantai' },
  { id: 16, role: 'lead' as const, unitId: 'nanzheng' },
  { id: 20, role: 'lead' as const, unitId: 'beiguan' },
];

describe('the leads a unit moved to another parent loses', () => {
  it("names a lead of the old county, on the unit and on each unit below it, and keeps office staff and the unit's own leads", () => {
    expect(leadsLostByMove('beiguan', 'nanzheng', [14, 1], units, users)).toEqual([
      { unitId: 'beiguan', userId: 14 },
      { unitId: 'beiguan-east', userId: 14 },
    ]);
  });

  it('names none where the lead still covers the unit: moved within the county, or up to the office', () => {
    const withWest = [...units, { id: 'hantai-west', parentId: 'hantai', leadIds: [] }];
    expect(leadsLostByMove('beiguan', 'hantai-west', [14, 1], withWest, users)).toEqual([]);
    expect(leadsLostByMove('beiguan', 'office', [1], units, users)).toEqual([{ unitId: 'beiguan-east', userId: 14 }]);
  });

  it("reads the moved unit's leads from the form, not as stored", () => {
    expect(leadsLostByMove('beiguan', 'nanzheng', [16], units, users)).toEqual([{ unitId: 'beiguan-east', userId: 14 }]);
  });
});
