import { createMemo, createResource } from 'solid-js';
import { reportsApi } from '../reports/api';
import { readShapes, projectShapes } from './geo';

/** The battle map of a campaign, its detail, its typical cases and its map drawn once at `mapWidth`; the figures and the cases refetch when `refetch` is called. */
export function createBattleMapData(campaignId: () => number, mapWidth: number) {
  const [campaign] = createResource(campaignId, (id) => reportsApi.campaign(id));
  const [battleMap, { refetch }] = createResource(campaignId, (id) => reportsApi.battleMap(id));
  // The whole campaign's typical cases, chosen and standing now.
  const [typicalCases, { refetch: refetchTypical }] = createResource(campaignId, (id) => reportsApi.typicalCases(id, {}));
  const [geojson] = createResource(
    () => (battleMap.latest?.hasMap === true ? campaignId() : null),
    (id) => reportsApi.map(id),
  );
  const layout = createMemo(() => {
    const collection = geojson.latest;
    return collection === undefined ? null : projectShapes(readShapes(collection), mapWidth);
  });
  return {
    campaign,
    battleMap,
    typicalCases,
    /** Whether the typical cases could not be read (and none were read before). */
    typicalFailed: () => typicalCases.error !== undefined && typicalCases.latest === undefined,
    refetch: () => {
      void refetch();
      void refetchTypical();
    },
    layout,
  };
}
