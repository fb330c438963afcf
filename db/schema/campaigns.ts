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
  /** The column mapping of the last clue import, offered again next time. */
  importMapping: text('import_mapping', { mode: 'json' }).$type<Record<string, string | null>>(),
  /** The bureau's own messaging system: escalations are POSTed here as JSON, signed with the secret. */
  webhookUrl: text('webhook_url'),
  webhookSecret: text('webhook_secret'),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * A campaign's map (a GeoJSON FeatureCollection) for the battle map; units
 * link to its features by id. In a table of its own: a city's map is about
 * a megabyte, and in the campaign's row SQLite walked every page of it to
 * read a column stored after it, on every read of a campaign (the
 * deadline sweep read one in each part of its work).
 */
export const campaignMaps = sqliteTable('campaign_maps', {
  campaignId: integer('campaign_id')
    .primaryKey()
    .references(() => campaigns.id),
  geojson: text('geojson').notNull(),
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
