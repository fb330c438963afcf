import { createMemo, createResource } from 'solid-js';
import { reportsApi } from '../reports/api';
import { keptRead } from '../ui/read-shown';
import { readShapes, projectShapes } from './geo';

/**
 * The battle map of a campaign, its detail, its typical cases and its map
 * drawn once at `mapWidth`; the figures and the cases refetch when `refetch`
 * is called. A page that shows them stays up: a read that fails keeps what
 * was read before and is tried again by itself (see keptRead).
 */
export function createBattleMapData(campaignId: () => number, mapWidth: number) {
  // Not kept as last read: a campaign that is not there (a mistyped address) is the page's to say, as elsewhere.
  const [campaign, { refetch: refetchCampaign }] = createResource(campaignId, (id) => reportsApi.campaign(id));
  const [battleMapRead, { refetch }] = createResource(campaignId, (id) => reportsApi.battleMap(id));
  const battleMap = keptRead(battleMapRead, refetch);
  // The whole campaign's typical cases, chosen and standing now.
  const [typicalRead, { refetch: refetchTypical }] = createResource(campaignId, (id) => reportsApi.typicalCases(id, {}));
  const typicalCases = keptRead(typicalRead, refetchTypical);
  const [geojsonRead, { refetch: refetchGeojson }] = createResource(
    () => (battleMap()?.hasMap === true ? campaignId() : null),
    (id) => reportsApi.map(id),
  );
  const geojson = keptRead(geojsonRead, refetchGeojson);
  const layout = createMemo(() => {
    const collection = geojson();
    return collection === undefined ? null : projectShapes(readShapes(collection), mapWidth);
  });
  return {
    campaign,
    /** The figures last read; none before the first answer. */
    battleMap,
    /** Why the figures could not be read, while none were read before (the page says so in their place). */
    battleMapFailed: (): unknown => (battleMap() === undefined ? battleMapRead.error : undefined),
    /** Whether the figures shown are older than the last read, which failed (tried again by itself). */
    stale: () => battleMapRead.error !== undefined && battleMap() !== undefined,
    typicalCases,
    /** Whether the typical cases could not be read (and none were read before). */
    typicalFailed: () => typicalRead.error !== undefined && typicalCases() === undefined,
    /** The figures and cases again; the campaign too when it changed (its phase, its name, its windows). */
    refetch: (campaignChanged = false) => {
      void refetch();
      void refetchTypical();
      if (campaignChanged) void refetchCampaign();
    },
    layout,
  };
}
