import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { campaignMaps } from '../../db/schema';

/** The campaign's map as stored (GeoJSON text), or null when it has none. */
export async function storedMap(db: Db | Tx, campaignId: number): Promise<string | null> {
  const [row] = await db.select({ geojson: campaignMaps.geojson }).from(campaignMaps).where(eq(campaignMaps.campaignId, campaignId));
  return row?.geojson ?? null;
}

/** Whether the campaign has a map, without reading it (about a megabyte). */
export async function hasStoredMap(db: Db | Tx, campaignId: number): Promise<boolean> {
  const [row] = await db.select({ campaignId: campaignMaps.campaignId }).from(campaignMaps).where(eq(campaignMaps.campaignId, campaignId));
  return row !== undefined;
}
