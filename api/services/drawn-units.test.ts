import { describe, expect, it } from 'vitest';
import { drawnUnitOf, type PlacedUnit } from './drawn-units';

const units: PlacedUnit[] = [
  { id: 'office', parentId: null, mapFeatureId: null },
  { id: 'hantai', parentId: 'office', mapFeatureId: '610702' },
  { id: 'hantai-pcs1', parentId: 'hantai', mapFeatureId: null },
  { id: 'hantai-pcs1-team', parentId: 'hantai-pcs1', mapFeatureId: null },
  { id: 'xingzhen', parentId: 'office', mapFeatureId: null },
  { id: 'xingzhen-1', parentId: 'xingzhen', mapFeatureId: null },
  { id: 'town', parentId: 'hantai', mapFeatureId: '610702001' },
];

describe('drawnUnitOf', () => {
  const drawn = drawnUnitOf(units);

  it('draws a county branch and a city detachment as themselves, and the office too', () => {
    expect(['hantai', 'xingzhen', 'office'].map(drawn)).toEqual(['hantai', 'xingzhen', 'office']);
  });

  it('counts a police station, and any unit under it, in its county', () => {
    expect(drawn('hantai-pcs1')).toBe('hantai');
    expect(drawn('hantai-pcs1-team')).toBe('hantai');
  });

  it('counts a team under a detachment in the detachment’s tile', () => {
    expect(drawn('xingzhen-1')).toBe('xingzhen');
  });

  it('draws a sub-unit the map has a shape of as itself, and a unit it does not know as itself', () => {
    expect(drawn('town')).toBe('town');
    expect(drawn('gone')).toBe('gone');
  });
});
