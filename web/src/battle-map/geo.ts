import polylabel from 'polylabel';

/** A county outline from the campaign's GeoJSON, in longitude/latitude. */
export interface MapShape {
  readonly id: string;
  readonly name: string;
  /** Every ring of every polygon (outer and holes; drawn even-odd). */
  readonly rings: readonly (readonly [number, number])[][];
  /**
   * Where its label goes: the point of its largest polygon farthest from the
   * outline (the pole of inaccessibility). Not the feature's `cp`, the seat of
   * the county's government: a seat next to a small district (南郑 beside
   * 汉台) put the two labels on top of each other.
   */
  readonly centre: readonly [number, number];
}

export interface ProjectedShape {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly label: readonly [number, number];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPosition = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
const isRing = (value: unknown): value is [number, number][] => Array.isArray(value) && value.length >= 3 && value.every(isPosition);

type Ring = [number, number][];

/** The polygons of a geometry, each its outer ring and then its holes. */
function polygonsOf(geometry: unknown): Ring[][] {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) return [];
  const polygon = (rings: unknown): Ring[] => (Array.isArray(rings) ? rings.filter(isRing) : []);
  if (geometry.type === 'Polygon') return [polygon(geometry.coordinates)].filter((p) => p.length > 0);
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map(polygon).filter((p) => p.length > 0);
  return [];
}

/** The area a ring encloses, in square degrees (shoelace). */
function ringArea(ring: readonly (readonly [number, number])[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] ?? [0, 0];
    const [x1, y1] = ring[(i + 1) % ring.length] ?? [0, 0];
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}

/**
 * The pole of inaccessibility of a polygon, found where the map is drawn: with
 * longitude squeezed by the cosine of the latitude, as projectShapes draws it.
 */
function labelPoint(polygon: readonly Ring[]): [number, number] {
  const outer = polygon[0] ?? [];
  const squeeze = Math.cos(((outer.reduce((sum, [, lat]) => sum + lat, 0) / Math.max(outer.length, 1)) * Math.PI) / 180);
  const drawn = polygon.map((ring) => ring.map(([lon, lat]): [number, number] => [lon * squeeze, lat]));
  // About a hundred metres: far finer than a pixel of the wall.
  const [x, y] = polylabel(drawn, 0.001);
  return [x / squeeze, y];
}

/** The Polygon and MultiPolygon features of a FeatureCollection that have an id; anything else is left out. */
export function readShapes(collection: unknown): MapShape[] {
  if (!isRecord(collection) || !Array.isArray(collection.features)) return [];
  return collection.features.flatMap((feature: unknown): MapShape[] => {
    if (!isRecord(feature)) return [];
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : typeof properties.id === 'string' ? properties.id : null;
    const polygons = polygonsOf(feature.geometry);
    const [first] = polygons;
    if (id === null || first === undefined) return [];
    const largest = polygons.reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a), first);
    return [{ id, name: typeof properties.name === 'string' ? properties.name : id, rings: polygons.flat(), centre: labelPoint(largest) }];
  });
}

/**
 * Projects shapes into an SVG box `width` wide (equirectangular, x scaled by
 * the cosine of the middle latitude so a county keeps its shape at this
 * size), as path data. Points closer than a fraction of a pixel to the last
 * one kept are dropped: the source has far more detail than a wall shows.
 */
export function projectShapes(shapes: readonly MapShape[], width: number, padding = 8): { width: number; height: number; shapes: ProjectedShape[] } {
  const all = shapes.flatMap((s) => s.rings.flat());
  if (all.length === 0) return { width, height: 0, shapes: [] };
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of all) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const squeeze = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (width - 2 * padding) / Math.max((maxLon - minLon) * squeeze, 1e-9);
  const height = Math.ceil((maxLat - minLat) * scale + 2 * padding);
  const at = (p: readonly [number, number]): [number, number] => [padding + (p[0] - minLon) * squeeze * scale, padding + (maxLat - p[1]) * scale];
  const round = (n: number) => Math.round(n * 10) / 10;
  const projected = shapes.map((shape): ProjectedShape => {
    const path = shape.rings
      .map((ring) => {
        let last: [number, number] | null = null;
        const points: string[] = [];
        for (const position of ring) {
          const point = at(position);
          if (last !== null && Math.abs(point[0] - last[0]) + Math.abs(point[1] - last[1]) < 0.6) continue;
          points.push(`${round(point[0])},${round(point[1])}`);
          last = point;
        }
        return points.length < 3 ? '' : `M${points.join('L')}Z`;
      })
      .join('');
    const label = at(shape.centre);
    return { id: shape.id, name: shape.name, path, label: [round(label[0]), round(label[1])] };
  });
  return { width, height, shapes: projected };
}

/**
 * Which units the map draws and which stand beside it as tiles: a unit is
 * drawn when the map has the feature it names. One naming a feature the map
 * lacks (a mistyped id), or any unit when the campaign has no map, is a
 * tile: drawn nowhere, it and its open clues were missing from the page and
 * the wall. While a map is still being read (`shapeIds` undefined), a unit
 * with a feature waits for it rather than showing as a tile for a moment.
 */
export function placeUnits<U extends { readonly mapFeatureId: string | null }>(
  units: readonly U[],
  shapeIds: readonly string[] | undefined,
  hasMap: boolean,
): { readonly onMap: U[]; readonly offMap: U[] } {
  const drawn = (unit: U) => unit.mapFeatureId !== null && hasMap && (shapeIds === undefined || shapeIds.includes(unit.mapFeatureId));
  return { onMap: units.filter(drawn), offMap: units.filter((unit) => !drawn(unit)) };
}
