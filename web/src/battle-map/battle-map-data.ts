import { createMemo, createResource } from 'solid-js';
import { reportsApi } from '../reports/api';
import { readShapes, projectShapes } from './geo';

/** The battle map of a campaign, its detail and its map drawn once at `mapWidth`; the figures refetch when `refetch` is called. */
export function createBattleMapData(campaignId: () => number, mapWidth: number) {
  const [campaign] = createResource(campaignId, (id) => reportsApi.campaign(id));
  const [battleMap, { refetch }] = createResource(campaignId, (id) => reportsApi.battleMap(id));
  const [geojson] = createResource(
    () => (battleMap.latest?.hasMap === true ? campaignId() : null),
    (id) => reportsApi.map(id),
  );
  const layout = createMemo(() => {
    const collection = geojson.latest;
    return collection === undefined ? null : projectShapes(readShapes(collection), mapWidth);
  });
  return { campaign, battleMap, refetch: () => void refetch(), layout };
}
