import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CampaignConfig, CampaignContext } from '../../engine';
import { campaignStates } from '../../engine/campaign/campaign.model';

/**
 * A campaign: its phase (the campaign statechart's state and context) and its
 * configuration (windows, exit criteria, time limits, WIP limits, targets).
 */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  state: text('state', { enum: campaignStates }).notNull(),
  context: text('context', { mode: 'json' }).$type<CampaignContext>().notNull(),
  version: integer('version').notNull(),
  config: text('config', { mode: 'json' }).$type<CampaignConfig>().notNull(),
  /** The bureau's own messaging system: escalations are POSTed here as JSON, signed with the secret. */
  /** The campaign's map (GeoJSON FeatureCollection) for the battle map; units link to its features by id. */
  mapGeojson: text('map_geojson'),
  /** The column mapping of the last clue import, offered again next time. */
  importMapping: text('import_mapping', { mode: 'json' }).$type<Record<string, string | null>>(),
  webhookUrl: text('webhook_url'),
  webhookSecret: text('webhook_secret'),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Crime categories are data: named in both languages, ordered, retired without deleting history. */
export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: text('retired_at'),
  },
  (t) => [uniqueIndex('categories_campaign_code').on(t.campaignId, t.code), index('categories_campaign').on(t.campaignId)],
);
