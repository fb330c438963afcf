import { describe, expect, it } from 'vitest';
import { placeUnits, readShapes } from './geo';

/** Whether a point lies inside a ring (even-odd ray casting). */
function inside([x, y]: readonly [number, number], ring: readonly (readonly [number, number])[]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

// A county shaped like a U, 1° across, near Hanzhong's latitude: its centroid falls in the notch, outside it.
const u: [number, number][] = [
  [107, 33],
  [108, 33],
  [108, 34],
  [107.7, 34],
  [107.7, 33.3],
  [107.3, 33.3],
  [107.3, 34],
  [107, 34],
  [107, 33],
];

describe('county labels', () => {
  it('go inside the county, even where its centroid is not', () => {
    const [shape] = readShapes({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'u', properties: { name: 'U 县', cp: [107.5, 33.9] }, geometry: { type: 'Polygon', coordinates: [u] } }] });
    expect(shape?.name).toBe('U 县');
    expect(inside(shape?.centre ?? [0, 0], u)).toBe(true);
    // Not the seat of government (cp), which lies in the notch here.
    expect(shape?.centre).not.toEqual([107.5, 33.9]);
  });

  it('go in the largest of a county’s polygons, clear of its holes', () => {
    const island: [number, number][] = [
      [109, 33],
      [109.1, 33],
      [109.1, 33.1],
      [109, 33.1],
      [109, 33],
    ];
    const mainland: [number, number][] = [
      [106, 32],
      [107, 32],
      [107, 33],
      [106, 33],
      [106, 32],
    ];
    const lake: [number, number][] = [
      [106.3, 32.3],
      [106.7, 32.3],
      [106.7, 32.7],
      [106.3, 32.7],
      [106.3, 32.3],
    ];
    const [shape] = readShapes({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'm', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[island], [mainland, lake]] } }] });
    const centre = shape?.centre ?? [0, 0];
    expect(inside(centre, mainland)).toBe(true);
    expect(inside(centre, lake)).toBe(false);
    expect(shape?.rings).toHaveLength(3);
  });
});

describe('the units the map draws and those beside it', () => {
  const units = [
    { unitId: 'hantai', mapFeatureId: '610702' },
    { unitId: 'chenggu', mapFeatureId: '9999' },
    { unitId: 'xingzhen', mapFeatureId: null },
  ];
  const ids = (list: readonly { unitId: string }[]) => list.map((unit) => unit.unitId);

  it('draws a unit whose feature the map has; one naming a feature it lacks stands beside it with those of none', () => {
    const placed = placeUnits(units, ['610702', '610722'], true);
    expect([ids(placed.onMap), ids(placed.offMap)]).toEqual([['hantai'], ['chenggu', 'xingzhen']]);
  });

  it('with no map every unit stands beside it; while the map is read, a unit with a feature waits for it', () => {
    expect(ids(placeUnits(units, undefined, false).offMap)).toEqual(['hantai', 'chenggu', 'xingzhen']);
    expect(ids(placeUnits(units, undefined, true).onMap)).toEqual(['hantai', 'chenggu']);
  });
});
