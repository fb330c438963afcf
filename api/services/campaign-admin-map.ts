import type { FieldIssue } from '../../engine';
import type { MapSummary } from '../contracts/campaign-admin';

/** The most a campaign map may weigh as sent: the Hanzhong counties are about 0.9 MB. */
export const maxMapBytes = 8 * 1024 * 1024;
/** The route a map is uploaded to, which alone takes a body that large. */
export const isMapUploadPath = (path: string) => /^\/api\/campaigns\/[^/]+\/map$/.test(path);

const maxFeatures = 2000;
const maxPositions = 1_000_000;
const maxIssues = 20;

export interface MapFeature {
  readonly id: string;
  readonly name: string | null;
}

export type CheckedMap = { readonly ok: true; readonly features: readonly MapFeature[] } | { readonly ok: false; readonly fields: readonly FieldIssue[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isPosition(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return false;
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** Twice the area a ring encloses in degrees (the shoelace formula), signed by its turn. */
function ringArea(ring: readonly number[][]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i += 1) {
    const [x0 = 0, y0 = 0] = ring[i - 1] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/** Why a polygon's rings are not a polygon, or null; counts its positions into `count`. */
function polygonProblem(rings: unknown, count: { n: number }): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a Polygon is a non-empty array of linear rings';
  for (const [index, ring] of rings.entries()) {
    if (!Array.isArray(ring) || ring.length < 4) return 'each linear ring needs at least four positions';
    if (!ring.every(isPosition)) return 'each position is [longitude, latitude] in degrees';
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) return 'each linear ring ends where it starts';
    // A county drawn as a point or a line (every corner the same, or on one line) is a shape no one can see or click.
    if (index === 0 && ringArea(ring as number[][]) === 0) return 'the outer ring encloses no area';
    count.n += ring.length;
  }
  return null;
}

/**
 * Checks an uploaded campaign map: a GeoJSON FeatureCollection whose
 * features are Polygons or MultiPolygons, each with a unique id (units
 * link to features by it) and a name to show in the feature picker.
 * Stops after the first few problems: a broken file usually repeats one.
 */
export function checkCampaignMap(body: unknown): CheckedMap {
  const fields: FieldIssue[] = [];
  const fail = (field: string, zh: string, en: string) => fields.push({ field, message: { zh, en } });
  if (!isRecord(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    fail('type', '地图须为 GeoJSON FeatureCollection', 'The map must be a GeoJSON FeatureCollection');
    return { ok: false, fields };
  }
  const features = body.features as unknown[];
  if (features.length === 0) fail('features', '地图中没有任何区域', 'The map has no features');
  if (features.length > maxFeatures) fail('features', `区域过多（最多 ${maxFeatures} 个）`, `Too many features (at most ${maxFeatures})`);
  const seen = new Set<string>();
  const checked: MapFeature[] = [];
  const count = { n: 0 };
  for (const [i, feature] of features.entries()) {
    if (fields.length >= maxIssues) break;
    const at = `features.${i}`;
    if (!isRecord(feature) || feature.type !== 'Feature') {
      fail(at, '每一项须为 GeoJSON Feature', 'Each entry must be a GeoJSON Feature');
      continue;
    }
    const rawId = feature.id;
    const id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : null;
    if (id === null) fail(`${at}.id`, '区域缺少 id（单位按 id 对应地图区域）', 'The feature has no id (units link to features by id)');
    else if (seen.has(id)) fail(`${at}.id`, `区域 id 重复：${id}`, `Feature id ${id} is used twice`);
    else seen.add(id);
    const geometry = feature.geometry;
    if (!isRecord(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      fail(`${at}.geometry.type`, '区域的几何类型须为 Polygon 或 MultiPolygon', 'The geometry must be a Polygon or a MultiPolygon');
      continue;
    }
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const problem = Array.isArray(polygons) && polygons.length > 0 ? polygons.map((p) => polygonProblem(p, count)).find((p) => p !== null) : 'a MultiPolygon is a non-empty array of Polygons';
    if (problem !== undefined && problem !== null) fail(`${at}.geometry.coordinates`, `坐标不符合 GeoJSON 规范（${problem}）`, `The coordinates are not valid GeoJSON (${problem})`);
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const name = typeof properties.name === 'string' ? properties.name : null;
    if (id !== null) checked.push({ id, name });
  }
  if (count.n > maxPositions) fail('features', `坐标点过多（最多 ${maxPositions} 个），请先简化地图`, `Too many positions (at most ${maxPositions}); simplify the map first`);
  return fields.length > 0 ? { ok: false, fields } : { ok: true, features: checked };
}

/** The map's features, and which units name a feature it does not have. */
export function summariseMap(features: readonly MapFeature[], units: readonly { id: string; mapFeatureId: string | null }[]): MapSummary {
  const ids = new Set(features.map((f) => f.id));
  return {
    features: features.map((f) => ({ ...f })),
    unitsWithoutFeature: units.flatMap((u) => (u.mapFeatureId !== null && !ids.has(u.mapFeatureId) ? [{ unitId: u.id, mapFeatureId: u.mapFeatureId }] : [])),
  };
}
